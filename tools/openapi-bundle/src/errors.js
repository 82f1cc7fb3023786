// @ts-check

/** A failure the user can fix in their spec or command line; printed without a stack trace. */
export class SpecError extends Error {
  /**
   * @param {string} message
   * @param {{ file?: string, pointer?: string }} [where]
   */
  constructor(message, where = {}) {
    const location = [where.file, where.pointer ? `#${where.pointer}` : ""].filter(Boolean).join(" ");
    super(location ? `${location}: ${message}` : message);
    this.name = "SpecError";
    this.file = where.file;
    this.pointer = where.pointer;
  }
}
