// @ts-check
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { replaceDirAtomic, writeFileAtomic } from "@hatch-api/openapi-bundle";
import { buildDocsBundle } from "./code-samples.js";
import { assertNoExternalResources } from "./offline-check.js";
import { changelogContent, guideContent, quickStartContent, renderPage, renderSiteHeader } from "./pages.js";
import { buildReferenceHtml, finishReferenceHtml } from "./reference.js";

/** The docs package's own folder: samples, templates and content are found relative to it. */
export const PACKAGE_DIR = fileURLToPath(new URL("..", import.meta.url));

/** The changelogs Changesets writes for the public packages, once they are released. */
export const DEFAULT_CHANGELOGS = [
  { name: "@hatch-api/client", path: join(PACKAGE_DIR, "..", "client", "CHANGELOG.md") },
  { name: "@hatch-api/types", path: join(PACKAGE_DIR, "..", "types", "CHANGELOG.md") },
];

/**
 * @typedef {object} BuildSiteOptions
 * @property {string} specPath the bundled spec (`spec/dist/openapi.json`)
 * @property {string} outDir where the site goes
 * @property {string} [samplesDir]
 * @property {ReadonlyArray<{ name: string, path: string }>} [changelogs]
 */

/**
 * Builds the whole site. Every page is prepared first, then the site folder is replaced whole
 * (replaceDirAtomic), so a failed build leaves the previous site as it was.
 *
 * @param {BuildSiteOptions} options
 * @returns {Promise<{ files: string[] }>} the written files, relative to `outDir`
 */
export async function buildSite({
  specPath,
  outDir,
  samplesDir = join(PACKAGE_DIR, "samples"),
  changelogs = DEFAULT_CHANGELOGS,
}) {
  const templatesDir = join(PACKAGE_DIR, "templates");
  const docsSpec = await buildDocsBundle({ specPath, samplesDir, cwd: PACKAGE_DIR });
  const siteName = `${docsSpec.info?.title ?? "API"} docs`;
  const layout = await readFile(join(templatesDir, "page.html"), "utf8");
  const headerTemplate = await readFile(join(templatesDir, "site-header.html"), "utf8");
  /** @param {import("./pages.js").PageName} current */
  const header = (current) => renderSiteHeader(headerTemplate, { siteName, current });

  /** @type {Array<{ path: string, data: string | Uint8Array }>} */
  const files = [];
  const docsBundleJson = `${JSON.stringify(docsSpec, null, 2)}\n`;
  files.push({ path: "openapi.json", data: docsBundleJson });

  const staging = await mkdtemp(join(tmpdir(), "hatch-docs-"));
  try {
    const bundlePath = join(staging, "openapi.json");
    await writeFileAtomic(bundlePath, docsBundleJson);
    const redocHtml = await buildReferenceHtml({
      bundlePath,
      outputPath: join(staging, "reference.html"),
      templatePath: join(templatesDir, "reference.hbs"),
      configPath: join(PACKAGE_DIR, "redocly.yaml"),
      title: `${docsSpec.info?.title ?? "API"} reference`,
    });
    files.push({
      path: "reference.html",
      data: finishReferenceHtml(redocHtml, { siteHeader: header("reference"), file: "reference.html" }),
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }

  const guide = guideContent(docsSpec);
  files.push({ path: "index.html", data: renderPage(layout, { ...guide, header: header("guide") }) });

  const quickStartFile = join(PACKAGE_DIR, "content", "quick-start.md");
  const quickStart = await quickStartContent(await readFile(quickStartFile, "utf8"), {
    baseDir: PACKAGE_DIR,
    file: relative(PACKAGE_DIR, quickStartFile),
  });
  files.push({ path: "quick-start.html", data: renderPage(layout, { ...quickStart, header: header("quick-start") }) });

  const changelog = await changelogContent(changelogs);
  files.push({ path: "changelog.html", data: renderPage(layout, { ...changelog, header: header("changelog") }) });

  for (const name of await readdir(join(templatesDir, "assets"))) {
    files.push({ path: join("assets", name), data: await readFile(join(templatesDir, "assets", name)) });
  }

  for (const file of files) {
    if (file.path.endsWith(".html")) assertNoExternalResources(String(file.data), file.path);
  }

  // The whole site is swapped in at once: never a new page beside an old one, no stale files.
  await replaceDirAtomic(outDir, files);
  return { files: files.map((file) => file.path) };
}
