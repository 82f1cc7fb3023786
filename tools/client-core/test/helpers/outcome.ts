import { vi } from "vitest";

/** How a promise settled: its value, or the error it rejected with. */
export type Outcome<T> =
  | { settled: "resolved"; value: T; error?: undefined }
  | { settled: "rejected"; value?: undefined; error: unknown };

/**
 * Captures a promise's outcome without letting a rejection go unhandled. With `advanceMs`, drives
 * fake time forward that far first (for calls that wait on timers). The one helper for this in the
 * client's tests.
 */
export async function outcomeOf<T>(promise: Promise<T>, advanceMs?: number): Promise<Outcome<T>> {
  const outcome = promise.then(
    (value) => ({ settled: "resolved" as const, value }),
    (error: unknown) => ({ settled: "rejected" as const, error }),
  );
  if (advanceMs !== undefined) await vi.advanceTimersByTimeAsync(advanceMs);
  return outcome;
}
