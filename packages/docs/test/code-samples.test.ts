import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildDocsBundle, injectCodeSamples, listOperations, readSampleFiles } from "../src/code-samples.js";
import { DocsBuildError } from "../src/errors.js";
import { copySamples, readBundledSpec, samplesDir, specPath } from "./helpers.js";

const cleanup: string[] = [];
afterEach(async () => {
  for (const dir of cleanup.splice(0)) await rm(join(dir, ".."), { recursive: true, force: true });
});

async function brokenSamples(prefix: string): Promise<string> {
  const dir = await copySamples(prefix);
  cleanup.push(dir);
  return dir;
}

describe("injectCodeSamples", () => {
  it("adds a TypeScript and a curl sample, from the sample files, to every operation of the spec", async () => {
    const docsSpec = await buildDocsBundle({ specPath, samplesDir });
    const operations = listOperations(docsSpec);
    expect(operations.map((operation) => operation.operationId).sort()).toEqual(["putContact", "upsertContact"]);
    for (const { operationId, method, path } of operations) {
      const samples = docsSpec.paths[path][method]["x-codeSamples"];
      expect(samples.map((sample: { label: string }) => sample.label)).toEqual(["TypeScript", "curl"]);
      const files = (await readSampleFiles(samplesDir)).get(operationId);
      expect(samples[0].source).toBe(files?.get(".ts"));
      expect(samples[1].source).toBe(files?.get(".sh"));
      expect(samples[0].source).toContain('from "@hatch-api/client"');
      expect(samples[1].source).toContain(`--request ${method.toUpperCase()}`);
    }
  });

  it("leaves the rest of the spec as it was and does not modify its input", async () => {
    const spec = await readBundledSpec();
    const before = structuredClone(spec);
    const docsSpec = injectCodeSamples(spec, await readSampleFiles(samplesDir), { specPath, samplesDir });
    expect(spec).toEqual(before);
    delete docsSpec.paths["/v1/contacts"].post["x-codeSamples"];
    delete docsSpec.paths["/v1/contacts"].put["x-codeSamples"];
    expect(docsSpec).toEqual(before);
  });

  it("fails naming the operation, its pointer and the file to add when an operation has no sample", async () => {
    const dir = await brokenSamples("missing");
    await rm(join(dir, "putContact.sh"));
    const failure = buildDocsBundle({ specPath, samplesDir: dir, cwd: "/" });
    await expect(failure).rejects.toThrow(DocsBuildError);
    await expect(failure).rejects.toThrow(
      /#\/paths\/~1v1~1contacts\/put \(operationId putContact\) has no curl sample/,
    );
    await expect(failure).rejects.toThrow(/add .*putContact\.sh/);
  });

  it("fails when a sample names an operation the spec does not have", async () => {
    const dir = await brokenSamples("unknown");
    await writeFile(join(dir, "deleteContact.ts"), "export {};\n");
    await expect(buildDocsBundle({ specPath, samplesDir: dir })).rejects.toThrow(
      /deleteContact\.ts: names operation "deleteContact", which .* does not have \(operations: putContact, upsertContact\)/,
    );
  });

  it("reports every problem at once", async () => {
    const dir = await brokenSamples("several");
    await rm(join(dir, "upsertContact.ts"));
    await writeFile(join(dir, "listContacts.sh"), "curl https://api.usehatchapp.com/v1/contacts\n");
    const error = await buildDocsBundle({ specPath, samplesDir: dir }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DocsBuildError);
    expect(String((error as Error).message)).toMatch(/listContacts/);
    expect(String((error as Error).message)).toMatch(/upsertContact\) has no TypeScript sample/);
  });

  it("rejects files that are not samples and empty samples", async () => {
    const dir = await brokenSamples("odd");
    await writeFile(join(dir, "upsertContact.py"), "print('hi')\n");
    await writeFile(join(dir, "putContact.sh"), "  \n");
    const failure = readSampleFiles(dir);
    await expect(failure).rejects.toThrow(/upsertContact\.py: unexpected file/);
    await expect(failure).rejects.toThrow(/putContact\.sh: the sample is empty/);
  });

  it("fails clearly when the spec is missing or is not JSON", async () => {
    await expect(buildDocsBundle({ specPath: "/nonexistent/openapi.json", samplesDir })).rejects.toThrow(
      /Cannot read the bundled spec \/nonexistent\/openapi\.json .*bundle --filter=@hatch-api\/spec/,
    );
    const dir = await brokenSamples("bad-json");
    const badSpec = join(dir, "openapi.json");
    await writeFile(badSpec, "{ not json");
    await expect(buildDocsBundle({ specPath: badSpec, samplesDir })).rejects.toThrow(/openapi\.json is not valid JSON/);
  });
});
