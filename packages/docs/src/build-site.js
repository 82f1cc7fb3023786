// @ts-check
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { replaceDirAtomic, writeFileAtomic } from "@sdkit/bundle";
import { readApiChangeReports } from "./api-changes.js";
import { changelogContent } from "./changelog.js";
import { buildDocsBundle } from "./code-samples.js";
import { DocsBuildError } from "./errors.js";
import { llmsFullTxt, llmsTxt } from "./llms.js";
import { assertNoExternalResources } from "./offline-check.js";
import { operationsMarkdown } from "./operations-markdown.js";
import {
  guideContent,
  quickStartContent,
  renderPage,
  renderSiteHeader,
  searchContent,
  toMarkdownLinks,
} from "./pages.js";
import { buildReferenceHtml, finishReferenceHtml } from "./reference.js";
import { referenceIntro, referenceRoutes, referenceSpec } from "./reference-spec.js";
import { dropRemoteAssets, remoteAssetWarnings } from "./remote-assets.js";
import { routeStubFiles } from "./route-stubs.js";
import { buildSearchIndex } from "./search-index.js";

/** The docs package's own folder: samples, templates and content are found relative to it. */
export const PACKAGE_DIR = fileURLToPath(new URL("..", import.meta.url));

/** The changelogs Changesets writes for the public packages, once they are released. */
export const DEFAULT_CHANGELOGS = [
  { name: "@hatch-api/client", path: join(PACKAGE_DIR, "..", "client", "CHANGELOG.md") },
  { name: "@hatch-api/types", path: join(PACKAGE_DIR, "..", "types", "CHANGELOG.md") },
];

/** The API change reports the spec update writes, one per released version (`<version>.json`). */
export const DEFAULT_API_CHANGES_DIR = join(PACKAGE_DIR, "..", "..", "spec", "api-changes");

