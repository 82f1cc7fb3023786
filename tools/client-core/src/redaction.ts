export const REDACTED = "[REDACTED]";

export type Redactor = (text: string) => string;

/** Below this length a case-insensitive match would blank ordinary words; real keys are far longer. */
const MIN_CASE_INSENSITIVE_LENGTH = 8;
/** How deep a chain of `cause`s is followed; deeper links are dropped rather than risk a leak. */
const MAX_CAUSE_DEPTH = 16;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Returns a function that blanks out every occurrence of each secret in a string: as written,
 * URL-encoded (as it would appear in a query string or an echoed URL), and, for secrets long enough
 * not to match ordinary words, in any letter case (servers and proxies upper- or lower-case what
 * they echo). Everything the client puts into an error or a log line passes through it.
 */
export function createRedactor(secrets: string | readonly string[]): Redactor {
  const exact = new Set<string>();
  const anyCase = new Set<string>();
  for (const secret of typeof secrets === "string" ? [secrets] : secrets) {
    if (secret === "") continue;
    const forms = [secret, encodeURIComponent(secret), new URLSearchParams({ k: secret }).toString().slice(2)];
    for (const form of forms) (secret.length >= MIN_CASE_INSENSITIVE_LENGTH ? anyCase : exact).add(form);
  }
  const alternatives = (set: Set<string>) =>
    [...set]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join("|");
  const patterns: RegExp[] = [];
  if (exact.size > 0) patterns.push(new RegExp(alternatives(exact), "g"));
  if (anyCase.size > 0) patterns.push(new RegExp(alternatives(anyCase), "gi"));
  return (text) => {
    let out = text;
    for (const pattern of patterns) out = out.replace(pattern, REDACTED);
    return out;
  };
}

/**
 * A cause chain that mentions a secret anywhere, at any depth, is replaced by copies with the
 * secret blanked out (names, messages, stacks and string or object causes); a clean chain is kept
 * as it is, so stacks and identities stay useful.
 */
export function redactCause(cause: unknown, redact: Redactor, depth = 0): unknown {
  if (depth >= MAX_CAUSE_DEPTH) return undefined;
  if (typeof cause === "string") return redact(cause);
  if (cause instanceof Error) {
    const { name, message, stack } = cause;
    const inner = cause.cause;
    const redactedInner = inner === undefined ? undefined : redactCause(inner, redact, depth + 1);
    const clean =
      redact(name) === name &&
      redact(message) === message &&
      (stack === undefined || redact(stack) === stack) &&
      redactedInner === inner;
    if (clean) return cause;
    const copy = new Error(redact(message), redactedInner === undefined ? undefined : { cause: redactedInner });
    copy.name = redact(name);
    copy.stack = stack === undefined ? undefined : redact(stack);
    const code = (cause as { code?: unknown }).code;
    if (typeof code === "string") Object.assign(copy, { code: redact(code) });
    return copy;
  }
  if (cause !== null && typeof cause === "object") {
    let text: string;
    try {
      text = JSON.stringify(cause) ?? "";
    } catch {
      return "[cause omitted: not serializable, so it could not be checked for secrets]";
    }
    return redact(text) === text ? cause : redact(text);
  }
  return cause;
}
