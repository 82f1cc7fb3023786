// @ts-check
// Which operations take an idempotency key, and in which header: the SDK's client then sends a
// fresh key per call (the same on every retry), so that such a call is safe to resend.
import { SpecError } from "@sdkit/cli-kit";

/** RFC 9110 §5.1: a field name is a token. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** What an operation marked `x-sdk-idempotency-key: true` uses: the IETF draft's field. */
export const DEFAULT_IDEMPOTENCY_HEADER = "Idempotency-Key";

/**
 * The header an operation's idempotency key goes in, or undefined. Declared by the operation's
 * `x-sdk-idempotency-key` (a header name, or `true` for `Idempotency-Key`; `false` opts out), else
 * by the SDK config's `idempotencyHeader`, which marks every operation declaring a header
 * parameter of that name (case-insensitively, as HTTP compares them).
 *
 * @param {import("./model.js").OperationModel} m
 * @param {string | undefined} configured the SDK config's `idempotencyHeader`
 * @param {string | undefined} file
 * @returns {string | undefined}
 */
export function idempotencyHeaderOf(m, configured, file) {
  const value = m.op.operation["x-sdk-idempotency-key"];
  if (value !== undefined) {
    const where = { file, pointer: `${m.op.pointer}/x-sdk-idempotency-key` };
    if (value === false) return undefined;
    if (value === true) return DEFAULT_IDEMPOTENCY_HEADER;
    if (typeof value !== "string" || !HEADER_NAME.test(value)) {
      throw new SpecError(
        `must be an HTTP header name (such as "Idempotency-Key") or true, found ${JSON.stringify(value)}`,
        where,
      );
    }
    const declared = m.headerParams.find((param) => param.name.toLowerCase() === value.toLowerCase());
    // A declared parameter keeps its spelling: the caller passes it under that name.
    return declared ? declared.name : value;
  }
  if (configured === undefined) return undefined;
  return m.headerParams.find((param) => param.name.toLowerCase() === configured.toLowerCase())?.name;
}
