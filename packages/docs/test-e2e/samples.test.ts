import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { sampleFileName } from "@sdkit/codegen";
import { collectSamples, listOperations, PACKAGE_DIR, SAMPLE_LANGUAGES } from "@sdkit/docs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { readBundledSpec, samplesDir } from "../test/helpers.js";

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

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Follows a local `$ref`. */
// biome-ignore lint/suspicious/noExplicitAny: walks the OpenAPI document freely.
function resolve(spec: any, node: any): any {
  if (typeof node?.$ref !== "string") return node;
  return (
    node.$ref
      .slice(2)
      .split("/")
      // biome-ignore lint/suspicious/noExplicitAny: see above
      .reduce((value: any, key: string) => value?.[key.replaceAll("~1", "/").replaceAll("~0", "~")], spec)
  );
}

describe("the sample files", () => {
  it("never contain an API key: TypeScript reads HATCH_API_KEY from the environment, curl expands $HATCH_API_KEY", async () => {
    const files = await sampleFiles();
    // Every operation's two samples (generated or hand-written), and the guide snippets.
    expect(files.filter((file) => file.includes("/generated/")).length).toBeGreaterThanOrEqual(
      2 * listOperations(await readBundledSpec()).length,
    );
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
    const server = spec.servers[0].url;
    const samples = await collectSamples(samplesDir);
    for (const { operationId, method, path } of listOperations(spec)) {
      const file = samples.get(sampleFileName(operationId))?.get(".sh");
      if (!file) throw new Error(`${operationId} has no curl sample`);
      const curl = parseCurl(file.source);
      expect(curl.method, file.file).toBe(method.toUpperCase());
      // Path parameters are filled in from the spec's examples.
      const pathPattern = new RegExp(`^${escapeRegExp(`${server}${path}`).replace(/\\\{[^}]+\\\}/g, "[^/?]+")}(\\?|$)`);
      expect(curl.url, file.file).toMatch(pathPattern);
      expect(curl.headers, file.file).toContain("Authorization: Bearer $HATCH_API_KEY");
      const requestBody = spec.paths[path][method].requestBody;
      if (!requestBody) {
        expect(curl.body, file.file).toBeUndefined();
        continue;
      }
      expect(curl.headers, file.file).toContain("Content-Type: application/json");
      const schema = resolve(spec, resolve(spec, requestBody).content["application/json"].schema);
      for (const field of schema.required ?? []) expect(curl.body, file.file).toHaveProperty(field);
      for (const field of Object.keys(curl.body)) {
        expect(Object.keys(schema.properties), `${file.file} sends unknown field ${field}`).toContain(field);
      }
    }
  });

  it("TypeScript samples call the generated SDK method of the operation they are named after", async () => {
    const spec = await readBundledSpec();
    const samples = await collectSamples(samplesDir);
    for (const { operationId, method } of listOperations(spec)) {
      const file = samples.get(sampleFileName(operationId))?.get(".ts");
      if (!file) throw new Error(`${operationId} has no TypeScript sample`);
      if (!file.generated) continue; // a hand-written sample may call any surface
      expect(file.source, file.file).toMatch(/\bhatch\.\w+\.\w+\(/);
      // A method shared by several verbs says which one unless it is the default.
      const verb = /method: "([A-Z]+)"/.exec(file.source)?.[1];
      if (verb !== undefined) expect(verb, file.file).toBe(method.toUpperCase());
    }
  });

  it("have a language Redoc is configured to show (redocly.yaml codeSamples.languages)", async () => {
    const config = parse(await readFile(join(PACKAGE_DIR, "redocly.yaml"), "utf8"));
    const shown = config.openapi.codeSamples.languages.map((language: { label: string }) => language.label);
    expect(shown).toEqual(Object.values(SAMPLE_LANGUAGES).map((language) => language.label));
    expect(config.telemetry).toBe("off");
  });
});
