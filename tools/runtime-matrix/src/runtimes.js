// @ts-check
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as binaries from "@hatch-api/runtime-binaries";
import { runInChromium } from "./run-browser.js";
import { runProcess } from "./run-process.js";

const cliEntry = fileURLToPath(new URL("suite/cli-entry.js", import.meta.url));
const workerdHost = fileURLToPath(new URL("workerd-host.js", import.meta.url));
const packageDir = fileURLToPath(new URL("..", import.meta.url));

/**
 * @typedef {object} RunContext
 * @property {string} baseUrl the smoke server
 * @property {string} runId attributes the server's records to this run
 * @property {number} timeoutMs for the whole run, start-up included
 */

/**
 * @typedef {object} MatrixRuntime
 * @property {string} id
 * @property {string} label
 * @property {string} reportsAs the name the runtime gives itself in the smoke report
 * @property {() => string} version the pinned (or, for the system Node and Chromium, installed) version,
 *   which the runtime's own report must match
 * @property {(context: RunContext) => Promise<import("./suite/smoke-suite.js").SmokeReport>} run
 */

/**
 * Environment for runtime processes: no Hatch variables (the suite passes its key and URL itself),
 * no telemetry or update checks.
 */
function runtimeEnv() {
  /** @type {NodeJS.ProcessEnv} */
  const env = {};
  for (const [name, value] of Object.entries(process.env)) if (!name.startsWith("HATCH_")) env[name] = value;
  return { ...env, NO_COLOR: "1", DO_NOT_TRACK: "1", DENO_NO_UPDATE_CHECK: "1" };
}

/**
 * @param {string} id
 * @param {string} label
 * @param {() => binaries.RuntimeBinary} binary
 * @returns {MatrixRuntime}
 */
function nodeRuntime(id, label, binary) {
  return {
    id,
    label,
    reportsAs: "node",
    version: () => binary().version,
    run: ({ baseUrl, runId, timeoutMs }) =>
      runProcess({
        label,
        command: binary().path,
        args: [cliEntry, baseUrl, runId],
        env: runtimeEnv(),
        cwd: packageDir,
        timeoutMs,
      }),
  };
}

const systemNode = () => ({ path: process.execPath, version: process.versions.node, npmPackage: "" });

/** @type {MatrixRuntime[]} */
export const RUNTIMES = [
  nodeRuntime("node-system", `Node ${process.versions.node} (system)`, systemNode),
  nodeRuntime("node22", "Node 22", binaries.node22),
  nodeRuntime("node24", "Node 24", binaries.node24),
  {
    id: "bun",
    label: "Bun",
    reportsAs: "bun",
    version: () => binaries.bun().version,
    run: ({ baseUrl, runId, timeoutMs }) =>
      runProcess({
        label: "Bun",
        command: binaries.bun().path,
        args: [cliEntry, baseUrl, runId],
        env: runtimeEnv(),
        cwd: packageDir,
        timeoutMs,
      }),
  },
  {
    id: "deno",
    label: "Deno",
    reportsAs: "deno",
    version: () => binaries.deno().version,
    async run({ baseUrl, runId, timeoutMs }) {
      // Only network access to the smoke server: no --allow-env, so the client must cope without it.
      const denoDir = await mkdtemp(join(tmpdir(), "hatch-runtime-matrix-deno-"));
      try {
        const { host } = new URL(baseUrl);
        return await runProcess({
          label: "Deno",
          command: binaries.deno().path,
          args: ["run", "--no-prompt", `--allow-net=${host}`, cliEntry, baseUrl, runId],
          env: { ...runtimeEnv(), DENO_DIR: denoDir },
          cwd: packageDir,
          timeoutMs,
        });
      } finally {
        await rm(denoDir, { recursive: true, force: true });
      }
    },
  },
  {
    id: "workerd",
    label: "Cloudflare workerd (Miniflare)",
    reportsAs: "workerd",
    version: () => binaries.workerd().version,
    async run({ baseUrl, runId, timeoutMs }) {
      // Miniflare keeps its scratch files under the temp dir, and leaves them when workerd fails to
      // start: give it one of its own, removed whatever happens.
      const scratch = await mkdtemp(join(tmpdir(), "hatch-runtime-matrix-workerd-"));
      try {
        return await runProcess({
          label: "workerd",
          // Miniflare 4 requires Node 22+; the host process uses the pinned Node 22.
          command: binaries.node22().path,
          args: [workerdHost, baseUrl, runId],
          env: { ...runtimeEnv(), TMPDIR: scratch },
          cwd: packageDir,
          timeoutMs,
        });
      } finally {
        await rm(scratch, { recursive: true, force: true });
      }
    },
  },
  {
    id: "chromium",
    label: "Chromium",
    reportsAs: "chromium",
    // Debian's package, not pinned here: the report carries the version the browser gives.
    version: () => "",
    async run(context) {
      const { browserVersion, ...report } = await runInChromium(context);
      return { ...report, runtime: { ...report.runtime, version: browserVersion } };
    },
  },
];
