// @ts-check
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { simpleStyleText, writeStructuredHeaderExamples } from "../src/header-examples.js";

const FIXTURE = fileURLToPath(new URL("./fixtures/structured-headers.json", import.meta.url));

describe("simpleStyleText", () => {
  it("writes arrays and objects as style simple does, exploded or not", () => {
    expect(simpleStyleText(["no-cache", "max-age=0"], false)).toBe("no-cache,max-age=0");
    expect(simpleStyleText({ limit: 100, left: 99 }, false)).toBe("limit,100,left,99");
    expect(simpleStyleText({ limit: 100, left: 99 }, true)).toBe("limit=100,left=99");
    expect(simpleStyleText([], false)).toBe("");
  });
});

describe("writeStructuredHeaderExamples", () => {
  it("gives array and object response headers an example as their text, from their own examples or the schema", () => {
    const spec = JSON.parse(readFileSync(FIXTURE, "utf8"));
    // Cache-Control (derived), X-Rate (its example), Versions (its named example, shared: once).
    expect(writeStructuredHeaderExamples(spec)).toBe(3);
    const headers = spec.paths["/lists"].get.responses["200"].headers;
    expect(typeof headers["Cache-Control"].example).toBe("string");
    expect(headers["Cache-Control"].example).not.toBe("");
    expect(headers["X-Rate"].example).toBe("limit=100,left=99");
    expect(spec.components.headers.Versions).toMatchObject({ example: "1,2" });
    expect(spec.components.headers.Versions.examples).toBeUndefined();
    expect(headers.ETag.example).toBe('"v1"');
    // Text already: nothing more to write.
    expect(writeStructuredHeaderExamples(spec)).toBe(0);
  });
});
