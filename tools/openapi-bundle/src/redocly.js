// @ts-check
import { spawn } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const redoclyBin = require.resolve("@redocly/cli/bin/cli.js");
const noNetwork = require.resolve("./no-network.cjs");

/** Redocly runs at most this long by default: far above any real spec, low enough to end a hang. */
export const DEFAULT_REDOCLY_TIMEOUT_MS = 10 * 60_000;
/** The heap Redocly may use by default (MB); a pathological document fails instead of thrashing. */
export const DEFAULT_REDOCLY_HEAP_MB = 4096;

/** Environment for every Redocly run: no telemetry, no update checks against the network. */
export function redoclyEnv(env = process.env) {
  return {
    ...env,
    REDOCLY_TELEMETRY: "off",
    REDOCLY_SUPPRESS_UPDATE_NOTICE: "true",
    NO_COLOR: "1",
    FORCE_COLOR: "0",
  };
}

// Lines Redocly prints that say nothing about the spec, or that we say better ourselves: the boxed
// Node-version notice, the cheer on success, and the hint to silence problems with an ignore file
// (which cannot be run as written from our repo root anyway).
const noise = [/^\s*[║╔╚]/, /Woohoo! Your API description is valid/, /--generate-ignore-file/];

/**
 * Drops Redocly's noise lines and collapses the blank lines around them.
 *
 * @param {string} text
 */
export function cleanRedoclyOutput(text) {
  return text
    .split("\n")
    .filter((line) => !noise.some((pattern) => pattern.test(line)))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n");
}

/**
 * @typedef {object} RunRedoclyOptions
 * @property {string} [cwd] Redocly's working directory: the paths it prints are relative to it
 * @property {boolean} [stream] relay (cleaned) output as it comes instead of only returning it
 * @property {number} [timeoutMs] kill Redocly after this long (default DEFAULT_REDOCLY_TIMEOUT_MS)
 * @property {number} [heapMb] Redocly's heap limit in MB (default DEFAULT_REDOCLY_HEAP_MB)
 * @property {NodeJS.ProcessEnv} [env] base environment (default: ours)
 */

/**
 * Runs the Redocly CLI with `args` in its own Node process, with telemetry off, no network at
 * all (see no-network.cjs), a heap limit and a deadline. Resolves with its exit code (null when it was killed), why it was killed if it was,
 * its cleaned output (stdout and stderr as they came) and its stdout alone, raw (for `--format json`,
 * which stderr lines would otherwise split); never rejects for a non-zero exit (callers decide what
 * that means).
 *
 * @param {string[]} args
 * @param {RunRedoclyOptions} [options]
 * @returns {Promise<{ code: number | null, output: string, stdout: string, killed?: "timeout" }>}
 */
export function runRedocly(args, options = {}) {
  const heapMb = options.heapMb ?? DEFAULT_REDOCLY_HEAP_MB;
  const timeoutMs = options.timeoutMs ?? DEFAULT_REDOCLY_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [`--max-old-space-size=${heapMb}`, "--require", noNetwork, redoclyBin, ...args],
      {
        cwd: options.cwd,
        env: redoclyEnv(options.env),
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    /** @type {"timeout" | undefined} */
    let killed;
    const timer = setTimeout(() => {
      killed = "timeout";
      child.kill("SIGKILL");
    }, timeoutMs);
    let output = "";
    let stdout = "";
    /** @param {NodeJS.WriteStream} sink */
    const collect = (sink) => (/** @type {Buffer} */ chunk) => {
      const text = chunk.toString("utf8");
      output += text;
      if (sink === process.stdout) stdout += text;
      if (options.stream) sink.write(cleanRedoclyOutput(text));
    };
    child.stdout.on("data", collect(process.stdout));
    child.stderr.on("data", collect(process.stderr));
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output: cleanRedoclyOutput(output), stdout, ...(killed ? { killed } : {}) });
    });
  });
}
