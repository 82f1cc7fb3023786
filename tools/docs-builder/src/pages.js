// @ts-check
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { DocsBuildError } from "./errors.js";
import { escapeHtml, renderMarkdown } from "./markdown.js";
import { operationsInDocumentOrder } from "./operations.js";

/** The pages of the site, in header order; `current` marks the page a header is shown on. */
export const PAGES = /** @type {const} */ (["guide", "quick-start", "reference", "changelog"]);

/** @typedef {(typeof PAGES)[number]} PageName */
/** @typedef {import("./markdown.js").TocEntry} TocEntry */

/**
 * Fills the site header template: the site's name, and `aria-current` on the link (marked
 * `data-page="<name>"`) of the page being shown.
 *
 * @param {string} template templates/site-header.html
 * @param {{ siteName: string, current: PageName | null }} options `null` for a page without a link
 *   in the header (the search page)
 */
export function renderSiteHeader(template, { siteName, current }) {
  if (current === null) return template.replaceAll("@siteName@", escapeHtml(siteName));
  if (!template.includes(`data-page="${current}"`)) {
    throw new DocsBuildError(`templates/site-header.html has no link with data-page="${current}"`);
  }
  return template
    .replaceAll("@siteName@", escapeHtml(siteName))
    .replace(`data-page="${current}"`, `data-page="${current}" aria-current="page"`);
}

/**
 * Fills the layout of the guide, quick start and changelog pages.
 *
 * @param {string} layout templates/page.html
 * @param {{ title: string, header: string, contentHtml: string, toc: TocEntry[], markdownHref?: string, script?: string }} page
 *   `markdownHref` is the page's Markdown twin (`index.md`), announced to machines in the head;
 *   `script` a script of the site the page runs (only the search page has one: the others allow none)
 */
export function renderPage(layout, { title, header, contentHtml, toc, markdownHref, script }) {
  const tocHtml = toc.length === 0 ? "" : renderToc(toc);
  const markdown = markdownHref
    ? `<link rel="alternate" type="text/markdown" href="${escapeHtml(markdownHref)}" title="This page as Markdown" />`
    : "";
  const markdownLink = markdownHref ? `<a href="${escapeHtml(markdownHref)}">This page as Markdown</a>` : "";
  const values = {
    title: escapeHtml(title),
    header,
    content: contentHtml,
    toc: tocHtml,
    markdown,
    "markdown-link": markdownLink,
    scripts: script ? `<script type="module" src="${escapeHtml(script)}"></script>` : "",
  };
  const csp = script ? layout.replace("script-src 'none'", "script-src 'self'") : layout;
  return csp.replace(
    /<!--@(title|header|content|toc|markdown|markdown-link|scripts)-->/g,
    (_, key) => values[/** @type {keyof typeof values} */ (key)],
  );
}

/** @param {TocEntry[]} toc */
function renderToc(toc) {
  const items = toc
    .filter((entry) => entry.depth === 2 || entry.depth === 3)
    .map(
      (entry) =>
        `<li class="depth-${entry.depth}"><a class="toc-link" href="#${entry.id}">${escapeHtml(entry.text)}</a></li>`,
    );
  return `<nav><strong>On this page</strong><ul>\n${items.join("\n")}\n</ul></nav>`;
}

/**
 * A page's second-level sections as topics for one-line summaries: "1. Install" → "install",
 * "API keys" → "API keys" (a word in capitals keeps them).
 *
 * @param {TocEntry[]} toc
 */
export function topicsOf(toc) {
  return toc
    .filter((entry) => entry.depth === 2)
    .map((entry) => entry.text.replace(/^\d+[.)]\s*/, "").trim())
    .filter((text) => text !== "" && !/^next( steps)?$/i.test(text))
    .map((text) => (/^\p{Lu}\p{Ll}/u.test(text) ? text[0]?.toLowerCase() + text.slice(1) : text));
}

