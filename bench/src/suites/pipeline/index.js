// @ts-check
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { cleanToolEnv, cloneWorkspace, gitHead, resetClone, runTurboScript } from "@hatch-api/remote-cache";
import { execOk } from "@hatch-api/test-support";
import { metric } from "../../metric.js";
import { pairedRatios } from "../../stats.js";
import { runnableTasksInOrder, tasksAffectedBy } from "./build-graph.js";

const SPEC_FILE = "spec/openapi.yaml";

/**
 * Runs the build's commands one after another, as a developer would by hand: each in its package
 * folder with its own and the root's node_modules/.bin on PATH, no turbo, no pnpm.
 *
 * @param {string} clone
 * @param {import("./build-graph.js").GraphTask[]} tasks
 * @param {NodeJS.ProcessEnv} env
 */
async function buildByHand(clone, tasks, env) {
  const started = performance.now();
  for (const task of tasks) {
    const cwd = join(clone, task.directory);
    const path = [join(cwd, "node_modules/.bin"), join(clone, "node_modules/.bin"), env.PATH].join(delimiter);
    await execOk("sh", ["-c", task.command], { cwd, env: { ...env, PATH: path } });
  }
  return performance.now() - started;
}

/**
 * Changes the spec's meaning a little (a sentence in info.description) so that everything built
 * from it must be regenerated.
 *
 * @param {string} clone
 * @param {number} n
 */
async function editSpec(clone, n) {
  const file = join(clone, SPEC_FILE);
  const text = await readFile(file, "utf8");
  const edited = text.replace(
    /^info:\n(?:[ ].*\n)*? {2}description: \|\n/m,
    (head) => `${head}    Bench edit ${n}.\n\n`,
  );
  if (edited === text) throw new Error(`${SPEC_FILE}: no "info.description: |" block to edit`);
  await writeFile(file, edited);
}

/** @param {Awaited<ReturnType<typeof runTurboScript>>} run @param {string} what */
function assertOk(run, what) {
  if (run.code !== 0) throw new Error(`${what} failed (exit ${run.code}):\n${run.output}`);
  return run;
}

/**
 * `pnpm build` in a clean clone of HEAD: cold against the same commands by hand, then a warm no-op
 * build, then a spec edit and what it re-runs.
 *
 * @param {{ repoRoot: string, runs: number, log: (line: string) => void }} options
 * @returns {Promise<Array<import("../../metric.js").Metric>>}
 */
export async function pipelineSuite({ repoRoot, runs, log }) {
  const scratch = await mkdtemp(join(tmpdir(), "hatch-bench-pipeline-"));
  const env = cleanToolEnv();
  try {
    const { commit } = await gitHead(repoRoot);
    const clone = await cloneWorkspace({ source: repoRoot, commit, dir: join(scratch, "repo"), env });
    const dry = (await execOk("pnpm", ["exec", "turbo", "run", "build", "--dry=json"], { cwd: clone, env })).output;
    const tasks = runnableTasksInOrder(dry);
    const specAffected = tasksAffectedBy(tasks, dry, "@hatch-api/spec");

    /** @type {Record<string, number[]>} */
    const s = {
      hand: [],
      cold: [],
      warm: [],
      warmMisses: [],
      edit: [],
      editCoverage: [],
      editExtra: [],
      afterEditMisses: [],
    };
    for (let round = 0; round < runs; round++) {
      await resetClone(clone);
      s.hand?.push(await buildByHand(clone, tasks, env));
      await resetClone(clone);
      const cold = assertOk(await runTurboScript({ cwd: clone, env }), "cold pnpm build");
      s.cold?.push(cold.ms);
      const warm = assertOk(await runTurboScript({ cwd: clone, env }), "warm pnpm build");
      s.warm?.push(warm.ms);
      s.warmMisses?.push(warm.tasks.filter((t) => t.status === "MISS").length);

      await editSpec(clone, round);
      const edit = assertOk(await runTurboScript({ cwd: clone, env }), "pnpm build after a spec edit");
      const rerun = new Set(edit.tasks.filter((t) => t.status === "MISS").map((t) => t.taskId));
      s.edit?.push(edit.ms);
      s.editCoverage?.push([...specAffected].filter((id) => rerun.has(id)).length / specAffected.size);
      s.editExtra?.push([...rerun].filter((id) => !specAffected.has(id)).length);
      const after = assertOk(await runTurboScript({ cwd: clone, env }), "pnpm build after the edit build");
      s.afterEditMisses?.push(after.tasks.filter((t) => t.status === "MISS").length);
      await execOk("git", ["checkout", "--", SPEC_FILE], { cwd: clone, env });
      log(
        `pipeline run ${round + 1}/${runs}: by hand ${sec(s.hand?.at(-1))}, cold ${sec(cold.ms)}, warm ${sec(warm.ms)} ` +
          `(${s.warmMisses?.at(-1)} misses), spec edit ${sec(edit.ms)}`,
      );
    }
    const cold = s.cold ?? [];
    return [
      metric({
        id: "pipeline.cold.ratio",
        label: "cold pnpm build / same commands by hand",
        unit: "x",
        samples: pairedRatios(cold, s.hand ?? []),
        note: `${tasks.length} tasks: ${tasks.map((t) => t.taskId).join(", ")}`,
      }),
      metric({ id: "pipeline.coldMs", label: "cold pnpm build", unit: "ms", samples: cold }),
      metric({ id: "pipeline.handMs", label: "same commands by hand, in sequence", unit: "ms", samples: s.hand ?? [] }),
      metric({
        id: "pipeline.warm.ratio",
        label: "warm no-op pnpm build / cold",
        unit: "x",
        samples: pairedRatios(s.warm ?? [], cold),
      }),
      metric({ id: "pipeline.warmMs", label: "warm no-op pnpm build", unit: "ms", samples: s.warm ?? [] }),
      metric({
        id: "pipeline.warm.misses",
        label: "tasks re-run by the warm build",
        unit: "tasks",
        samples: s.warmMisses ?? [],
      }),
      metric({
        id: "pipeline.specEdit.ratio",
        label: "pnpm build after a spec edit / cold",
        unit: "x",
        samples: pairedRatios(s.edit ?? [], cold),
      }),
      metric({ id: "pipeline.specEditMs", label: "pnpm build after a spec edit", unit: "ms", samples: s.edit ?? [] }),
      metric({
        id: "pipeline.specEdit.regenerated",
        label: "share of spec-dependent tasks re-run by the edit",
        unit: "share",
        samples: s.editCoverage ?? [],
        note: [...specAffected].join(", "),
      }),
      metric({
        id: "pipeline.specEdit.extraReruns",
        label: "tasks re-run that do not depend on the spec",
        unit: "tasks",
        samples: s.editExtra ?? [],
      }),
      metric({
        id: "pipeline.afterEdit.misses",
        label: "tasks re-run by the build after the edit build",
        unit: "tasks",
        samples: s.afterEditMisses ?? [],
      }),
    ];
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** @param {number | undefined} ms */
function sec(ms) {
  return `${((ms ?? 0) / 1000).toFixed(1)} s`;
}
