// @ts-check
import { ToolError } from "@sdkit/cli-kit";

/**
 * Base class of every error the mock raises, so callers can tell them from their own. A ToolError:
 * the CLI prints its message (which says what to do) without a stack trace.
 */
export class MockError extends ToolError {}

/** The spec Prism should serve is missing, usually because the bundle step has not run yet. */
export class SpecNotFoundError extends MockError {
  /** @param {string} specPath @param {{ isDefault: boolean }} how */
  constructor(specPath, { isDefault }) {
    const hint = isDefault
      ? "bundle the spec first (openapi-bundle), or pass --spec <path of a bundled OpenAPI document>"
      : "pass the path of a bundled OpenAPI document (JSON or YAML)";
    super(`spec not found at ${specPath}: ${hint}`);
    this.specPath = specPath;
  }
}

/** Something already listens on the requested host and port. */
export class PortInUseError extends MockError {
  /** @param {string} host @param {number} port @param {ErrorOptions} [options] */
  constructor(host, port, options) {
    super(`port ${port} on ${host} is already in use: stop what is listening there or choose another port`, options);
    this.host = host;
    this.port = port;
  }
}

/** Prism exited, or did not report that it listens, before the start-up deadline. */
export class MockStartError extends MockError {
  /** @param {string} reason @param {string} prismLog */
  constructor(reason, prismLog) {
    super(`Prism did not start: ${reason}\n--- Prism log ---\n${prismLog || "(no output)"}\n--- end of Prism log ---`);
    this.prismLog = prismLog;
  }
}
