#!/usr/bin/env node
// @ts-check
// `pnpm --filter @hatch-api/runtime-matrix matrix [runtime ids...]`: runs the smoke suite on each
// runtime (all by default) and prints a table with each runtime's version and wall time; exit 1 if
// any runtime fails. The test suite runs the same thing; this is for trying one runtime by hand.
import { runCli, ToolError, UsageError } from "@sdkit/cli-kit";
import { browserModuleFiles } from "./client-files.js";
import { RUNTIMES } from "./runtimes.js";
import { startSmokeServer } from "./smoke-server.js";

const usage = `usage: matrix [runtime ids...] (known: ${RUNTIMES.map((runtime) => runtime.id).join(", ")})`;

async function main() {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((id) => !RUNTIMES.some((runtime) => runtime.id === id));
  if (unknown.length > 0) throw new UsageError(`unknown runtime ${unknown.join(", ")}`);

  const server = await startSmokeServer({ modules: browserModuleFiles() });
  let failures = 0;
  try {
    for (const runtime of RUNTIMES.filter((candidate) => wanted.length === 0 || wanted.includes(candidate.id))) {
      const started = performance.now();
      try {
        const report = await runtime.run({ baseUrl: server.url, runId: `cli-${runtime.id}`, timeoutMs: 150_000 });
        const ms = Math.round(performance.now() - started);
        const failed = report.checks.filter((check) => !check.ok);
        failures += failed.length > 0 ? 1 : 0;
        console.log(
          `${failed.length ? "FAIL" : "ok  "} ${runtime.label.padEnd(34)} ${report.runtime.version.padEnd(16)} ${ms} ms`,
        );
        for (const check of failed) console.log(`       ${check.name}: ${check.detail}`);
      } catch (error) {
        failures += 1;
        console.log(`FAIL ${runtime.label}: ${error instanceof Error ? error.message : error}`);
      }
    }
  } finally {
    await server.close();
  }
  if (failures > 0) throw new ToolError(`${failures} runtime(s) failed`);
}

await runCli(main, { name: "matrix", usage });
