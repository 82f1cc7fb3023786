import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startMock } from "@sdkit/mock";
import type { TestProject } from "vitest/node";
import type { ContractTarget } from "./target.js";

/** Where the suites run, and which variables switch them to a real server. */
export interface ContractSetupOptions {
  /** The bundled document the mock serves and the suites read (absolute, or a `file:` URL). */
  specPath: string | URL;
  /** The variable holding the key of a real server (provider mode). */
  apiKeyEnv: string;
  /** The variable that, when set to a server's URL, runs the suites against it (provider mode). */
  providerUrlEnv: string;
}

/**
 * A vitest global setup: one Prism for the whole run. Mock mode serves the bundled spec; provider
 * mode (`providerUrlEnv` set) puts Prism in front of that server as a validating proxy, so every
 * answer the server gives is checked against the same spec.
 */
export function contractGlobalSetup(options: ContractSetupOptions) {
  return async function setup(project: TestProject) {
    const { apiKeyEnv, providerUrlEnv } = options;
    const specPath = options.specPath instanceof URL ? fileURLToPath(options.specPath) : options.specPath;
    const upstream = process.env[providerUrlEnv] || undefined;
    if (upstream && !process.env[apiKeyEnv]) {
      throw new Error(`${providerUrlEnv} is set but ${apiKeyEnv} is not: provider mode needs a key for that server`);
    }
    const registryDir = mkdtempSync(join(tmpdir(), "sdkit-contract-coverage-"));
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
      apiKeyEnv,
    };
    project.provide("contractTarget", target);

    return async () => {
      const died = prism.died;
      await prism.stop();
      rmSync(registryDir, { recursive: true, force: true });
      // Every test after the death failed on a 502 carrying this line; the run ends with it once more.
      if (died !== undefined) throw new Error(`contract tests: ${died}`);
    };
  };
}
