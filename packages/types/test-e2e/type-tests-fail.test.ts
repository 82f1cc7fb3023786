import { spawnSync } from "node:child_process";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, test } from "vitest";

// Proves that test/types.test-d.ts can fail: copies of it with one expectation turned around must
// not compile. (That the file as written compiles is what `vitest --typecheck` checks.)
const packageDir = fileURLToPath(new URL("..", import.meta.url));
const scratch = join(packageDir, ".tmp", `type-tests-${process.pid}`);
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

const variants: Array<[string, string, string]> = [
  ["source-as-number", '["source"]>().toEqualTypeOf<string>()', '["source"]>().toEqualTypeOf<number>()'],
  ["success-as-error", "expectTypeOf<200>().not.toExtend", "expectTypeOf<200>().toExtend"],
  ["nullable-required", ">>().toBeNever();", ">>().not.toBeNever();"],
  ["unknown-path-allowed", 'expectTypeOf<"/v1/leads">().not.toExtend', 'expectTypeOf<"/v1/leads">().toExtend'],
];

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

test("each turned-around expectation of the type tests is a compile error", async () => {
  const source = await readFile(join(packageDir, "test-e2e", "types.test-d.ts"), "utf8");
  await mkdir(scratch, { recursive: true });
  for (const [name, from, to] of variants) {
    expect(source, `${name}: the expectation to turn around`).toContain(from);
    const changed = source.replace(from, to).replaceAll('"../src/index.js"', '"../../src/index.js"');
    await writeFile(join(scratch, `${name}.ts`), changed);
  }
  await writeFile(
    join(scratch, "tsconfig.json"),
    JSON.stringify({ extends: "../../tsconfig.json", include: variants.map(([name]) => `${name}.ts`) }),
  );
  const result = spawnSync(process.execPath, [tsc, "--noEmit", "-p", join(scratch, "tsconfig.json")], {
    encoding: "utf8",
  });
  const output = `${result.stdout}${result.stderr}`;
  expect(result.status).not.toBe(0);
  for (const [name] of variants)
    expect(output, `${name} compiled`).toMatch(new RegExp(`${name}\\.ts\\(\\d+,\\d+\\): error TS`));
});
