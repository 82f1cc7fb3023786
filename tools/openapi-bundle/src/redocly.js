// @ts-check
import { spawn } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const redoclyBin = require.resolve("@redocly/cli/bin/cli.js");

/** Environment for every Redocly run: no telemetry, no update checks against the network. */
export function redoclyEnv(env = process.env) {
  return {
    ...env,
    REDOCLY_TELEMETRY: "off",
    REDOCLY_SUPPRESS_UPDATE_NOTICE: "true",
  };
}

// Redocly prints a boxed Node-version notice on every run; it says nothing about the spec.
const noticeBoxLine = /^\s*[║╔╚]/;

/**
 * Runs the Redocly CLI with `args`, streaming its output (minus the notice box) to ours.
 *
 * @param {string[]} args
 * @param {{ cwd?: string }} [options]
 * @returns {Promise<{ code: number, output: string }>}
 */
export function runRedocly(args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [redoclyBin, ...args], {
      cwd: options.cwd,
      env: redoclyEnv(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    /** @param {NodeJS.WriteStream} sink */
    const relay = (sink) => (/** @type {Buffer} */ chunk) => {
      const text = chunk
        .toString("utf8")
        .split("\n")
        .filter((line) => !noticeBoxLine.test(line))
        .join("\n");
      output += text;
      sink.write(text);
    };
    child.stdout.on("data", relay(process.stdout));
    child.stderr.on("data", relay(process.stderr));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}
