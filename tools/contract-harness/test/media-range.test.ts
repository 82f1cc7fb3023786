import { expect, it } from "vitest";
import { essenceOf, isDeclaredMedia } from "../src/media-range.js";

it("compares media types without parameters and case", () => {
  expect(essenceOf("Text/XML; charset=utf-8")).toBe("text/xml");
  expect(isDeclaredMedia("text/xml; charset=utf-8", ["TEXT/XML"])).toBe(true);
  expect(isDeclaredMedia("text/html", ["text/xml"])).toBe(false);
});

it("takes an answer within a declared range, and only within it", () => {
  expect(isDeclaredMedia("application/json", ["*/*"])).toBe(true);
  expect(isDeclaredMedia("text/csv", ["text/*"])).toBe(true);
  expect(isDeclaredMedia("application/csv", ["text/*"])).toBe(false);
  expect(isDeclaredMedia("", ["text/plain"])).toBe(false);
});