/**
 * The guide: the spec's `info.description`, which explains what a reader needs before the first
 * call (keys, authentication, errors, limits: whatever the document's author wrote). It is the
 * only place the guide text is shown: the reference links here instead of repeating it. Returns
 * the page's HTML, its Markdown twin and its sections as topics.
 *
 * @param {any} spec
 * @param {{ clientPackage?: string | undefined, extraPages?: ReadonlyArray<{ page: string, label: string, text: string }> }} [client]
 *   the TypeScript client package the next steps name, and more pages they link (the CLI, the MCP server)
 */
export function guideContent(spec, { clientPackage, extraPages = [] } = {}) {
  const info = spec?.info ?? {};
  // Many public documents have no description: the guide then says so and points at the reference,
  // with a warning, rather than failing the build.
  let description = info.description;
  if (typeof description !== "string" || description.trim() === "") {
    console.warn(
      "docs: the document has no info.description, the source of the guide: the guide only links the reference",
    );
    description =
      "This API's document has no description (`info.description`) yet. Every operation is in the [API reference](reference.html).";
  }
  const title = `${info.title ?? "API"} guide`;
  const { html, toc } = renderMarkdown(description);
  const server = spec.servers?.[0]?.url;
  const facts = [
    typeof server === "string" ? `<li>Base URL: <code>${escapeHtml(server)}</code></li>` : "",
    typeof info.version === "string" ? `<li>API version: ${escapeHtml(info.version)}</li>` : "",
  ].join("");
  const nextSteps = [
    [
      "quick-start",
      "Quick start",
      clientPackage ? `a first call to the API with \`${clientPackage}\`.` : "a first call to the API.",
    ],
    ["reference", "API reference", "every operation and field, with TypeScript and curl samples."],
    ...extraPages.map(({ page, label, text }) => [page, label, text]),
    ["changelog", "Changelog", "what changed in the API and the packages in each release."],
  ];
  const contentHtml = [
    `<h1>${escapeHtml(title)}</h1>`,
    facts ? `<ul class="facts">${facts}</ul>` : "",
    html,
    `<section class="next-steps"><h2 id="next-steps">Next steps</h2><ul>`,
    ...nextSteps.map(
      ([page, label, text]) =>
        `<li><a href="${page}.html">${label}</a>: ${renderMarkdown(text ?? "").html.replace(/^<p>|<\/p>\n?$/g, "")}</li>`,
    ),
    `</ul></section>`,
  ].join("\n");
  const markdown = [
    `# ${title}`,
    "",
    typeof server === "string" ? `- Base URL: \`${server}\`` : "",
    typeof info.version === "string" ? `- API version: ${info.version}` : "",
    "",
    description.trim(),
    "",
    "## Next steps",
    "",
    ...nextSteps.map(([page, label, text]) => `- [${label}](${page}.md): ${text}`),
    "",
  ]
    .filter((line, index, lines) => !(line === "" && lines[index - 1] === ""))
    .join("\n");
  return {
    title,
    contentHtml,
    toc: [...toc, { depth: 2, id: "next-steps", text: "Next steps" }],
    markdown,
    topics: topicsOf(toc),
  };
}

const INCLUDE = /^<!-- include: (\S+) -->$/gm;

/**
 * The quick start, from Markdown whose `<!-- include: samples/… -->` lines pull in sample files, so
 * the code a reader copies is the code `tsc` checks against the built client.
 *
 * @param {string} markdown
 * @param {{ baseDir: string, file: string }} where `baseDir` resolves include paths; `file` names
 *   the Markdown in errors
 */
