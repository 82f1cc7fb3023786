import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { listOperations, SAMPLE_LANGUAGES } from "../src/code-samples.js";
import { packageDir, readBundledSpec, samplesDir } from "./helpers.js";

async function sampleFiles(dir = samplesDir): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** Splits a curl sample into its method, URL, headers and JSON body. */
function parseCurl(source: string) {
  const method = /--request (\w+)/.exec(source)?.[1];
  const url = /--request \w+ "([^"]+)"/.exec(source)?.[1];
  const headers = [...source.matchAll(/--header "([^"]+)"/g)].map((match) => match[1]);
  const body = /--data '([\s\S]*)'\s*$/.exec(source)?.[1];
  return { method, url, headers, body: body === undefined ? undefined : JSON.parse(body) };
}

describe("the sample files", () => {
  it("never contain an API key: TypeScript reads HATCH_API_KEY from the environment, curl expands $HATCH_API_KEY", async () => {
    const files = await sampleFiles();
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) {
      const source = await readFile(file, "utf8");
      if (file.endsWith(".ts")) {
        expect(source, file).toContain("process.env.HATCH_API_KEY");
        // apiKey may only ever be given the environment variable.
        for (const match of source.matchAll(/apiKey\s*:\s*([^,}\n]+)/g)) {
          expect(match[1]?.trim(), file).toBe("process.env.HATCH_API_KEY");
        }
      }
      for (const match of source.matchAll(/Bearer\s+(\S+?)["'\s]/g)) {
        expect(match[1], file).toBe("$HATCH_API_KEY");
      }
      // Long opaque tokens (what keys look like) have no place in a sample.
      expect(source, file).not.toMatch(/["'][A-Za-z0-9_-]{32,}["']/);
    }
  });

  it("curl samples call their operation's method and path with a body that fits the request schema", async () => {
    const spec = await readBundledSpec();
    const schema = spec.components.schemas.UpsertContactParams;
    const server = spec.servers[0].url;
    for (const { operationId, method, path } of listOperations(spec)) {
      const curl = parseCurl(await readFile(join(samplesDir, `${operationId}.sh`), "utf8"));
      expect(curl.method).toBe(method.toUpperCase());
      expect(curl.url).toBe(`${server}${path}`);
      expect(curl.headers).toContain("Authorization: Bearer $HATCH_API_KEY");
      expect(curl.headers).toContain("Content-Type: application/json");
      for (const field of schema.required) expect(curl.body, `${operationId}.sh`).toHaveProperty(field);
      for (const field of Object.keys(curl.body)) {
        expect(Object.keys(schema.properties), `${operationId}.sh sends unknown field ${field}`).toContain(field);
      }
    }
  });

  it("TypeScript samples call the operation they are named after", async () => {
    const post = await readFile(join(samplesDir, "upsertContact.ts"), "utf8");
    const put = await readFile(join(samplesDir, "putContact.ts"), "utf8");
    expect(post).toMatch(/hatch\.contacts\.upsert\(/);
    expect(post).not.toMatch(/method:\s*"PUT"/);
    expect(put).toMatch(/hatch\.PUT\("\/v1\/contacts"/);
  });

  it("have a language Redoc is configured to show (redocly.yaml codeSamples.languages)", async () => {
    const config = parse(await readFile(join(packageDir, "redocly.yaml"), "utf8"));
    const shown = config.openapi.codeSamples.languages.map((language: { label: string }) => language.label);
    expect(shown).toEqual(Object.values(SAMPLE_LANGUAGES).map((language) => language.label));
    expect(config.telemetry).toBe("off");
  });
});
