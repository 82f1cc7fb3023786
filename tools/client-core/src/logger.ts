/** Where debug lines go: `console` fits, as do pino, winston and most loggers. */
export interface Logger {
  debug(message: string, details?: Record<string, unknown>): void;
}

/** Calls the logger, never letting a failing logger break a request. */
export function logDebug(logger: Logger, prefix: string, message: string, details: Record<string, unknown>): void {
  try {
    logger.debug(`[${prefix}] ${message}`, details);
  } catch {
    // A broken logger must not turn a good call into a failed one.
  }
}

/** Headers as a plain record for a log line, with every secret-bearing value blanked. */
export function headersForLog(
  headers: Headers,
  secretHeaders: ReadonlySet<string>,
  redact: (text: string) => string,
): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] =
      secretHeaders.has(name) || name === "authorization" || name === "proxy-authorization" || name.includes("cookie")
        ? "[REDACTED]"
        : redact(value);
  });
  return out;
}
