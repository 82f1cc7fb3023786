// @ts-check
import { execFile } from "node:child_process";
import { mkdir, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { tools } from "../tools.js";

const run = promisify(execFile);
const benchNodeModules = fileURLToPath(new URL("../../../../node_modules", import.meta.url));

// A consumer of the generated types through openapi-fetch, as our client uses them: what a user's
// editor and CI type-check on every change.
const CONSUMER = `import createClient from "openapi-fetch";
import type { paths } from "./openapi.ts";

const client = createClient<paths>({ baseUrl: "https://api.example.com" });

export async function firstPathItem() {
  const { data, error } = await client.GET("/repos/{owner}/{repo}", {
    params: { path: { owner: "octocat", repo: "hello-world" } },
  });
  return error ? undefined : data;
}
`;

/** @param {string} work */
const project = (work) => join(work, "typecheck");

/** @type {import("../stage.js").ScaleStage} */
export default {
  id: "typecheck",
  label: "typecheck",
  ours: "tsc -p with the repo's tsconfig.base.json (strict, noUncheckedIndexedAccess, NodeNext)",
  raw: "tsc --noEmit --strict --skipLibCheck (NodeNext)",
  async prepare({ repoRoot, document, work }) {
    const dir = project(work);
    await mkdir(dir, { recursive: true });
    await run(process.execPath, [tools.openapiTypescript, document, "-o", join(dir, "openapi.ts")], {
      maxBuffer: 64 * 2 ** 20,
    });
    await writeFile(join(dir, "consumer.ts"), CONSUMER);
    // An ES module package, as ours are: NodeNext then checks the consumer as ESM on both sides.
    await writeFile(join(dir, "package.json"), `${JSON.stringify({ type: "module", private: true })}\n`);
    await symlink(benchNodeModules, join(dir, "node_modules"), "dir");
    const tsconfig = {
      extends: join(repoRoot, "tsconfig.base.json"),
      compilerOptions: { noEmit: true, allowImportingTsExtensions: true, types: [] },
      files: ["consumer.ts"],
    };
    await writeFile(join(dir, "tsconfig.json"), JSON.stringify(tsconfig, null, 2));
  },
  oursCommand: ({ work }) => {
    const dir = project(work);
    return { command: process.execPath, args: [tools.tsc, "-p", join(dir, "tsconfig.json")], cwd: dir };
  },
  rawCommand: ({ work }) => {
    const dir = project(work);
    return {
      command: process.execPath,
      args: [
        tools.tsc,
        "--noEmit",
        "--strict",
        "--skipLibCheck",
        "--target",
        "es2022",
        "--module",
        "nodenext",
        "--moduleResolution",
        "nodenext",
        "--allowImportingTsExtensions",
        join(dir, "consumer.ts"),
      ],
      cwd: dir,
    };
  },
};
