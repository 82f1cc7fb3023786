export const REDACTED = "[REDACTED]";

export type Redactor = (text: string) => string;

/**
 * Returns a function that blanks out every occurrence of `secret` in a string. Everything the
 * client puts into an error (server messages, headers, causes) passes through it, because a server
 * or a proxy may echo the key back, e.g. in a 401 detail.
 */
export function createRedactor(secret: string): Redactor {
  return (text) => (text.includes(secret) ? text.split(secret).join(REDACTED) : text);
}

/**
 * A cause that mentions the secret is replaced by a copy with the secret blanked out; other causes
 * are kept as they are, so stacks stay useful.
 */
export function redactCause(cause: unknown, redact: Redactor): unknown {
  if (cause instanceof Error) {
    const { message, stack } = cause;
    if (redact(message) === message && (stack === undefined || redact(stack) === stack)) return cause;
    const copy = new Error(redact(message));
    copy.name = cause.name;
    copy.stack = stack === undefined ? undefined : redact(stack);
    return copy;
  }
  if (typeof cause === "string") return redact(cause);
  return cause;
}