/**
 * @typedef {object} BuildSiteOptions
 * @property {string} specPath the bundled spec (`spec/dist/openapi.json`)
 * @property {string} outDir where the site goes
 * @property {string} [samplesDir]
 * @property {ReadonlyArray<{ name: string, path: string }>} [changelogs]
 * @property {string} [apiChangesDir] the API change reports (`spec/api-changes/`)
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
  apiChangesDir = DEFAULT_API_CHANGES_DIR,
}) {
  const templatesDir = join(PACKAGE_DIR, "templates");
  const docsSpec = await buildDocsBundle({ specPath, samplesDir, cwd: PACKAGE_DIR });
  // The site loads nothing from other hosts: the document's remote logo and images are dropped
  // (or linked), with a warning naming each, instead of failing the offline check below.
  for (const line of remoteAssetWarnings(dropRemoteAssets(docsSpec))) console.warn(line);
  // Read before the slow Redoc run, so a bad report fails the build at once.
  const apiChangeReports = await readApiChangeReports(apiChangesDir);
  const siteName = `${docsSpec.info?.title ?? "API"} docs`;
  const layout = await readFile(join(templatesDir, "page.html"), "utf8");
  const headerTemplate = await readFile(join(templatesDir, "site-header.html"), "utf8");
  /** @param {import("./pages.js").PageName | null} current */
  const header = (current) => renderSiteHeader(headerTemplate, { siteName, current });

  /** @type {Array<{ path: string, data: string | Uint8Array }>} */
  const files = [];
  const docsBundleJson = `${JSON.stringify(docsSpec, null, 2)}\n`;
  files.push({ path: "openapi.json", data: docsBundleJson });

  // Redoc gets the spec without the guide, which has its own page: the reference opens at the
  // operations. Its JSON goes through a staging file because redocly reads a path.
  const routes = referenceRoutes(docsSpec);
  const staging = await mkdtemp(join(tmpdir(), "hatch-docs-"));
  try {
    const bundlePath = join(staging, "openapi.json");
    await writeFileAtomic(bundlePath, `${JSON.stringify(referenceSpec(docsSpec), null, 2)}\n`);
    const redocHtml = await buildReferenceHtml({
      bundlePath,
      outputPath: join(staging, "reference.html"),
      templatePath: join(templatesDir, "reference.hbs"),
      configPath: join(PACKAGE_DIR, "redocly.yaml"),
      title: `${docsSpec.info?.title ?? "API"} reference`,
    });
    files.push({
      path: "reference.html",
      data: finishReferenceHtml(redocHtml, {
        siteHeader: header("reference"),
        file: "reference.html",
        openAt: routes[0]?.route,
      }),
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  files.push(...routeStubFiles(routes, { siteName }));

  const guide = guideContent(docsSpec);
  files.push({
    path: "index.html",
    data: renderPage(layout, { ...guide, header: header("guide"), markdownHref: "index.md" }),
  });

  const quickStartFile = join(PACKAGE_DIR, "content", "quick-start.md");
  const quickStart = await quickStartContent(await readFile(quickStartFile, "utf8"), {
    baseDir: PACKAGE_DIR,
    file: relative(PACKAGE_DIR, quickStartFile),
  });
  files.push({
    path: "quick-start.html",
    data: renderPage(layout, { ...quickStart, header: header("quick-start"), markdownHref: "quick-start.md" }),
  });

  const changelog = await changelogContent(changelogs, apiChangeReports);
  files.push({
    path: "changelog.html",
    data: renderPage(layout, { ...changelog, header: header("changelog"), markdownHref: "changelog.md" }),
  });

  // The Markdown twins and llms.txt, from the same spec and samples as the HTML pages.
  const routeOf = new Map(routes.filter((route) => route.operationId).map((route) => [route.operationId, route.route]));

  // The site search covers what Redoc's search does not: the guide and the quick start.
  const searchIndex = buildSearchIndex({
    guideHtml: guide.contentHtml,
    quickStartHtml: quickStart.contentHtml,
    docsSpec,
    operationUrl: (operationId) => `reference.html#${routeOf.get(operationId)}`,
  });
  files.push({ path: "search-index.json", data: `${JSON.stringify(searchIndex)}\n` });
  files.push({
    path: "search.html",
    data: renderPage(layout, { ...searchContent(), header: header(null), script: "assets/search.js" }),
  });
  const referenceMarkdown = [
    `# ${docsSpec.info?.title ?? "API"} reference`,
    "",
    toMarkdownLinks(referenceIntro()),
    "",
    operationsMarkdown(docsSpec, {
      headingLevel: 2,
      referenceUrl: (/** @type {string} */ operationId) =>
        `[reference.html#${routeOf.get(operationId)}](reference.html#${routeOf.get(operationId)})`,
    }),
  ].join("\n");
  const markdownPages = [
    {
      path: "index.md",
      title: guide.title,
      summary: "keys, authentication, sources, how an upsert matches contacts, errors, rate limits, retries",
      markdown: guide.markdown,
    },
    {
      path: "quick-start.md",
      title: quickStart.title,
      summary: "install the TypeScript client, send a first contact, handle errors, options",
      markdown: quickStart.markdown,
    },
    {
      path: "reference.md",
      title: `${docsSpec.info?.title ?? "API"} reference`,
      summary: "every operation with its parameters, body fields, responses and samples",
      markdown: referenceMarkdown,
    },
    {
      path: "changelog.md",
      title: "Changelog",
      summary: "API changes and package changes per released version",
      markdown: changelog.markdown,
    },
  ];
  for (const page of markdownPages) files.push({ path: page.path, data: ensureNewline(page.markdown) });
  files.push({ path: "llms.txt", data: llmsTxt(docsSpec, markdownPages) });
  files.push({
    path: "llms-full.txt",
    data: llmsFullTxt(docsSpec, {
      guide: guide.markdown,
      quickStart: quickStart.markdown,
      reference: referenceMarkdown,
    }),
  });

  for (const name of await readdir(join(templatesDir, "assets"))) {
    files.push({ path: join("assets", name), data: await readFile(join(templatesDir, "assets", name)) });
  }

  const seen = new Set();
  for (const file of files) {
    if (seen.has(file.path)) throw new DocsBuildError(`Two parts of the site would both write ${file.path}`);
    seen.add(file.path);
    if (file.path.endsWith(".html")) assertNoExternalResources(String(file.data), file.path);
  }

  // The whole site is swapped in at once: never a new page beside an old one, no stale files.
  await replaceDirAtomic(outDir, files);
  return { files: files.map((file) => file.path) };
}

/** @param {string} text */
function ensureNewline(text) {
  return text.endsWith("\n") ? text : `${text}\n`;
}
