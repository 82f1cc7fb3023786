import { existsSync } from "node:fs";
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../src/build-site.js";
import { DocsBuildError } from "../src/errors.js";
import { contains, copySamples, readBundledSpec, samplesDir, scratchDir, specPath } from "./helpers.js";

const SITE_PAGES = ["index.html", "quick-start.html", "reference.html", "changelog.html"];

let dir: string;
const noChangelogs = () => [
  { name: "@hatch-api/client", path: join(dir, "missing-client-CHANGELOG.md") },
  { name: "@hatch-api/types", path: join(dir, "missing-types-CHANGELOG.md") },
];

beforeAll(async () => {
  dir = await scratchDir("build");
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readSite(outDir: string): Promise<Record<string, string>> {
  const pages: Record<string, string> = {};
  for (const page of SITE_PAGES) pages[page] = await readFile(join(outDir, page), "utf8");
  return pages;
}

describe("buildSite", () => {
  it("builds the guide, quick start, reference, changelog and docs bundle, linked to each other", async () => {
    const outDir = join(dir, "site");
    const { files } = await buildSite({ specPath, outDir, changelogs: noChangelogs() });
    expect(files).toEqual(expect.arrayContaining([...SITE_PAGES, "openapi.json", "assets/site.css"]));
    const pages = await readSite(outDir);
    for (const [page, html] of Object.entries(pages)) {
      for (const target of SITE_PAGES) expect(html.includes(`href="${target}"`), `${page} links ${target}`).toBe(true);
      for (const [, href] of html.matchAll(/href="([^"#:]+\.(?:html|css|svg))"/g)) {
        expect(existsSync(join(outDir, href as string)), `${page} links ${href}`).toBe(true);
      }
    }
    const spec = await readBundledSpec();
    // The guide is the spec's description, rendered, with linkable sections.
    expect(pages["index.html"]).toContain('<h2 id="rate-limits">');
    expect(pages["index.html"]).toContain(
      '<a class="toc-link" href="#how-an-upsert-matches-contacts">How an upsert matches contacts</a>',
    );
    expect(pages["index.html"]).toContain(`<code>${spec.servers[0].url}</code>`);
    // The quick start shows the sample files themselves, which tsc checks.
    const firstContact = await readFile(join(samplesDir, "quick-start", "first-contact.ts"), "utf8");
    expect(pages["quick-start.html"]).toContain("createHatchClient({ apiKey: process.env.HATCH_API_KEY })");
    expect(pages["quick-start.html"]).toContain(firstContact.split("\n")[0]?.replaceAll('"', "&quot;"));
    expect(pages["quick-start.html"]).not.toContain("<!-- include:");
    // No changelog yet is normal before the first release.
    expect(pages["changelog.html"]).toContain("No release of @hatch-api/client yet.");
    expect(pages["changelog.html"]).toContain("No release of @hatch-api/types yet.");
    // The reference carries the docs bundle with the samples, and Redoc inlined.
    const reference = pages["reference.html"] as string;
    expect(contains(reference, '"x-codeSamples":[{"lang":"typescript","label":"TypeScript"')).toEqual(
      expect.objectContaining({ found: true }),
    );
    expect(contains(reference, '"disableTelemetry":true')).toEqual(expect.objectContaining({ found: true }));
    expect(contains(reference, "https://cdn.redoc.ly/redoc/logo-mini")).toEqual(
      expect.objectContaining({ found: false }),
    );
    expect(reference.match(/<script[^>]*\bsrc=/g)).toBeNull();
    const bundle = JSON.parse(await readFile(join(outDir, "openapi.json"), "utf8"));
    expect(bundle.paths["/v1/contacts"].post["x-codeSamples"]).toHaveLength(2);
  });

  it("reflects a changed description from the spec it is given in the reference and the guide", async () => {
    const spec = await readBundledSpec();
    spec.components.schemas.UpsertContactParams.properties.source.description = "Marker: the source field, edited.";
    spec.info.description = `${spec.info.description}\n## Edited section\n\nAdded by a test.\n`;
    const editedSpec = join(dir, "edited-openapi.json");
    await writeFile(editedSpec, JSON.stringify(spec));
    const outDir = join(dir, "edited-site");
    await buildSite({ specPath: editedSpec, outDir, changelogs: noChangelogs() });
    const pages = await readSite(outDir);
    const reference = pages["reference.html"] as string;
    expect(contains(reference, "Marker: the source field, edited.")).toEqual(expect.objectContaining({ found: true }));
    expect(contains(reference, "The API Source Name of one")).toEqual(expect.objectContaining({ found: false }));
    expect(pages["index.html"]).toContain('<h2 id="edited-section">');
  });

  it("renders the changelogs that exist, under their package's name", async () => {
    const changelog = join(dir, "CHANGELOG.md");
    await writeFile(
      changelog,
      "# @hatch-api/client\n\n## 0.2.0\n\n### Minor Changes\n\n- abc123: Adds `contacts.upsert`.\n",
    );
    const outDir = join(dir, "changelog-site");
    await buildSite({
      specPath,
      outDir,
      changelogs: [
        { name: "@hatch-api/client", path: changelog },
        { name: "@hatch-api/types", path: join(dir, "none.md") },
      ],
    });
    const html = await readFile(join(outDir, "changelog.html"), "utf8");
    expect(html).toContain('<h3 id="changelog-hatch-api-client-020">');
    expect(html).toContain("Adds <code>contacts.upsert</code>.");
    expect(html).not.toContain("No release of @hatch-api/client yet.");
    expect(html).toContain("No release of @hatch-api/types yet.");
  });

  it("leaves the previous site untouched when a build fails, and removes files a later build no longer writes", async () => {
    const outDir = join(dir, "kept-site");
    await buildSite({ specPath, outDir, changelogs: noChangelogs() });
    const before = await readSite(outDir);

    const badSamples = await copySamples("bad");
    await writeFile(join(badSamples, "removeContact.sh"), "curl -X DELETE https://api.usehatchapp.com/v1/contacts\n");
    await expect(buildSite({ specPath, outDir, samplesDir: badSamples, changelogs: noChangelogs() })).rejects.toThrow(
      DocsBuildError,
    );
    const after = await readSite(outDir);
    for (const page of SITE_PAGES) expect(after[page] === before[page], `${page} unchanged`).toBe(true);
    expect((await readdir(outDir)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
    await rm(join(badSamples, ".."), { recursive: true, force: true });

    await writeFile(join(outDir, "old-page.html"), "stale");
    await buildSite({ specPath, outDir, changelogs: noChangelogs() });
    expect(existsSync(join(outDir, "old-page.html"))).toBe(false);
    expect(existsSync(join(outDir, "reference.html"))).toBe(true);
  });
});