export async function quickStartContent(markdown, { baseDir, file }) {
  let expanded = markdown;
  for (const [line, includePath = ""] of markdown.matchAll(INCLUDE)) {
    const fullPath = join(baseDir, includePath);
    if (!existsSync(fullPath)) throw new DocsBuildError(`${file}: "${line}" names a file that does not exist`);
    const code = (await readFile(fullPath, "utf8")).trimEnd();
    const fence = "```";
    expanded = expanded.replace(line, () => `${fence}${languageOf(includePath)}\n${code}\n${fence}`);
  }
  const { html, toc } = renderMarkdown(expanded);
  const title = toc.find((entry) => entry.depth === 1)?.text ?? "Quick start";
  return { title, contentHtml: html, toc, markdown: toMarkdownLinks(expanded), topics: topicsOf(toc) };
}

/**
 * The quick start of a site whose repository writes none: install the client package, keep the
 * key in the environment, and the first operation's TypeScript sample (its curl sample without a
 * client package). Everything in it comes from the SDK config and the spec.
 *
 * @param {any} docsSpec the docs bundle (the spec with `x-codeSamples`)
 * @param {{ packageName: string, apiKeyEnv?: string | undefined } | undefined} client
 */
export function defaultQuickStart(docsSpec, client) {
  const [first] = operationsInDocumentOrder(docsSpec);
  const samples = first ? (docsSpec.paths[first.path][first.method]["x-codeSamples"] ?? []) : [];
  const sample = samples.find(
    (/** @type {{ lang: string }} */ entry) => entry.lang === (client ? "typescript" : "bash"),
  );
  const fence = "```";
  const lines = [client ? `# Quick start: \`${client.packageName}\`` : "# Quick start", ""];
  let step = 1;
  if (client) {
    lines.push(`## ${step++}. Install`, "", `${fence}sh`, `npm install ${client.packageName}`, fence, "");
  }
  if (client?.apiKeyEnv) {
    lines.push(
      `## ${step++}. Keep your API key in the environment`,
      "",
      "Give the key to your server as an environment variable, never in code:",
      "",
      `${fence}sh`,
      `export ${client.apiKeyEnv}="<your API key>"`,
      fence,
      "",
    );
  }
  if (first && sample) {
    lines.push(
      `## ${step++}. Make a first call`,
      "",
      `\`${first.method.toUpperCase()} ${first.path}\` (${first.operationId}):`,
      "",
      `${fence}${client ? "ts" : "sh"}`,
      String(sample.source).trimEnd(),
      fence,
      "",
    );
  }
  lines.push(
    "## Next",
    "",
    "- The [guide](index.html) explains the API.",
    "- The [API reference](reference.html) lists every operation and field, with samples.",
    "- The [changelog](changelog.html) says what changed in each release.",
    "",
  );
  return lines.join("\n");
}

/** @param {string} path */
function languageOf(path) {
  if (path.endsWith(".ts")) return "ts";
  if (path.endsWith(".sh")) return "sh";
  return "";
}

/**
 * Points the links between the site's pages at their Markdown twins (`index.html#errors` →
 * `index.md#errors`), for the `.md` pages machines read.
 *
 * @param {string} markdown
 */
export function toMarkdownLinks(markdown) {
  return markdown.replace(
    /\]\((index|quick-start|reference|changelog|cli|mcp)\.html(#[^)\s]*)?\)/g,
    (_, page, hash = "") => `](${page}.md${hash})`,
  );
}

/**
 * The site search page; `assets/search.js` fills it from `search-index.json`.
 */
export function searchContent() {
  const contentHtml = [
    "<h1>Search</h1>",
    '<search><form id="site-search" class="search-form search-page-form" action="search.html">',
    '<input id="site-search-query" type="search" name="q" placeholder="Search the docs" aria-label="Search the docs" autofocus />',
    "</form></search>",
    '<p id="search-status" class="search-status" role="status"></p>',
    '<ol id="search-results" class="search-results"></ol>',
    "<noscript><p>The search needs JavaScript. Without it, use your browser's find on " +
      '<a href="llms-full.txt">llms-full.txt</a>, which holds the guide, the quick start and the reference.</p></noscript>',
  ].join("\n");
  return { title: "Search", contentHtml, toc: [] };
}
