import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { assertNoExternalResources, buildSite, DocsBuildError } from "@sdkit/docs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  contains,
  copySamples,
  readBundledSpec,
  samplesDir,
  scratchDir,
  siteOptions,
  specOperations,
  specPath,
} from "../test/helpers.js";

const SITE_PAGES = ["index.html", "quick-start.html", "reference.html", "changelog.html"];

let dir: string;
/** No API change report: the folder does not exist. */
const noReports = () => join(dir, "no-api-changes");
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
    const { files } = await buildSite(
      siteOptions({ specPath, outDir, changelogs: noChangelogs(), apiChangesDir: noReports() }),
    );
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
    // Every page offers the site search, which covers what Redoc's search does not.
    for (const page of ["index.html", "quick-start.html", "changelog.html"]) {
      expect(pages[page]).toContain('<form class="search-form" action="search.html">');
      expect(pages[page]).toContain("covers the guide, the quick start and the API reference");
    }
    const searchPage = await readFile(join(outDir, "search.html"), "utf8");
    expect(searchPage).toContain('<script type="module" src="assets/search.js"></script>');
    expect(searchPage).toContain("script-src 'self'");
    expect(pages["index.html"]).toContain("script-src 'none'");
    const index: Array<{ title: string; url: string; text: string }> = JSON.parse(
      await readFile(join(outDir, "search-index.json"), "utf8"),
    );
    const titles = index.map((entry) => entry.title);
    for (const [, heading] of (spec.info.description as string).matchAll(/^#{2,3} (.+)$/gm)) {
      expect(titles, `the search covers the guide's "${heading}"`).toContain(heading);
    }
    const quickStartSource = await readFile(join(samplesDir, "..", "content", "quick-start.md"), "utf8");
    for (const [, heading] of quickStartSource.matchAll(/^## (.+)$/gm)) expect(titles).toContain(heading);
    for (const { operation } of specOperations(spec)) {
      const entry = index.find((candidate) => candidate.title === operation.summary);
      expect(entry?.url, `the search covers ${operation.operationId}`).toMatch(/^reference\.html#\//);
    }
    for (const entry of index)
      expect(existsSync(join(outDir, entry.url.split("#")[0] as string)), entry.url).toBe(true);
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
    // The downloadable bundle is the whole spec, the guide included.
    expect(bundle.info.description).toBe(spec.info.description);
  });

  it("gives Redoc the spec without the guide, linking to it, and opens the reference at the first tag", async () => {
    const outDir = join(dir, "site");
    const reference = await readFile(join(outDir, "reference.html"), "utf8");
    const spec = await readBundledSpec();
    // Every paragraph of the guide is absent from the reference (as text and as inlined JSON).
    const paragraphs = (spec.info.description as string).split(/\n\n+/).filter((text) => text.length > 40);
    expect(paragraphs.length).toBeGreaterThan(3);
    for (const paragraph of paragraphs) {
      const start = JSON.stringify(paragraph).slice(1, 50);
      expect(contains(reference, start), "guide text in the reference").toEqual(
        expect.objectContaining({ found: false }),
      );
    }
    expect(contains(reference, "[guide](index.html)")).toEqual(expect.objectContaining({ found: true }));
    const firstTag = spec.tags[0].name.toLowerCase();
    expect(contains(reference, `location.replace("#/${firstTag}")`)).toEqual(expect.objectContaining({ found: true }));
  });

  it("writes a page at each reference route that forwards to the reference, allowed by its own CSP", async () => {
    const outDir = join(dir, "site");
    const spec = await readBundledSpec();
    const routes = [`/${spec.tags[0].name.toLowerCase()}`];
    for (const { operation } of specOperations(spec)) {
      routes.push(`/${operation.tags[0].toLowerCase()}/${operation.operationId.toLowerCase()}`);
    }
    for (const route of routes) {
      const html = await readFile(join(outDir, route, "index.html"), "utf8");
      const script = /<script>(.*)<\/script>/.exec(html)?.[1] ?? "";
      expect(script).toContain(JSON.stringify(`#${route}`));
      const hash = createHash("sha256").update(script).digest("base64");
      expect(html).toContain(`script-src 'sha256-${hash}'`);
      expect(html).toContain(`url=/reference.html#${route}"`);
      assertNoExternalResources(html, route);
    }
  });

  it("reflects a changed description from the spec it is given in the reference and the guide", async () => {
    const spec = await readBundledSpec();
    spec.components.schemas.UpsertContactParams.properties.source.description = "Marker: the source field, edited.";
    spec.info.description = `${spec.info.description}\n## Edited section\n\nAdded by a test.\n`;
    const editedSpec = join(dir, "edited-openapi.json");
    await writeFile(editedSpec, JSON.stringify(spec));
    const outDir = join(dir, "edited-site");
    await buildSite(
      siteOptions({ specPath: editedSpec, outDir, changelogs: noChangelogs(), apiChangesDir: noReports() }),
    );
    const pages = await readSite(outDir);
    const reference = pages["reference.html"] as string;
    expect(contains(reference, "Marker: the source field, edited.")).toEqual(expect.objectContaining({ found: true }));
    expect(contains(reference, "The API Source Name of one")).toEqual(expect.objectContaining({ found: false }));
    expect(pages["index.html"]).toContain('<h2 id="edited-section">');
  });

  it("lists per released version the API changes next to the package changes, and says when none is recorded", async () => {
    const changelog = join(dir, "CHANGELOG.md");
    await writeFile(
      changelog,
      "# @hatch-api/client\n\n## 0.3.0\n\n### Minor Changes\n\n- def456: Adds `contacts.list`.\n\n" +
        "## 0.2.0\n\n### Minor Changes\n\n- abc123: Adds `contacts.upsert`.\n",
    );
    const reports = join(dir, "api-changes");
    await mkdir(reports, { recursive: true });
    await writeFile(
      join(reports, "0.3.0.json"),
      JSON.stringify({
        version: "0.3.0",
        date: "2026-11-26",
        bump: "minor",
        changes: [
          {
            level: "minor",
            kind: "added",
            operation: "GET /v1/contacts",
            target: null,
            text: "Lists the contacts of a source.",
          },
          {
            level: "major",
            kind: "removed",
            operation: "POST /v1/contacts",
            target: "request body: status",
            text: "The status field is no longer accepted.",
          },
        ],
      }),
    );
    const outDir = join(dir, "changelog-site");
    await buildSite(
      siteOptions({
        specPath,
        outDir,
        changelogs: [
          { name: "@hatch-api/client", path: changelog },
          { name: "@hatch-api/types", path: join(dir, "none.md") },
        ],
        apiChangesDir: reports,
      }),
    );
    const html = await readFile(join(outDir, "changelog.html"), "utf8");
    const v030 = html.slice(html.indexOf('<h2 id="v0-3-0">'), html.indexOf('<h2 id="v0-2-0">'));
    const v020 = html.slice(html.indexOf('<h2 id="v0-2-0">'));
    expect(v030).toContain("0.3.0 (2026-11-26)");
    expect(v030).toContain("<code>GET /v1/contacts</code>");
    expect(v030).toContain("Lists the contacts of a source.");
    expect(v030).toMatch(
      /Removed<\/strong> <strong>\(breaking\)<\/strong> <code>POST \/v1\/contacts<\/code>, request body: status/,
    );
    expect(v030).toContain("Adds <code>contacts.list</code>.");
    expect(v030).not.toContain("No API change recorded");
    expect(v020).toContain("No API change recorded for this version.");
    expect(v020).toContain("Adds <code>contacts.upsert</code>.");
    expect(v020).toContain("No change to <code>@hatch-api/types</code> in this version.");
    expect(html.indexOf("v0-3-0")).toBeLessThan(html.indexOf("v0-2-0"));
    const markdown = await readFile(join(outDir, "changelog.md"), "utf8");
    expect(markdown).toContain("## 0.3.0 (2026-11-26)");
    expect(markdown).toContain("#### `@hatch-api/client`");
    expect(markdown).toContain("##### Minor Changes");
  });

  it("refuses an API change report that breaks the agreed shape, naming the file and the field", async () => {
    const reports = join(dir, "bad-api-changes");
    await mkdir(reports, { recursive: true });
    await writeFile(
      join(reports, "1.0.0.json"),
      JSON.stringify({
        version: "1.0.0",
        date: "2026-11-26",
        bump: "minor",
        changes: [{ level: "minor", kind: "renamed", operation: null, target: null, text: "x" }],
      }),
    );
    await expect(
      buildSite(
        siteOptions({
          specPath,
          outDir: join(dir, "bad-report-site"),
          changelogs: noChangelogs(),
          apiChangesDir: reports,
        }),
      ),
    ).rejects.toThrow(/1\.0\.0\.json: changes\[0\]\.kind must be one of added, changed, removed/);
    expect(existsSync(join(dir, "bad-report-site", "changelog.html"))).toBe(false);
  });

  it("leaves the previous site untouched when a build fails, and removes files a later build no longer writes", async () => {
    const outDir = join(dir, "kept-site");
    await buildSite(siteOptions({ specPath, outDir, changelogs: noChangelogs(), apiChangesDir: noReports() }));
    const before = await readSite(outDir);

    const badSamples = await copySamples("bad");
    await writeFile(join(badSamples, "removeContact.sh"), "curl -X DELETE https://api.usehatchapp.com/v1/contacts\n");
    await expect(
      buildSite(
        siteOptions({
          specPath,
          outDir,
          samplesDir: badSamples,
          changelogs: noChangelogs(),
          apiChangesDir: noReports(),
        }),
      ),
    ).rejects.toThrow(DocsBuildError);
    const after = await readSite(outDir);
    for (const page of SITE_PAGES) expect(after[page] === before[page], `${page} unchanged`).toBe(true);
    expect((await readdir(outDir)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
    await rm(join(badSamples, ".."), { recursive: true, force: true });

    await writeFile(join(outDir, "old-page.html"), "stale");
    await buildSite(siteOptions({ specPath, outDir, changelogs: noChangelogs(), apiChangesDir: noReports() }));
    expect(existsSync(join(outDir, "old-page.html"))).toBe(false);
    expect(existsSync(join(outDir, "reference.html"))).toBe(true);
  });
});
