import type { SdkDefinition } from "./definition.js";

/** The longest delay `setTimeout` can hold (2^31 - 1 ms, about 24.8 days); longer ones fire at once. */
const MAX_TIMER_MS = 2_147_483_647;

const shown = (value: unknown) => (typeof value === "string" ? JSON.stringify(value) : String(value));

/** An option error, naming the function (`where`) and the option. */
export function invalid(sdk: SdkDefinition, where: string, option: string, expected: string, value: unknown): Error {
  return new sdk.errors.Base(`${where}: \`${option}\` must be ${expected}, got ${shown(value)}`);
}

/**
 * A duration a timer must hold: positive, finite and at most 2^31 - 1 ms, beyond which
 * `setTimeout` fires at once. Used for the client's options and for per-call ones.
 */
export function checkDuration(
  sdk: SdkDefinition,
  where: string,
  option: string,
  value: unknown,
  fallback: number,
): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !(value > 0) || value > MAX_TIMER_MS) {
    throw invalid(
      sdk,
      where,
      option,
      `a number of milliseconds above 0 and at most ${MAX_TIMER_MS} (about 24.8 days)`,
      value,
    );
  }
  return value;
}

/** A retry count: a non-negative integer, small enough to mean something. */
export function checkRetries(sdk: SdkDefinition, where: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0 || value > 100) {
    throw invalid(sdk, where, "maxRetries", "a non-negative integer (at most 100)", value);
  }
  return value;
}
