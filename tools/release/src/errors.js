// @ts-check
import { ToolError } from "@sdkit/cli-kit";

/** A release step refused or failed; the message says which step and what to do. Nothing secret goes in it. */
export class ReleaseError extends ToolError {
  /**
   * @param {string} message
   * @param {{ step: string }} details
   */
  constructor(message, { step }) {
    super(message);
    /** The step that stopped the release, e.g. "clean tree" or "turbo run lint". */
    this.step = step;
  }
}
