// @ts-check

/**
 * Base class of every error our tools report to a user: a problem they can fix (their spec, their
 * command line), printed as its message without a stack trace. Subclasses name themselves after
 * their class, so `error.name` is always the class name (`SpecError`, `UsageError`, ...).
 */
export class ToolError extends Error {
  /**
   * @param {string} message
   * @param {ErrorOptions} [options]
   */
  constructor(message, options) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A bad command line: printed with the usage text, exit code 2. */
export class UsageError extends ToolError {}

/**
 * A problem in an OpenAPI document, located by file, line (when known) and JSON pointer:
 * `spec/openapi.yaml:12:3 #/paths/~1pets: message`.
 */
export class SpecError extends ToolError {
  /**
   * @param {string} message
   * @param {{ file?: string, line?: number, column?: number, pointer?: string, cause?: unknown }} [where]
   */
  constructor(message, where = {}) {
    const position = where.file && where.line ? `:${where.line}${where.column ? `:${where.column}` : ""}` : "";
    const location = [where.file ? `${where.file}${position}` : "", where.pointer ? `#${where.pointer}` : ""]
      .filter(Boolean)
      .join(" ");
    super(location ? `${location}: ${message}` : message, { cause: where.cause });
    this.file = where.file;
    this.line = where.line;
    this.column = where.column;
    this.pointer = where.pointer;
  }
}
