// @ts-check

/**
 * A problem with the docs' inputs (spec, samples, templates) that the author has to fix. The CLIs
 * print only its message, without a stack trace, because the message already says what and where.
 */
export class DocsBuildError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = "DocsBuildError";
  }
}
