// @ts-check
import { cp, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { execOk } from "@hatch-api/test-support";

const FIXTURES = fileURLToPath(new URL("../fixtures/consumer/", import.meta.url));

/**
 * A fresh project outside the workspace that installs the client from the local registry, the way
 * an API user would: `npm install @hatch-api/client@<version>` with nothing else configured.
 *
 * @param {{ dir: string, spec: string, env: NodeJS.ProcessEnv }} options
 *   `spec` e.g. "@hatch-api/client@0.2.0"; `env` points npm at the local registry
 */
export async function createConsumer({ dir, spec, env }) {
  await cp(FIXTURES, dir, { recursive: true });
  const manifest = { name: "hatch-registry-consumer", version: "1.0.0", private: true, type: "module" };
  await writeFile(join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  await execOk("npm", ["install", spec, "--no-audit", "--no-fund", "--ignore-scripts"], { cwd: dir, env });
}
