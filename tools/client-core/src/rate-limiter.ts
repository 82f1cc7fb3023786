import { abortReason } from "./abort.js";

export interface RateLimitOptions {
  /**
   * The most requests the server may count within any window of `intervalMs`: a request counts
   * from its start until `intervalMs` after its response (or failure) is seen.
   */
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
 * A sliding-window limiter that counts a request until the server can no longer be counting it.
 *
 * A permit is live from its grant until `intervalMs` after the request it covers ends, that is,
 * after the response (headers) or the failure the client sees. A new permit starts only while
 * fewer than `limit` are live. Why not from the moment fetch is called: a server counts a request
 * when it arrives, and a request handed to fetch may arrive much later (a new connection, a queue
 * in the agent) than the next one sent on a kept-alive socket, so windows of fetch calls within
 * the limit can still be windows of arrivals over it. Every arrival lies between the grant and the
 * end, so any window of arrivals [t, t + intervalMs) only holds permits that were all live at the
 * latest of their grants: never more than `limit`. (Windows of grants are bounded the same way.)
 *
 * The cost is each request's latency: a permit is held for `intervalMs` plus the round trip, so a
 * saturated limiter sustains `limit / (intervalMs + latency)` rather than `limit / intervalMs`
 * (about 1 % for a 100 ms round trip under a 10 s window; see bench/ for the measured figure).
 *
 * Bookkeeping is O(1) per permit: a count of requests in flight, and a FIFO ring of the end times
 * of the finished ones still inside the window (ends are stamped with the clock when seen, so the
 * ring is sorted). Waiters are served in arrival order, by a timer armed for the moment the oldest
 * end ages out (when every permit is in flight, the first end arms it).
 *
 * `run` calls the caller's `start` (which calls fetch) synchronously inside the grant; if it
 * returns a promise, the permit ends when that promise settles; otherwise it ends at once.
 */
export class SlidingWindowRateLimiter {
  readonly limit: number;
  readonly intervalMs: number;
  readonly #now: () => number;
  /** End times of finished permits, oldest first, from `#head` for `#ended` entries (a ring). */
  readonly #ends: Float64Array;
  #head = 0;
  #ended = 0;
  #inFlight = 0;
  #queue: Array<Waiter | undefined> = [];
  #queueHead = 0;
  #waiting = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: RateLimitOptions, now: () => number = defaultNow) {
    this.limit = options.limit;
    this.intervalMs = options.intervalMs;
    this.#now = now;
    this.#ends = new Float64Array(options.limit);
  }

  /** Requests waiting for a permit. */
  get pending(): number {
    return this.#waiting;
  }

  /** Requests granted whose response or failure has not been seen yet. */
  get inFlight(): number {
    return this.#inFlight;
  }

  /** Takes a permit now if one is free and nobody is queued ahead; never waits. The permit ends at once. */
  tryAcquire(): boolean {
    if (this.#waiting > 0 || !this.#free(this.#now())) return false;
    this.#pushEnd(this.#now());
    return true;
  }

  /** Resolves when a permit is taken (it ends at once); rejects with the signal's reason if it aborts first. */
  acquire(signal?: AbortSignal): Promise<void> {
    return this.run(noop, signal);
  }

  /**
   * Calls `start` when a permit is free, in the same synchronous step as the grant, and resolves
   * with what it returned (rejects if it threw). If `start` returns a promise, the permit stays
   * live until it settles and for `intervalMs` after. Rejects with the signal's reason if the
   * signal aborts while waiting; `start` is then never called.
   */
  run<T>(start: () => T, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (this.#waiting === 0 && this.#free(this.#now())) {
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

  /** Whether fewer than `limit` permits are live at `now` (forgetting ends that aged out). */
  #free(now: number): boolean {
    while (this.#ended > 0 && (this.#ends[this.#head] as number) + this.intervalMs <= now) {
      this.#head = this.#head + 1 === this.limit ? 0 : this.#head + 1;
      this.#ended--;
    }
    return this.#inFlight + this.#ended < this.limit;
  }

  /** Grants a permit and calls `start`; the permit ends when its result settles (at once if not a promise). */
  #start<T>(start: () => T): T {
    this.#inFlight++;
    let result: T;
    try {
      result = start();
    } catch (error) {
      this.#end();
      throw error;
    }
    if (result !== null && typeof (result as { then?: unknown })?.then === "function") {
      const end = () => this.#end();
      (result as unknown as PromiseLike<unknown>).then(end, end);
    } else {
      this.#end();
    }
    return result;
  }

  /** A permit's request ended now: it stays live for one more window, then frees. */
  #end(): void {
    this.#inFlight--;
    this.#pushEnd(this.#now());
    // A slot freed only by this end's ageing out: the armed timer (if any) may be for a later one.
    if (this.#waiting > 0 && this.#timer === undefined) this.#arm();
  }

  #pushEnd(at: number): void {
    // Never overflows: live permits (in flight + ended within the window) never exceed `limit`.
    let tail = this.#head + this.#ended;
    if (tail >= this.limit) tail -= this.limit;
    this.#ends[tail] = at;
    this.#ended++;
  }

  /** When the next permit may start: at once if one is free, when the oldest end ages out, or never (all in flight). */
  #nextFreeAt(): number {
    if (this.#free(this.#now())) return Number.NEGATIVE_INFINITY;
    if (this.#ended === 0) return Number.POSITIVE_INFINITY;
    return (this.#ends[this.#head] as number) + this.intervalMs;
  }

  #arm(): void {
    if (this.#timer !== undefined || this.#waiting === 0) return;
    const at = this.#nextFreeAt();
    // Every permit is in flight: the next end arms the timer again.
    if (at === Number.POSITIVE_INFINITY) return;
    // Timers may fire a fraction of a millisecond early on some clocks: round up, and #release
    // re-checks the clock and re-arms if it woke too soon.
    const delay = Math.max(0, Math.ceil(at - this.#now()));
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
      if (!this.#free(this.#now())) break;
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
