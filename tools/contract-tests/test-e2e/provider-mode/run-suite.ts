import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { runNode } from "@hatch-api/test-support";

const packageDir = fileURLToPath(new URL("../..", import.meta.url));
const vitestEntry = join(dirname(createRequire(import.meta.url).resolve("vitest/package.json")), "vitest.mjs");

/**
 * Runs the contract suite (`vitest run test-e2e/generated`, the entry files codegen writes) in a child process, as CI would, and
 * returns its exit code and output. The parent's vitest variables are dropped so the child is a
 * fresh run, not a worker of this one.
 */
export async function runContractSuite(env: Record<string, string>, extraArgs: string[] = []) {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !name.startsWith("VITEST") && !name.startsWith("HATCH_") && name !== "NODE_ENV",
    ),
  );
  // Killed before the meta config's 120 s test timeout, so a hung run fails with its output.
  const { code, output } = await runNode([vitestEntry, "run", "test-e2e/generated", ...extraArgs], {
    cwd: packageDir,
    env: { ...inherited, NO_COLOR: "1", FORCE_COLOR: "0", ...env },
    timeoutMs: 110_000,
  });
  return { code, output };
}
