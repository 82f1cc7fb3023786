import { assertNoExternalResources, DocsBuildError } from "@sdkit/docs";
import { describe, expect, it } from "vitest";

describe("assertNoExternalResources", () => {
  it.each([
    [
      '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Montserrat">',
      /stylesheet.*fonts\.googleapis/,
    ],
    [
      '<script type="module" src="https://cdn.redocly.com/redoc/v3/redoc.standalone.js"></script>',
      /script.*cdn\.redocly/,
    ],
    ['<link rel="modulepreload" href="//cdn.example.com/x.js">', /cdn\.example\.com/],
    ["<style>@font-face{src:url(https://fonts.gstatic.com/a.woff2)}</style>", /url\(\).*fonts\.gstatic/],
    ["<style>@import url('https://fonts.googleapis.com/css2?family=Inter');</style>", /@import/],
    ['<img alt="" src="https://cdn.redoc.ly/redoc/logo-mini.svg">', /cdn\.redoc\.ly/],
  ])("rejects %s", (html, message) => {
    expect(() => assertNoExternalResources(html, "page.html")).toThrow(DocsBuildError);
    expect(() => assertNoExternalResources(html, "page.html")).toThrow(message);
  });

  it("accepts local resources and plain links to other sites", () => {
    const html = [
      '<link rel="stylesheet" href="assets/site.css"><link rel="icon" href="data:,">',
      '<img src="assets/redoc-attribution.svg"><a href="https://jsonapi.org/format/">JSON:API</a>',
      "<style>.x{background:url(assets/bg.svg)}</style><script>const u = 'https://api.usehatchapp.com';</script>",
    ].join("");
    expect(() => assertNoExternalResources(html, "page.html")).not.toThrow();
  });
});
