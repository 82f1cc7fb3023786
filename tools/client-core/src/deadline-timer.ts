/** A moment to act at, on the transport's clock: `fire` runs once `at` has passed, unless cleared first. */
export interface Deadline {
  readonly at: number;
  readonly fire: () => void;
}

/** What `setTimeout` returns in Node and Bun: a timer that can stop keeping the process alive. */
interface UnrefableTimer {
  ref(): unknown;
  unref(): unknown;
}

const isUnrefable = (timer: unknown): timer is UnrefableTimer =>
  typeof (timer as Partial<UnrefableTimer> | undefined)?.unref === "function";

/**
 * One timer for every attempt of a transport, instead of a `setTimeout` and `clearTimeout` per
 * attempt. Attempts almost always end long before their timeout, so a timer per attempt is set
 * and cleared for nothing on every call; on loopback that pair cost about 1.5 % of a small call
 * (bench/src/suites/client/pagination.js). Here an attempt adds its deadline to a set and deletes
 * it when it ends; the one timer is armed for the earliest deadline only when a new one is earlier
 * than the moment it is armed for. When it fires, it fires what is due and re-arms for the
 * earliest deadline left, so a deadline fires no earlier than before, and at most a millisecond
 * later (timers are rounded up).
 *
 * With nothing to watch, the timer stops keeping the process alive (`unref`, where timers have it);
 * where they have not (Deno's and browsers' numbers), it is cleared instead, as before.
 */
export class DeadlineTimer {
  readonly #now: () => number;
  readonly #pending = new Set<Deadline>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** The moment the armed timer is for; +Infinity when none is armed. */
  #armedFor = Number.POSITIVE_INFINITY;

  constructor(now: () => number) {
    this.#now = now;
  }

  /** Watches `at`: `fire` runs once it has passed (at once if it has already). */
  add(at: number, fire: () => void): Deadline {
    const deadline: Deadline = { at, fire };
    if (this.#pending.size === 0 && isUnrefable(this.#timer)) this.#timer.ref();
    this.#pending.add(deadline);
    if (at < this.#armedFor) this.#arm(at);
    return deadline;
  }

  /** Stops watching a deadline (one already fired or cleared, or undefined, is ignored). */
  clear(deadline: Deadline | undefined): void {
    if (deadline === undefined || !this.#pending.delete(deadline) || this.#pending.size > 0) return;
    if (isUnrefable(this.#timer)) {
      this.#timer.unref();
    } else {
      clearTimeout(this.#timer);
      this.#timer = undefined;
      this.#armedFor = Number.POSITIVE_INFINITY;
    }
  }

  #arm(at: number): void {
    clearTimeout(this.#timer);
    this.#armedFor = at;
    // Rounded up: a timer may fire a fraction of a millisecond early, and what is not yet due then
    // is only re-armed.
    this.#timer = setTimeout(() => this.#fire(), Math.max(0, Math.ceil(at - this.#now())));
  }

  #fire(): void {
    this.#timer = undefined;
    this.#armedFor = Number.POSITIVE_INFINITY;
    const now = this.#now();
    let next = Number.POSITIVE_INFINITY;
    // A `fire` may add or clear deadlines: a Set's iteration sees what is added and skips what is deleted.
    for (const deadline of this.#pending) {
      if (deadline.at <= now) {
        this.#pending.delete(deadline);
        deadline.fire();
      } else if (deadline.at < next) {
        next = deadline.at;
      }
    }
    if (this.#pending.size > 0 && next < this.#armedFor) this.#arm(next);
  }
}
