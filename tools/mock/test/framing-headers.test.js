// @ts-check
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { dropFramingHeaders } from "../src/framing-headers.js";

const FIXTURE = fileURLToPath(new URL("./fixtures/framing-headers.json", import.meta.url));

describe("dropFramingHeaders", () => {
  it("drops the framing headers responses declare, in any case and through $ref, and keeps the API's own", () => {
    const spec = JSON.parse(readFileSync(FIXTURE, "utf8"));
    expect(dropFramingHeaders(spec)).toBe(5);
    expect(Object.keys(spec.paths["/blocks/{id}"].get.responses["200"].headers)).toEqual(["ETag"]);
    expect(spec.components.responses.NotFound.headers).toEqual({});
    expect(dropFramingHeaders(spec)).toBe(0);
  });
});
