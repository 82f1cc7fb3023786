import { abortReason } from "./abort.js";

export interface RateLimitOptions {
  /** The most requests that may start within any window of `intervalMs`. */
  limit: number;
  /** The window length in milliseconds. */
  intervalMs: number;
}

interface Waiter {
  start: () => unknown;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
  settled: boolean;
}

const noop = (): undefined => undefined;

const defaultNow = (): number => (globalThis.performance ? globalThis.performance.now() : Date.now());

/**
 * An exact sliding-window limiter: no window of `intervalMs` ever holds more than `limit` starts.
 *
 * It keeps the start times of the last `limit` permits in a ring buffer. A new permit may start
 * when the oldest of them is at least `intervalMs` old, which is exactly the condition for any
 * `limit + 1` consecutive starts to span a full window. (A token bucket of size `limit` lets up to
 * `2 * limit - 1` through in one window; a fixed-window counter does the same across a boundary.)
 * Each permit costs O(1): one ring write, plus an amortised O(1) FIFO queue step when it waits.
 * Waiters are served in arrival order by a single timer armed for the moment the next slot frees.
 *
 * The limit holds where it matters, at the moment a request is handed to fetch: `run` calls the
 * caller's `start` (which calls fetch) synchronously inside the grant, checking the clock for each
 * grant and stamping the permit with the time read after `start` returned, so no window of
 * fetch calls can hold more than `limit`, however slow the event loop is between grant and send.
 */
export class SlidingWindowRateLimiter {
  readonly limit: number;
  readonly intervalMs: number;
  readonly #now: () => number;
  /** Start times of the last `limit` permits; `#oldest` indexes the oldest once the ring is full. */
  readonly #starts: Float64Array;
  #oldest = 0;
  #filled = 0;
  #queue: Array<Waiter | undefined> = [];
  #queueHead = 0;
  #waiting = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: RateLimitOptions, now: () => number = defaultNow) {
    this.limit = options.limit;
    this.intervalMs = options.intervalMs;
    this.#now = now;
    this.#starts = new Float64Array(options.limit);
  }

  /** Requests waiting for a permit. */
  get pending(): number {
    return this.#waiting;
  }

  /** Takes a permit now if one is free and nobody is queued ahead; never waits. */
  tryAcquire(): boolean {
    if (this.#waiting > 0) return false;
    const now = this.#now();
    if (now < this.#nextFreeAt()) return false;
    this.#record(now);
    return true;
  }

  /** Resolves when a permit is taken; rejects with the signal's reason if it aborts first. */
  acquire(signal?: AbortSignal): Promise<void> {
    return this.run(noop, signal);
  }

  /**
   * Calls `start` when a permit is free, in the same synchronous step as the grant, and resolves
   * with what it returned (rejects if it threw). Rejects with the signal's reason if the signal
   * aborts while waiting; `start` is then never called.
   */
  run<T>(start: () => T, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (this.#waiting === 0 && this.#now() >= this.#nextFreeAt()) {
      try {
        return Promise.resolve(this.#start(start));
      } catch (error) {
        return Promise.reject(error);
      }
    }
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter = {
        start,
        resolve: resolve as (value: unknown) => void,
        reject,
        signal,
        onAbort: undefined,
        settled: false,
      };
      if (signal) {
        waiter.onAbort = () => this.#cancel(waiter);
        signal.addEventListener("abort", waiter.onAbort, { once: true });
      }
      this.#queue.push(waiter);
      this.#waiting++;
      this.#arm();
    });
  }

  /** When the next permit may start: now if the ring is not full, else when its oldest start ages out. */
  #nextFreeAt(): number {
    if (this.#filled < this.limit) return Number.NEGATIVE_INFINITY;
    return (this.#starts[this.#oldest] as number) + this.intervalMs;
  }

  /** Records a permit, calls `start`, then re-stamps the permit with the clock after the call. */
  #start<T>(start: () => T): T {
    const slot = this.#oldest;
    const reserved = this.#now();
    this.#record(reserved);
    try {
      return start();
    } finally {
      // Only if no re-entrant grant reused the slot meanwhile; a later stamp only makes the limit stricter.
      if (this.#starts[slot] === reserved) this.#starts[slot] = Math.max(reserved, this.#now());
    }
  }

  #record(now: number): void {
    // The slot at #oldest is either unused (ring not yet full) or the oldest start, which no longer
    // matters once a newer one replaces it.
    this.#starts[this.#oldest] = now;
    this.#oldest = this.#oldest + 1 === this.limit ? 0 : this.#oldest + 1;
    if (this.#filled < this.limit) this.#filled++;
  }

  #arm(): void {
    if (this.#timer !== undefined || this.#waiting === 0) return;
    // Timers may fire a fraction of a millisecond early on some clocks: round up, and #release
    // re-checks the clock and re-arms if it woke too soon.
    const delay = Math.max(0, Math.ceil(this.#nextFreeAt() - this.#now()));
    this.#timer = setTimeout(() => this.#release(), delay);
  }

  #release(): void {
    this.#timer = undefined;
    while (this.#waiting > 0 && this.#queueHead < this.#queue.length) {
      const waiter = this.#queue[this.#queueHead];
      if (waiter === undefined || waiter.settled) {
        this.#dropHead();
        continue;
      }
      if (this.#now() < this.#nextFreeAt()) break;
      this.#dropHead();
      this.#settle(waiter);
      try {
        waiter.resolve(this.#start(waiter.start));
      } catch (error) {
        waiter.reject(error);
      }
    }
    this.#arm();
  }

  #cancel(waiter: Waiter): void {
    if (waiter.settled) return;
    // Left in the queue and skipped later: removal from the middle would cost O(n).
    this.#settle(waiter);
    waiter.reject(abortReason(waiter.signal as AbortSignal));
    if (this.#waiting === 0) {
      // Only cancelled waiters are left: forget them, and do not keep the process alive for nobody.
      this.#queue = [];
      this.#queueHead = 0;
      if (this.#timer !== undefined) clearTimeout(this.#timer);
      this.#timer = undefined;
    }
  }

  #settle(waiter: Waiter): void {
    waiter.settled = true;
    this.#waiting--;
    if (waiter.onAbort) waiter.signal?.removeEventListener("abort", waiter.onAbort);
  }

  #dropHead(): void {
    this.#queue[this.#queueHead] = undefined;
    this.#queueHead++;
    // Compact now and then so the array does not grow without bound; amortised O(1).
    if (this.#queueHead > 1024 && this.#queueHead * 2 > this.#queue.length) {
      this.#queue = this.#queue.slice(this.#queueHead);
      this.#queueHead = 0;
    }
  }
}
