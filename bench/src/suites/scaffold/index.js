// @ts-check
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { assertLoopbackRegistry } from "@hatch-api/registry-test/loopback-guard";
import { isolatedRegistryEnv } from "@hatch-api/registry-test/registry-env";
import { listToolchainPackages, packToolchain, publishFolders } from "@hatch-api/registry-test/toolchain";
import { startVerdaccio } from "@hatch-api/registry-test/verdaccio";
import { cleanToolEnv } from "@hatch-api/remote-cache";
import { metric } from "../../metric.js";
import { pairedMetrics, record, sideSamples } from "../../paired-metrics.js";
import { runCommand } from "../../run-command.js";
import { githubDocument } from "../scale/index.js";
import { nodeLine, quoted, tools } from "../scale/tools.js";
import { buildStages } from "./stages.js";

/**
 * GitHub's REST description (13 MB, about 1,100 operations) through what a new user of the
 * toolchain does: `pnpm scaffold`, install, `pnpm build`. Each stage is timed with its peak memory
 * against the raw tool doing the same job on the same file, paired per round:
 *
 * - scaffold: `pnpm scaffold` (lint report with Redocly's recommended rules, overlay skeleton, the
 *   repo's files, Biome, `pnpm install --lockfile-only`) against the one raw tool of that step
 *   that reads the document, `redocly lint` with `recommended`; the scaffolded repo installs the
 *   toolchain (this workspace's @sdkit/* packages) from a local Verdaccio, as a team does from npm;
 * - every task of the scaffolded repo's build, by its package script, against the raw tool (see
 *   stages.js);
 * - the whole `pnpm build` (turbo, cache off) against the raw tools run one after another.
 *
 * @param {{ repoRoot: string, runs: number, log: (line: string) => void }} options
 * @returns {Promise<Array<import("../../metric.js").Metric>>}
 */
