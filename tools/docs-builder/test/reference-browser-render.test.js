// @ts-check
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it, vi } from "vitest";
import { PACKAGE_DIR } from "../src/build-site.js";
import { assertNoExternalResources } from "../src/offline-check.js";
import { buildReferenceHtml, finishReferenceHtml } from "../src/reference.js";

// A document too large for Redoc's server-side rendering within the build's memory budget
// (Stripe's) gets the same page rendered in the browser: offline, with the document and options.
/** @type {string | undefined} */
let dir;
afterEach(async () => {
  vi.restoreAllMocks();
  if (dir) await rm(dir, { recursive: true, force: true });
});

it("renders a document over the size limit in the browser, offline, with a warning", async () => {
  dir = await mkdtemp(join(tmpdir(), "docs-reference-"));
  const bundlePath = join(dir, "openapi.json");
  const spec = {
    openapi: "3.0.3",
    info: { title: "Big </script> API", version: "1" },
    paths: { "/pets": { get: { operationId: "listPets", tags: ["pets"], responses: { 200: { description: "ok" } } } } },
  };
  await writeFile(bundlePath, JSON.stringify(spec));
  /** @type {string[]} */
  const warnings = [];
  vi.spyOn(console, "warn").mockImplementation((text) => warnings.push(String(text)));
  const html = await buildReferenceHtml({
    bundlePath,
    outputPath: join(dir, "reference.html"),
    templatePath: join(PACKAGE_DIR, "templates", "reference.hbs"),
    configPath: join(PACKAGE_DIR, "redocly.yaml"),
    title: "Big API reference",
    serverRenderMaxBytes: 10,
  });
  expect(warnings.join("\n")).toMatch(/the reference renders in the browser/);
  expect(html).toContain('<div id="redoc"></div>');
  expect(html).toContain('init(__redoc_definition, __redoc_options, document.getElementById("redoc"));');
  expect(html).toContain('"scrollYOffset":48');
  expect(html).toContain("<title>Big API reference</title>");
  // The document's own `</script>` cannot end the script early.
  expect(html).toContain("Big \\u003c/script> API");
  const finished = finishReferenceHtml(html, {
    siteHeader: "<header></header>",
    file: "reference.html",
    openAt: "/pets",
  });
  expect(() => assertNoExternalResources(finished, "reference.html")).not.toThrow();
  expect(await readFile(join(dir, "openapi.json"), "utf8")).toContain("listPets");
});
