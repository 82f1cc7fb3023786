import { spawnSync } from "node:child_process";
import { cp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packageDir, samplesDir } from "../test/helpers.js";

const require = createRequire(import.meta.url);
const tsc = require.resolve("typescript/bin/tsc");

// The scratch copy lives inside the package so `@hatch-api/client` resolves through the package's
// own node_modules, exactly as for samples/ (a copy in /tmp would find no client at all).
const scratch = join(packageDir, ".tmp", `typecheck-${process.pid}`);

function typecheck(tsconfig: string) {
  const result = spawnSync(process.execPath, [tsc, "--noEmit", "-p", tsconfig], { encoding: "utf8" });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("type-checking the samples against the built client", () => {
  beforeAll(async () => {
    const clientTypes = join(packageDir, "node_modules", "@hatch-api", "client", "dist", "index.d.ts");
    await readFile(clientTypes).catch(() => {
      throw new Error(
        `${clientTypes} is missing: build the client first (pnpm turbo run build --filter=@hatch-api/client)`,
      );
    });
    await mkdir(scratch, { recursive: true });
    await cp(samplesDir, join(scratch, "samples"), { recursive: true });
    await writeFile(
      join(scratch, "tsconfig.json"),
      JSON.stringify({ extends: "../../tsconfig.samples.json", include: ["samples/**/*.ts"] }),
    );
  });
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it("accepts the samples as they are, the generated ones included", async () => {
    const generated = await readdir(join(scratch, "samples", "generated"));
    expect(generated.filter((name) => name.endsWith(".ts")).length).toBeGreaterThan(0);
    const { status, output } = typecheck(join(scratch, "tsconfig.json"));
    expect(output).toBe("");
    expect(status).toBe(0);
  });

  it("fails, naming the sample and the field, when a sample no longer matches the API", async () => {
    const file = join(scratch, "samples", "generated", "upsertContact.ts");
    const source = await readFile(file, "utf8");
    expect(source).toContain('source: "custom:');
    await writeFile(file, source.replace('source: "custom:', 'sourceName: "custom:'));
    const { status, output } = typecheck(join(scratch, "tsconfig.json"));
    expect(status).not.toBe(0);
    expect(output).toMatch(/samples\/generated\/upsertContact\.ts\(\d+,\d+\): error TS\d+: .*'sourceName'/);
    await writeFile(file, source);
  });

  it("fails when a sample leaves out a field the API requires", async () => {
    const file = join(scratch, "samples", "generated", "putContact.ts");
    const source = await readFile(file, "utf8");
    const withoutSource = source.replace(/^\s*source: "custom:website-quote-form",\n/m, "");
    expect(withoutSource).not.toBe(source);
    await writeFile(file, withoutSource);
    const { status, output } = typecheck(join(scratch, "tsconfig.json"));
    expect(status).not.toBe(0);
    expect(output).toMatch(/samples\/generated\/putContact\.ts\(\d+,\d+\): error TS\d+:/);
    expect(output).toMatch(/Property 'source' is missing/);
    await writeFile(file, source);
  });
});
