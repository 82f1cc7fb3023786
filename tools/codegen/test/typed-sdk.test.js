// @ts-check
import { spawnSync } from "node:child_process";
import { cp, mkdir, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, it } from "vitest";
import { generate } from "../src/generate.js";
import { petstore } from "./petstore.js";

// The generated SDK of any document is typed from the generated types: path, query and header
// parameters, the body, the response and the error classes, proven by compiling a usage file.
const packageDir = fileURLToPath(new URL("..", import.meta.url));
const work = join(packageDir, ".tmp", `typed-sdk-${process.pid}`);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

it("compiles a usage of the generated SDK, and refuses wrongly typed calls", async () => {
  await mkdir(work, { recursive: true });
  const spec = join(work, "openapi.json");
  await writeFile(spec, JSON.stringify(petstore));
  await generate("types", { spec, out: join(work, "types") });
  await generate("sdk", { spec, out: join(work, "sdk"), typesModule: "../types/aliases.js", coreModule: "../core.js" });
  await cp(join(packageDir, "test/fixtures/typed-sdk"), work, { recursive: true });
  await writeFile(
    join(work, "tsconfig.json"),
    JSON.stringify({
      extends: "../../../../tsconfig.base.json",
      compilerOptions: { noEmit: true, types: [] },
      include: ["**/*.ts"],
    }),
  );
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  const result = spawnSync(process.execPath, [tsc, "-p", join(work, "tsconfig.json")], { encoding: "utf8" });
  expect(`${result.stdout}${result.stderr}`).toBe("");
  expect(result.status).toBe(0);
});
