import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { sampleFileName } from "@sdkit/codegen";
import {
  buildDocsBundle,
  collectSamples,
  DocsBuildError,
  injectCodeSamples,
  listOperations,
  readSampleFiles,
} from "@sdkit/docs";
import { afterEach, describe, expect, it } from "vitest";
import { copySamples, readBundledSpec, samplesDir, specPath } from "../test/helpers.js";

const cleanup: string[] = [];
afterEach(async () => {
  for (const dir of cleanup.splice(0)) await rm(join(dir, ".."), { recursive: true, force: true });
});

async function scratchSamples(prefix: string): Promise<string> {
  const dir = await copySamples(prefix);
  cleanup.push(dir);
  return dir;
}

describe("injectCodeSamples", () => {
  it("adds a TypeScript and a curl sample to every operation of the spec, generated unless overridden", async () => {
    const spec = await readBundledSpec();
    const docsSpec = await buildDocsBundle({ specPath, samplesDir });
    const operations = listOperations(spec);
    expect(operations.length).toBeGreaterThan(0);
    const generated = await readSampleFiles(join(samplesDir, "generated"), { generated: true });
    const handWritten = await readSampleFiles(samplesDir);
    for (const { operationId, method, path } of operations) {
      const samples = docsSpec.paths[path][method]["x-codeSamples"];
      expect(samples.map((sample: { label: string }) => sample.label)).toEqual(["TypeScript", "curl"]);
      const name = sampleFileName(operationId);
      const pick = (extension: string) =>
        (handWritten.get(name)?.get(extension) ?? generated.get(name)?.get(extension))?.source;
      expect(generated.get(name)?.size, `${operationId} has generated samples`).toBe(2);
      expect(samples[0].source).toBe(pick(".ts"));
      expect(samples[1].source).toBe(pick(".sh"));
      // The "generated …, do not edit" header is for the file, not for readers of the docs.
      expect(samples[0].source).not.toMatch(/do not edit/);
      expect(samples[1].source).not.toMatch(/do not edit/);
      expect(samples[0].source).toContain('from "@hatch-api/client"');
      expect(samples[1].source).toContain(`--request ${method.toUpperCase()}`);
    }
  });

  it("a hand-written sample replaces the generated one for that operation and language only", async () => {
    const dir = await scratchSamples("override");
    const [first] = listOperations(await readBundledSpec());
    if (!first) throw new Error("the spec has no operation");
    const handWritten = `// hand-written\nconsole.log("${first.operationId}");`;
    await writeFile(join(dir, `${sampleFileName(first.operationId)}.ts`), `${handWritten}\n`);
    const docsSpec = await buildDocsBundle({ specPath, samplesDir: dir });
    const [ts, curl] = docsSpec.paths[first.path][first.method]["x-codeSamples"];
    expect(ts.source).toBe(handWritten);
    expect(curl.source).toMatch(/^curl --request/);
  });

  it("leaves the rest of the spec as it was and does not modify its input", async () => {
    const spec = await readBundledSpec();
    const before = structuredClone(spec);
    const docsSpec = injectCodeSamples(spec, await collectSamples(samplesDir), { specPath, samplesDir });
    expect(spec).toEqual(before);
    for (const { method, path } of listOperations(spec)) delete docsSpec.paths[path][method]["x-codeSamples"];
    expect(docsSpec).toEqual(before);
  });

  it("fails naming the operation, its pointer and the file to add when an operation has no sample", async () => {
    const dir = await scratchSamples("missing");
    const [first] = listOperations(await readBundledSpec());
    if (!first) throw new Error("the spec has no operation");
    await rm(join(dir, "generated", `${sampleFileName(first.operationId)}.sh`));
    const failure = buildDocsBundle({ specPath, samplesDir: dir, cwd: "/" });
    await expect(failure).rejects.toThrow(DocsBuildError);
    await expect(failure).rejects.toThrow(`(operationId ${first.operationId}) has no curl sample`);
    await expect(failure).rejects.toThrow(/run `openapi-codegen samples` again, or add .*\.sh/);
  });

  it("fails when a hand-written or a stale generated sample names an operation the spec does not have", async () => {
    const dir = await scratchSamples("unknown");
    await writeFile(join(dir, "deleteContact.ts"), "export {};\n");
    await writeFile(
      join(dir, "generated", "listContacts.sh"),
      "# generated from x by @sdkit/codegen, do not edit\ncurl x\n",
    );
    const error = await buildDocsBundle({ specPath, samplesDir: dir }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DocsBuildError);
    const message = String((error as Error).message);
    expect(message).toMatch(
      /deleteContact\.ts: names operation "deleteContact", which .* does not have \(operations: /,
    );
    expect(message).toMatch(/listContacts\.sh: names operation "listContacts".*the generated samples are out of date/);
  });

  it("matches operationIds that are not safe file names through their encoded names", async () => {
    const spec = {
      openapi: "3.0.3",
      info: { title: "x", version: "1" },
      paths: { "/a": { get: { operationId: "contacts/get v1.2", responses: { 200: { description: "ok" } } } } },
    };
    const name = sampleFileName("contacts/get v1.2");
    expect(name).toBe("contacts%2Fget%20v1%2E2");
    const samples = new Map([
      [
        name,
        new Map([
          [".ts", { source: "ts", file: `${name}.ts`, generated: false }],
          [".sh", { source: "sh", file: `${name}.sh`, generated: false }],
        ]),
      ],
    ]);
    const docsSpec = injectCodeSamples(spec, samples, { specPath: "openapi.json", samplesDir: "samples" });
    expect(docsSpec.paths["/a"].get["x-codeSamples"].map((s: { source: string }) => s.source)).toEqual(["ts", "sh"]);
  });

  it("names the operation without an operationId", () => {
    const spec = { openapi: "3.0.3", paths: { "/a": { get: { responses: {} } } } };
    expect(() => listOperations(spec)).toThrow(DocsBuildError);
    expect(() => listOperations(spec)).toThrow(/#\/paths\/~1a\/get: GET \/a has no operationId/);
  });

  it("rejects files that are not samples and empty samples", async () => {
    const dir = await scratchSamples("odd");
    await writeFile(join(dir, "upsertContact.py"), "print('hi')\n");
    await writeFile(join(dir, "putContact.sh"), "  \n");
    const failure = readSampleFiles(dir);
    await expect(failure).rejects.toThrow(/upsertContact\.py: unexpected file/);
    await expect(failure).rejects.toThrow(/putContact\.sh: the sample is empty/);
  });

  it("works without a generated folder when every sample is hand-written", async () => {
    const dir = await scratchSamples("no-generated");
    await rm(join(dir, "generated"), { recursive: true });
    await mkdir(dir, { recursive: true });
    const samples = await collectSamples(dir);
    expect([...samples.keys()]).toEqual([...(await readSampleFiles(dir)).keys()]);
    for (const byLanguage of samples.values()) {
      for (const file of byLanguage.values()) expect(file.generated).toBe(false);
    }
  });

  it("fails clearly when the spec is missing or is not JSON", async () => {
    await expect(buildDocsBundle({ specPath: "/nonexistent/openapi.json", samplesDir })).rejects.toThrow(
      /Cannot read the bundled spec \/nonexistent\/openapi\.json .*bundle the spec first/,
    );
    const dir = await scratchSamples("bad-json");
    const badSpec = join(dir, "openapi.json");
    await writeFile(badSpec, "{ not json");
    await expect(buildDocsBundle({ specPath: badSpec, samplesDir })).rejects.toThrow(
      /openapi\.json:1:3: is not valid JSON/,
    );
  });
});
