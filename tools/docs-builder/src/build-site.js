// @ts-check
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { replaceDirAtomic, writeFileAtomic } from "@sdkit/bundle";
import { readApiChangeReports } from "./api-changes.js";
import { changelogContent } from "./changelog.js";
import { buildDocsBundle } from "./code-samples.js";
import { DocsBuildError } from "./errors.js";
import { llmsFullTxt, llmsTxt } from "./llms.js";
import { renderMarkdown } from "./markdown.js";
import { assertNoExternalResources } from "./offline-check.js";
import { operationsMarkdown } from "./operations-markdown.js";
import {
  defaultQuickStart,
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
import { cliPageMarkdown, mcpPageMarkdown } from "./tool-pages.js";

/** This package's folder: the templates and the Redocly config ship in it. */
export const PACKAGE_DIR = fileURLToPath(new URL("..", import.meta.url));

/**
 * What the site says about the client package; from an SDK config (`sdk.config.json`: see
 * @sdkit/codegen), or nothing when there is none (the pages then name no package).
 *
 * @typedef {object} DocsClientInfo
 * @property {string} packageName the npm package users install, e.g. `@acme/client`
 * @property {string} [factory] its client factory, e.g. `createAcmeClient`
 * @property {string} [variable] what samples call the client, e.g. `acme`
 * @property {string} [apiKeyEnv] the environment variable holding the API key
 */

/**
 * @typedef {object} BuildSiteOptions
 * @property {string} specPath the bundled spec (`spec/dist/openapi.json`)
 * @property {string} outDir where the site goes
 * @property {string} samplesDir samples named after operations (`<operationId>.ts`, `.sh`), with the
 *   generated ones of `openapi-codegen samples` in its `generated/` folder
 * @property {DocsClientInfo} [client] the client package the pages point readers to
 * @property {import("@sdkit/codegen/sdk-config").SdkConfig} [sdkConfig] the whole SDK config: with its
 *   `cli` section the site has a CLI page (`cli.html`), with its `mcp` section an MCP page (`mcp.html`),
 *   both generated from the spec as the packages are
 * @property {string} [quickStartPath] the quick start's Markdown; its `<!-- include: path -->` lines
 *   (relative to the file) pull in sample files. Without it, a quick start is written from the
 *   client info and the first operation's TypeScript sample.
 * @property {ReadonlyArray<{ name: string, path: string }>} [changelogs] package name → its CHANGELOG.md
 * @property {string} [apiChangesDir] the API change reports (`<version>.json`), when there are any
 * @property {string} [redoclyConfigPath] Redoc's options; default: this package's `redocly.yaml`
 * @property {string} [cwd] file names in error messages are relative to it (default: the working directory)
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
  samplesDir,
  client,
  sdkConfig,
  quickStartPath,
  changelogs = [],
  apiChangesDir,
  redoclyConfigPath = join(PACKAGE_DIR, "redocly.yaml"),
  cwd = process.cwd(),
}) {
  const templatesDir = join(PACKAGE_DIR, "templates");
  const docsSpec = await buildDocsBundle({ specPath, samplesDir, cwd });
  // The site loads nothing from other hosts: the document's remote logo and images are dropped
  // (or linked), with a warning naming each, instead of failing the offline check below.
  for (const line of remoteAssetWarnings(dropRemoteAssets(docsSpec))) console.warn(line);
  // Read before the slow Redoc run, so a bad report or quick start fails the build at once.
  const apiChangeReports = apiChangesDir === undefined ? new Map() : await readApiChangeReports(apiChangesDir);
  const quickStart = quickStartPath
    ? await quickStartContent(await readFile(quickStartPath, "utf8"), {
        baseDir: dirname(quickStartPath),
        file: relative(cwd, quickStartPath),
      })
    : await quickStartContent(defaultQuickStart(docsSpec, client), { baseDir: cwd, file: "the default quick start" });
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
  // The generated command-line tool's and MCP server's pages, when the config has them.
  const toolPages = [
    ...(sdkConfig?.cli
      ? [
          {
            page: "cli",
            label: "CLI",
            text: "every command with its options, an example, and the exit codes.",
            markdown: cliPageMarkdown(docsSpec, sdkConfig),
          },
        ]
      : []),
    ...(sdkConfig?.mcp
      ? [
          {
            page: "mcp",
            label: "MCP server",
            text: "registering the MCP server with an AI client, and every tool with its input.",
            markdown: mcpPageMarkdown(docsSpec, sdkConfig),
          },
        ]
      : []),
  ];
  const guide = guideContent(docsSpec, { clientPackage: client?.packageName, extraPages: toolPages });
  const staging = await mkdtemp(join(tmpdir(), "sdkit-docs-"));
  try {
    const bundlePath = join(staging, "openapi.json");
    await writeFileAtomic(bundlePath, `${JSON.stringify(referenceSpec(docsSpec, guide.topics), null, 2)}\n`);
    const redocHtml = await buildReferenceHtml({
      bundlePath,
      outputPath: join(staging, "reference.html"),
      templatePath: join(templatesDir, "reference.hbs"),
      configPath: redoclyConfigPath,
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

  files.push({
    path: "index.html",
    data: renderPage(layout, { ...guide, header: header("guide"), markdownHref: "index.md" }),
  });

  files.push({
    path: "quick-start.html",
    data: renderPage(layout, { ...quickStart, header: header("quick-start"), markdownHref: "quick-start.md" }),
  });

  /** @type {Array<{ path: string, title: string, summary: string, markdown: string }>} */
  const toolMarkdownPages = [];
  for (const tool of toolPages) {
    const { html, toc } = renderMarkdown(tool.markdown);
    const title = toc.find((entry) => entry.depth === 1)?.text ?? tool.label;
    files.push({
      path: `${tool.page}.html`,
      data: renderPage(layout, {
        title,
        contentHtml: html,
        toc,
        header: header(null),
        markdownHref: `${tool.page}.md`,
      }),
    });
    toolMarkdownPages.push({
      path: `${tool.page}.md`,
      title,
      summary: tool.text.replace(/\.$/, ""),
      markdown: toMarkdownLinks(tool.markdown),
    });
  }

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
    toMarkdownLinks(referenceIntro(guide.topics)),
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
      summary: topicList(guide.topics) || "what the API is and how to use it",
      markdown: guide.markdown,
    },
    {
      path: "quick-start.md",
      title: quickStart.title,
      summary: topicList(quickStart.topics) || "a first call to the API",
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
    ...toolMarkdownPages,
  ];
  for (const page of markdownPages) files.push({ path: page.path, data: ensureNewline(page.markdown) });
  files.push({ path: "llms.txt", data: llmsTxt(docsSpec, markdownPages, { clientPackage: client?.packageName }) });
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

/**
 * A page's sections as one line: "keys, authentication, errors".
 *
 * @param {string[]} topics
 */
function topicList(topics) {
  return topics.join(", ");
}

/** @param {string} text */
function ensureNewline(text) {
  return text.endsWith("\n") ? text : `${text}\n`;
}
