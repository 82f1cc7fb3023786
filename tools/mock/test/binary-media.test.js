// @ts-check
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { isBinaryMedia } from "../src/binary-media.js";
import { serveStructuredBodies } from "../src/structured-text-media.js";

const FIXTURE = fileURLToPath(new URL("./fixtures/binary-bodies.json", import.meta.url));
/** @returns {Record<string, any>} a fresh copy: the function under test changes it in place */
const documentCopy = () => JSON.parse(readFileSync(FIXTURE, "utf8"));

describe("isBinaryMedia", () => {
  it.each([
    "application/octet-stream",
    "Application/PDF; name=invoice.pdf",
    "application/zip",
    "application/epub+zip",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "image/png",
    "image/*",
    "audio/mpeg",
    "video/mp4",
    "font/woff2",
    "application/x-protobuf",
  ])("%s is binary", (media) => {
    expect(isBinaryMedia(media)).toBe(true);
  });

  it.each([
    "application/json",
    "application/problem+json",
    "application/xml",
    "image/svg+xml",
    "text/plain",
    "text/csv",
    "application/x-www-form-urlencoded",
    "multipart/form-data",
    "application/javascript",
    "*/*",
  ])("%s is not", (media) => {
    expect(isBinaryMedia(media)).toBe(false);
  });
});

describe("serveStructuredBodies, for binary media types", () => {
  it("serves a file whose schema says nothing of its type as a file, not as the JSON text `{}`", () => {
    const spec = documentCopy();
    serveStructuredBodies(spec);
    const media = spec.paths["/invoices/{id}/pdf"].get.responses["200"].content["application/octet-stream"];
    expect(media).toEqual({ schema: { type: "string", format: "binary" } });
  });

  it("gives a file without a schema one, and keeps only the examples that are bytes", () => {
    const spec = documentCopy();
    const content = spec.paths["/avatars/{id}"].get.responses["200"].content;
    content["image/png"].example = { width: 1 };
    serveStructuredBodies(spec);
    expect(content["image/png"]).toEqual({ schema: { type: "string", format: "binary" } });
    expect(content["application/pdf"]).toEqual({
      schema: { type: "string", format: "binary" },
      examples: { minimal: { value: "%PDF-1.4\n%%EOF\n" } },
    });
  });

  it("leaves a file schema as it is, and text types (SVG among them) to the structured-text treatment", () => {
    const spec = documentCopy();
    const file = structuredClone(spec.paths["/invoices/{id}/file"]);
    serveStructuredBodies(spec);
    expect(spec.paths["/invoices/{id}/file"]).toEqual(file);
    const svg = spec.paths["/logos"].get.responses["200"].content["image/svg+xml"];
    expect(svg.schema).toEqual({ type: "string" });
    expect(svg.example).toMatch(/^<root>/);
    const text = spec.paths["/reports"].get.responses["200"].content["text/plain"];
    expect(text).toEqual({ schema: { type: "string" }, example: '{"ok":true}' });
  });
});
