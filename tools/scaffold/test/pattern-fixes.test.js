// @ts-check
// A schema pattern that backtracks exponentially hangs Redocly's example rules (and Prism, and Ajv)
// on text it does not match: a public document's URL pattern, checked against its own example with
// a comma in it, kept `redocly lint` busy past any deadline. The scaffold removes such patterns from
// what the repo builds (an overlay), turns the example rules off, and says so.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import YAML from "yaml";
import {
  EXAMPLE_RULES,
  jsonPathOf,
  PATTERN_OVERLAY,
  patternOverlay,
  planPatternFixes,
  removePatterns,
} from "../src/index.js";
import { scaffolded } from "./support/scaffolded.js";

// The shape of the public document's pattern: a group repeated without bound around a run.
const URL_PATTERN = "^(https?:\\/\\/)?([\\da-z\\.-]+)\\.([a-z\\.]{2,6})([\\/\\w \\.-]*)*\\/?$";
// Checking this against URL_PATTERN takes 2^40 steps: without the fix the lint never finishes.
const FAILING_URL = `https://www.example.com/${"a".repeat(40)},`;

function document() {
  return {
    openapi: "3.0.3",
    info: { title: "Pictures API", version: "1.0.0", license: { name: "MIT", url: "https://mit.test" } },
    servers: [{ url: "https://api.pictures.test" }],
    tags: [{ name: "pictures", description: "Pictures" }],
    paths: {
      "/pictures/{code}": {
        get: {
          operationId: "getPicture",
          summary: "A picture",
          tags: ["pictures"],
          parameters: [
            { name: "code", in: "path", required: true, schema: { type: "string", pattern: "^[A-Z]{3}$" } },
            { name: "o'clock", in: "query", schema: { type: "string", pattern: "(\\w+\\s?)+$" } },
          ],
          responses: {
            200: {
              description: "the picture",
              content: { "application/json": { schema: { $ref: "#/components/schemas/Picture" } } },
            },
            404: { description: "no such picture" },
          },
        },
      },
    },
    components: {
      schemas: {
        "Common.Url": { type: "string", pattern: URL_PATTERN, example: FAILING_URL },
        Picture: {
          type: "object",
          properties: {
            url: { $ref: "#/components/schemas/Common.Url" },
            code: { type: "string", pattern: "^[A-Z]{3}$" },
          },
        },
      },
    },
  };
}

describe("planPatternFixes and its overlay", () => {
  it("targets each such pattern by a JSONPath that selects it, array positions as indices", () => {
    const spec = document();
    const fixes = planPatternFixes(spec);
    expect(fixes.map((fix) => fix.target)).toEqual([
      "$['paths']['/pictures/{code}']['get']['parameters'][1]['schema']['pattern']",
      "$['components']['schemas']['Common.Url']['pattern']",
    ]);
    expect(jsonPathOf({ a: { "it's": 1 } }, ["a", "it's"])).toBe("$['a']['it\\'s']");
  });

  it("writes an overlay of removals, each naming the pattern, and none for a document without such patterns", () => {
    const spec = document();
    const fixes = planPatternFixes(spec);
    const text = /** @type {string} */ (patternOverlay(fixes, "Pictures API"));
    const overlay = YAML.parse(text);
    expect(overlay.overlay).toBe("1.0.0");
    expect(overlay.actions).toEqual(fixes.map((fix) => ({ target: fix.target, remove: true })));
    for (const fix of fixes) expect(text).toContain(`# ${fix.pointer}: ${fix.pattern}`);
    removePatterns(spec, fixes);
    expect(planPatternFixes(spec)).toEqual([]);
    expect(patternOverlay([], "Pictures API")).toBeUndefined();
    // Safe patterns stay.
    expect(spec.components.schemas.Picture.properties.code.pattern).toBe("^[A-Z]{3}$");
  });
});

describe("scaffolding a document with a pattern that backtracks exponentially", () => {
  /** @type {Awaited<ReturnType<typeof scaffolded>>} */
  let repo;
  beforeAll(async () => {
    repo = await scaffolded(document(), "pictures");
  });
  afterAll(async () => {
    await repo?.remove();
  });

  it("finishes, says which patterns it removed and why, and turns the example rules off", async () => {
    const line = repo.report.find((text) => text.startsWith(PATTERN_OVERLAY));
    expect(line).toContain("2 pattern(s) backtrack exponentially");
    expect(line).toContain("#/paths/~1pictures~1{code}/get/parameters/1/schema/pattern");
    const config = YAML.parse(await readFile(join(repo.out, "spec/redocly.yaml"), "utf8"));
    for (const rule of EXAMPLE_RULES) expect(config.rules?.[rule], rule).toBe("off");
    // The document as written is untouched.
    const written = YAML.parse(await readFile(join(repo.out, "spec/openapi.yaml"), "utf8"));
    expect(written.components.schemas["Common.Url"].pattern).toBe(URL_PATTERN);
  });

  it("builds a bundle without those patterns (what the mock, generators and tests read), safe patterns kept", async () => {
    const built = await repo.built();
    expect(planPatternFixes(built)).toEqual([]);
    expect(built.components.schemas["Common.Url"]).toEqual({ type: "string", example: FAILING_URL });
    expect(built.paths["/pictures/{code}"].get.parameters[0].schema.pattern).toBe("^[A-Z]{3}$");
  });
});