export async function scaffoldSuite({ repoRoot, runs, log }) {
  const work = await mkdtemp(join(tmpdir(), "hatch-bench-scaffold-"));
  const document = githubDocument();
  const repo = join(work, "github");
  const raw = join(work, "raw");
  const registry = await startVerdaccio(join(work, "verdaccio"));
  try {
    // The toolchain as a team gets it: published (here to a loopback Verdaccio), `@sdkit` pointed
    // there by a user npmrc outside the repo; every other package comes from the pnpm store.
    const url = assertLoopbackRegistry(registry.url);
    const npmrc = join(work, "npmrc");
    await writeFile(npmrc, `@sdkit:registry=${url}\n//${new URL(url).host}/:_authToken=${registry.token}\n`);
    const publishEnv = await isolatedRegistryEnv({
      registry: url,
      token: registry.token,
      userconfig: npmrc,
      dir: work,
    });
    const folders = await packToolchain(await listToolchainPackages(repoRoot), { dest: join(work, "release") });
    await publishFolders(folders, { registry: url, env: publishEnv });
    // The scaffolded repo runs its own pnpm and turbo: none of the variables of the run that started us.
    const env = {
      ...cleanToolEnv(),
      REDOCLY_TELEMETRY: "off",
      REDOCLY_SUPPRESS_UPDATE_NOTICE: "true",
      npm_config_userconfig: npmrc,
      // The releases are seconds old; pnpm takes only day-old ones unless told.
      pnpm_config_minimum_release_age: "0",
    };
    /** @type {Array<import("../../metric.js").Metric>} */
    const metrics = [];
    metrics.push(...(await measureScaffold({ repoRoot, document, work, repo, env, runs, log })));

    const install = await runCommand("pnpm", ["install", "--frozen-lockfile", "--prefer-offline"], { cwd: repo, env });
    log(`scaffold install: ${(install.ms / 1000).toFixed(1)} s`);
    metrics.push(
      metric({
        id: "scaffold.install.ms",
        label: "install (pnpm, prefer-offline, from the lockfile the scaffold wrote)",
        unit: "ms",
        samples: [install.ms],
      }),
    );

    const stages = new Map(buildStages.map((stage) => [stage.id, { ours: sideSamples(), raw: sideSamples() }]));
    for (let round = 0; round < runs; round++) {
      for (const stage of buildStages) {
        const samples = stages.get(stage.id) ?? { ours: sideSamples(), raw: sideSamples() };
        const ours = await runCommand("pnpm", ["run", stage.script], { cwd: join(repo, stage.dir), env });
        record(samples.ours, ours);
        let line = `scaffold ${stage.id} run ${round + 1}/${runs}: ours ${(ours.ms / 1000).toFixed(1)} s`;
        if (stage.rawScript) {
          await rm(raw, { recursive: true, force: true });
          await mkdir(raw, { recursive: true });
          const baseline = await runCommand("/bin/sh", ["-c", stage.rawScript(repo, raw)], { cwd: repo, env });
          record(samples.raw, baseline);
          line += `, raw ${(baseline.ms / 1000).toFixed(1)} s`;
        }
        log(line);
      }
    }
    for (const stage of buildStages) {
      const samples = stages.get(stage.id);
      if (!samples) continue;
      metrics.push(
        ...pairedMetrics({
          prefix: `scaffold.${stage.id}`,
          label: stage.label,
          note: stage.raw
            ? `pnpm run ${stage.script} (${stage.dir}) vs ${stage.raw}`
            : `pnpm run ${stage.script} (${stage.dir})`,
          ours: samples.ours,
          raw: stage.rawScript ? samples.raw : undefined,
        }),
      );
    }

    metrics.push(...(await measureWholeBuild({ repo, raw, env, runs, log })));
    return metrics;
  } finally {
    await registry.stop();
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * `pnpm scaffold` into a new folder each round (the last one stays for the build) against
 * `redocly lint` with the recommended rules on the same document.
 *
 * @param {{ repoRoot: string, document: string, work: string, repo: string, env: NodeJS.ProcessEnv, runs: number, log: (line: string) => void }} options
 */
async function measureScaffold({ repoRoot, document, work, repo, env, runs, log }) {
  const recommended = join(work, "recommended.yaml");
  await writeFile(recommended, "extends:\n  - recommended\ntelemetry: off\n");
  const report = join(work, "lint.json");
  // Redocly exits 1 when the document fails a rule (GitHub's does): the run counts when it wrote its report.
  const lint = nodeLine(tools.redocly, [
    ...["lint", "--config", recommended, "--format", "json"],
    ...["--max-problems", String(Number.MAX_SAFE_INTEGER), document],
  ]);
  const args = [join(repoRoot, "tools/scaffold/bin/scaffold.js"), "--spec", document, "--out", repo];
  const samples = await pairedRounds("scaffold", runs, log, {
    async ours() {
      await rm(repo, { recursive: true, force: true });
      return runCommand(process.execPath, [...args, "--scope", "@octo", "--name", "github"], { cwd: work, env });
    },
    raw: () =>
      runCommand("/bin/sh", ["-c", `${lint} > ${quoted(report)}; test -s ${quoted(report)}`], { cwd: work, env }),
  });
  return pairedMetrics({
    prefix: "scaffold.scaffold",
    label: "scaffold",
    note: "pnpm scaffold (lint report, overlay skeleton, copy, Biome, lockfile) vs redocly lint --format json (recommended)",
    ...samples,
  });
}

/**
 * The scaffolded repo's `pnpm build` with turbo's cache off, against every raw tool of the stages
 * run one after another. Peak memory is the largest single process of each side.
 *
 * @param {{ repo: string, raw: string, env: NodeJS.ProcessEnv, runs: number, log: (line: string) => void }} options
 */
async function measureWholeBuild({ repo, raw, env, runs, log }) {
  const rawBuild = buildStages.flatMap((stage) => (stage.rawScript ? [stage.rawScript(repo, raw)] : [])).join(" && ");
  const samples = await pairedRounds("build", runs, log, {
    ours: () =>
      runCommand("pnpm", ["exec", "turbo", "run", "build", "--force", "--output-logs=errors-only"], { cwd: repo, env }),
    async raw() {
      await rm(raw, { recursive: true, force: true });
      await mkdir(raw, { recursive: true });
      return runCommand("/bin/sh", ["-c", rawBuild], { cwd: repo, env });
    },
  });
  return pairedMetrics({
    prefix: "scaffold.build",
    label: "pnpm build (all tasks)",
    note: "turbo run build --force (2 tasks at a time on 2 cores) vs the raw tools in sequence (no SDK, samples or bindings)",
    ...samples,
  });
}

/**
 * `runs` rounds of ours then raw, back to back, with each run's time logged.
 *
 * @param {string} id
 * @param {number} runs
 * @param {(line: string) => void} log
 * @param {{ ours: () => Promise<import("../../run-command.js").CommandRun>, raw: () => Promise<import("../../run-command.js").CommandRun> }} sides
 */
async function pairedRounds(id, runs, log, sides) {
  const samples = { ours: sideSamples(), raw: sideSamples() };
  for (let round = 0; round < runs; round++) {
    const ours = await sides.ours();
    record(samples.ours, ours);
    const raw = await sides.raw();
    record(samples.raw, raw);
    const seconds = (/** @type {number} */ ms) => `${(ms / 1000).toFixed(1)} s`;
    log(`scaffold ${id} run ${round + 1}/${runs}: ours ${seconds(ours.ms)}, raw ${seconds(raw.ms)}`);
  }
  return samples;
}
