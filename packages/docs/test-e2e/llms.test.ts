import { existsSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { buildSite } from "@sdkit/docs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  readBundledSpec,
  requestFieldNames,
  scratchDir,
  siteOptions,
  specOperations,
  specPath,
} from "../test/helpers.js";

let dir: string;
let outDir: string;
const read = (file: string) => readFile(join(outDir, file), "utf8");

beforeAll(async () => {
  dir = await scratchDir("llms");
  outDir = join(dir, "site");
  await buildSite(siteOptions({ specPath, outDir, changelogs: [], apiChangesDir: join(dir, "none") }));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("llms.txt and the Markdown twins", () => {
  it("llms.txt has a title, a summary and links that all resolve to files of the site", async () => {
    const text = await read("llms.txt");
    const spec = await readBundledSpec();
    expect(text.split("\n")[0]).toBe(`# ${spec.info.title} docs`);
    expect(text).toMatch(/\n> \S.+\n/);
    const links = [...text.matchAll(/\]\(([^)]+)\)/g)].map((match) => match[1] as string);
    for (const page of ["index.md", "quick-start.md", "reference.md", "changelog.md", "llms-full.txt"]) {
      expect(links).toContain(page);
    }
    for (const link of links) {
      expect(link, `${link} is relative`).not.toMatch(/^[a-z]+:|^\//);
      expect(existsSync(join(outDir, link)), `llms.txt links ${link}`).toBe(true);
    }
  });

  it("every HTML page has a Markdown twin, announced in its head, whose links to other pages stay in Markdown", async () => {
    for (const page of ["index", "quick-start", "reference", "changelog"]) {
      const html = await read(`${page}.html`);
      expect(html).toContain(`<link rel="alternate" type="text/markdown" href="${page}.md"`);
      const markdown = await read(`${page}.md`);
      expect(markdown.startsWith("# ")).toBe(true);
      expect(markdown).not.toMatch(/\]\((?:index|quick-start|changelog)\.html/);
      for (const [, link] of markdown.matchAll(/\]\(([a-z-]+\.md)(?:#[^)]*)?\)/g)) {
        expect(existsSync(join(outDir, link as string)), `${page}.md links ${link}`).toBe(true);
      }
    }
    const spec = await readBundledSpec();
    expect(await read("index.md")).toContain(spec.info.description.trim());
  });

  it("llms-full.txt names every operation, request field and declared status of the bundled spec, with the TypeScript sample", async () => {
    const full = await read("llms-full.txt");
    const spec = await readBundledSpec();
    const docsBundle = JSON.parse(await read("openapi.json"));
    const guideHeadings = [...spec.info.description.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
    expect(guideHeadings.length).toBeGreaterThan(0);
    for (const heading of guideHeadings) expect(full).toContain(`\n## ${heading}\n`);
    const operations = specOperations(spec);
    expect(operations.length).toBeGreaterThan(0);
    for (const { method, path, operation } of operations) {
      const section = operationSection(full, operation.operationId);
      expect(section, `${operation.operationId} has a section`).not.toBe("");
      expect(section).toContain(`\`${method.toUpperCase()} ${path}\``);
      for (const field of requestFieldNames(spec, operation)) {
        expect(section, `${operation.operationId} names field ${field}`).toMatch(
          new RegExp(`\\| \`(?:[\\w.\\[\\]]*\\.)?${field}\` \\|`),
        );
      }
      for (const status of Object.keys(operation.responses)) {
        expect(section, `${operation.operationId} names status ${status}`).toContain(`\n#### ${status}\n`);
      }
      // The same TypeScript sample as the reference shows (the docs bundle's x-codeSamples).
      const docsOperation = docsBundle.paths[path][method];
      const typescript = docsOperation["x-codeSamples"].find(
        (sample: { lang: string }) => sample.lang === "typescript",
      );
      expect(section).toContain(`### TypeScript sample\n\n\`\`\`typescript\n${typescript.source.trimEnd()}\n\`\`\``);
    }
  });
});

/** The part of llms-full.txt about one operation: from its `(operationId x)` line to the next operation. */
function operationSection(full: string, operationId: string): string {
  const marker = `(operationId \`${operationId}\`)`;
  const at = full.indexOf(marker);
  if (at === -1) return "";
  const next = full.indexOf("(operationId `", at + marker.length);
  return full.slice(full.lastIndexOf("\n", at) + 1, next === -1 ? undefined : full.lastIndexOf("\n", next));
}
