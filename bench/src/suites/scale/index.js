// @ts-check
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { pairedMetrics, record, sideSamples } from "../../paired-metrics.js";
import { runCommand } from "../../run-command.js";
import { stages as allStages } from "./stages/index.js";

const require = createRequire(import.meta.url);
const REDOCLY_CONFIG = fileURLToPath(new URL("./github-redocly.yaml", import.meta.url));

/** GitHub's REST description from @octokit/openapi (pinned in bench/package.json): about 13 MB of JSON. */
export function githubDocument() {
  return join(dirname(require.resolve("@octokit/openapi/package.json")), "generated/api.github.com.json");
}

/**
 * Each stage on GitHub's description, ours against the raw tool, alternating in each round.
 *
 * @param {{ repoRoot: string, runs: number, log: (line: string) => void, stages?: import("./stage.js").ScaleStage[] }} options
 * @returns {Promise<Array<import("../../metric.js").Metric>>}
 */
export async function scaleSuite({ repoRoot, runs, log, stages = allStages }) {
  const work = await mkdtemp(join(tmpdir(), "hatch-bench-scale-"));
  const env = { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", NO_COLOR: "1" };
  /** @type {import("./stage.js").ScaleContext} */
  const ctx = { repoRoot, document: githubDocument(), redoclyConfig: REDOCLY_CONFIG, work, env };
  /** @type {Array<import("../../metric.js").Metric>} */
  const metrics = [];
  try {
    for (const stage of stages) {
      try {
        metrics.push(...(await measureStage(stage, ctx, runs, log)));
      } catch (error) {
        // One broken stage must not throw away the others' figures; its budget shows as not measured.
        console.error(`bench: scale ${stage.id} failed: ${error instanceof Error ? error.message : error}`);
        process.exitCode = 1;
      }
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return metrics;
}

/**
 * @param {import("./stage.js").ScaleStage} stage
 * @param {import("./stage.js").ScaleContext} ctx
 * @param {number} runs
 * @param {(line: string) => void} log
 * @returns {Promise<Array<import("../../metric.js").Metric>>}
 */
async function measureStage(stage, ctx, runs, log) {
  const { env } = ctx;
  await stage.prepare?.(ctx);
  const s = { ours: sideSamples(), raw: sideSamples() };
  for (let round = 0; round < runs; round++) {
    for (const side of /** @type {const} */ (["ours", "raw"])) {
      const spec = side === "ours" ? stage.oursCommand(ctx) : stage.rawCommand(ctx);
      await mkdir(spec.cwd, { recursive: true });
      const result = await runCommand(spec.command, spec.args, { cwd: spec.cwd, env });
      record(s[side], result);
      log(`scale ${stage.id} ${side} run ${round + 1}/${runs}: ${(result.ms / 1000).toFixed(1)} s`);
    }
  }
  return pairedMetrics({
    prefix: `scale.${stage.id}`,
    label: stage.label,
    note: `${stage.ours} vs ${stage.raw}`,
    ours: s.ours,
    raw: s.raw,
  });
}
