// @ts-check

/**
 * Keeps the last `maxLines` lines of a child's output so a failed start can show what Prism said,
 * without a long-running mock growing its memory with every logged request.
 */
export class LogBuffer {
  /** @type {string[]} */
  #lines = [];
  #partial = "";
  #maxLines;

  /** @param {number} [maxLines] */
  constructor(maxLines = 500) {
    this.#maxLines = maxLines;
  }

  /**
   * Adds a chunk of output and returns the complete lines it finished.
   *
   * @param {string} chunk
   * @returns {string[]}
   */
  push(chunk) {
    const parts = (this.#partial + chunk).split(/\r?\n/);
    this.#partial = parts.pop() ?? "";
    // Colours are off in Prism's env, but strip escapes anyway so matching and the kept log stay plain.
    const lines = parts.map(stripAnsi);
    this.#lines.push(...lines);
    if (this.#lines.length > this.#maxLines) this.#lines.splice(0, this.#lines.length - this.#maxLines);
    return lines;
  }

  /** Everything kept so far, including an unterminated last line. */
  text() {
    return [...this.#lines, ...(this.#partial ? [stripAnsi(this.#partial)] : [])].join("\n");
  }
}

/** @param {string} text */
function stripAnsi(text) {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escapes start with the ESC control character.
  return text.replace(/\u001b\[[0-9;]*m/g, "");
}
