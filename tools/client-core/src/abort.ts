/** What an aborted signal rejects with: its reason, or a standard AbortError if it has none. */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("This operation was aborted", "AbortError");
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortReason(signal));
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal as AbortSignal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * `Promise.race([work, stop])` for the one pair the transport races (the exchange against the
 * attempt's abort or timeout), a few times per attempt: without the array, the iteration and the
 * `Promise.resolve` of each entry, and with a handler on `work` either way, so a rejection of the
 * work after `stop` won (the abort makes fetch reject too) is never an unhandled one.
 */
export function raceStop<T>(work: Promise<T>, stop: Promise<never>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    work.then(resolve, reject);
    stop.then(resolve, reject);
  });
}
