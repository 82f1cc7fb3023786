import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startMock } from "@sdkit/mock";
import type { TestProject } from "vitest/node";
import { bundledSpecPath } from "../../src/spec.js";
import type { ContractTarget } from "./target.js";

/**
 * One Prism for the whole run. Mock mode serves the bundled spec; provider mode
 * (`HATCH_CONTRACT_BASE_URL`) puts Prism in front of that server as a validating proxy, so every
 * answer the server gives is checked against the same spec.
 */
export default async function setup(project: TestProject) {
  const upstream = process.env.HATCH_CONTRACT_BASE_URL || undefined;
  if (upstream && !process.env.HATCH_API_KEY) {
    throw new Error(
      "HATCH_CONTRACT_BASE_URL is set but HATCH_API_KEY is not: provider mode needs a key for that server",
    );
  }
  const specPath = bundledSpecPath();
  const registryDir = mkdtempSync(join(tmpdir(), "hatch-contract-coverage-"));
  const prism = await startMock(
    upstream
      ? // Request validation off: the 422 tests must reach the server with their invalid bodies, or
        // Prism would answer them itself. Mock mode still validates every request the client sends.
        { specPath, upstream, errors: true, validateRequest: false }
      : { specPath },
  ).catch((error: unknown) => {
    rmSync(registryDir, { recursive: true, force: true });
    throw error;
  });
  const target: ContractTarget = {
    baseUrl: prism.url,
    mode: upstream ? "provider" : "mock",
    specPath,
    registryDir,
    prismStartupMs: prism.startupMs,
  };
  project.provide("contractTarget", target);

  return async () => {
    await prism.stop();
    rmSync(registryDir, { recursive: true, force: true });
  };
}
