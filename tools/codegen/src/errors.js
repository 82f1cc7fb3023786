// @ts-check

/**
 * A problem in the OpenAPI document or the command line that the user has to fix. The message
 * names the file and the JSON pointer; the CLI prints it without a stack trace and exits 1.
 */
export class CodegenError extends Error {
  /**
   * @param {string} message
   * @param {{ file?: string, pointer?: string }} [where]
   */
  constructor(message, where = {}) {
    const location = [where.file, where.pointer === undefined ? "" : `#${where.pointer}`].filter(Boolean).join("");
    super(location ? `${location}: ${message}` : message);
    this.name = "CodegenError";
    this.file = where.file;
    this.pointer = where.pointer;
  }
}
