// @ts-check
import { ToolError } from "@sdkit/cli-kit";

/**
 * A failure the maintainer can act on (bad input, lint errors, a failed build): printed without a
 * stack trace, always with where it happened. A ToolError, so `runCli` reports it as one.
 */
export class SpecUpdateError extends ToolError {
  /**
   * @param {string} message
   * @param {{ source?: string, pointer?: string, step?: string }} [where]
   */
  constructor(message, where = {}) {
    const location = [where.source, where.pointer ? `#${where.pointer}` : ""].filter(Boolean).join(" ");
    super(location ? `${location}: ${message}` : message);
    this.source = where.source;
    this.pointer = where.pointer;
    this.step = where.step;
  }
}
