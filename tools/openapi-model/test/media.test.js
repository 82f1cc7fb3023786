// @ts-check
// The one JSON media type rule, and media types as well-formed header values.
import { describe, expect, it } from "vitest";
import { isJsonMedia, jsonMediaOf, wellFormedMediaType } from "../src/index.js";

describe("isJsonMedia", () => {
  it.each([
    "application/json",
    "application/json; charset=utf-8",
    "Application/JSON",
    "application/problem+json",
    "application/vnd.api+json",
    "text/json",
  ])("%s is JSON", (media) => {
    expect(isJsonMedia(media)).toBe(true);
  });

  it.each(["text/plain", "application/jsonl", "application/x-ndjson", "*/*", "", "+json", "application/+json", "json"])(
    "%s is not",
    (media) => {
      expect(isJsonMedia(media)).toBe(false);
    },
  );
});

describe("jsonMediaOf", () => {
  it("prefers application/json, else the first JSON type in document order", () => {
    expect(jsonMediaOf({ "application/vnd.api+json": {}, "application/json": {} })).toBe("application/json");
    expect(jsonMediaOf({ "text/plain": {}, "application/problem+json": {}, "application/x+json": {} })).toBe(
      "application/problem+json",
    );
  });

  it("is undefined without a JSON type", () => {
    expect(jsonMediaOf({ "multipart/form-data": {} })).toBeUndefined();
    expect(jsonMediaOf(undefined)).toBeUndefined();
  });
});

describe("wellFormedMediaType", () => {
  it("drops parameters that are not name=value, and keeps those that are", () => {
    expect(wellFormedMediaType("text/plain; utf-8")).toBe("text/plain");
    expect(wellFormedMediaType("text/plain ;charset=utf-8; utf-8")).toBe("text/plain; charset=utf-8");
    expect(wellFormedMediaType('multipart/form-data; boundary="a b"')).toBe('multipart/form-data; boundary="a b"');
  });

  it("leaves a well-formed media type as it is written", () => {
    expect(wellFormedMediaType("application/vnd.api+json")).toBe("application/vnd.api+json");
    expect(wellFormedMediaType("Text/HTML; Charset=UTF-8")).toBe("Text/HTML; Charset=UTF-8");
  });
});
