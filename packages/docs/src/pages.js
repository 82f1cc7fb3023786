// @ts-check
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { DocsBuildError } from "./errors.js";
import { escapeHtml, renderMarkdown } from "./markdown.js";

/** The pages of the site, in header order; `current` marks the page a header is shown on. */
export const PAGES = /** @type {const} */ (["guide", "quick-start", "reference", "changelog"]);

/** @typedef {(typeof PAGES)[number]} PageName */
/** @typedef {import("./markdown.js").TocEntry} TocEntry */

/**
 * Fills the site header template: the site's name, and `aria-current` on the link (marked
 * `data-page="<name>"`) of the page being shown.
 *
 * @param {string} template templates/site-header.html
 * @param {{ siteName: string, current: PageName }} options
 */
export function renderSiteHeader(template, { siteName, current }) {
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
 * @param {{ title: string, header: string, contentHtml: string, toc: TocEntry[] }} page
 */
export function renderPage(layout, { title, header, contentHtml, toc }) {
  const tocHtml = toc.length === 0 ? "" : renderToc(toc);
  const values = { title: escapeHtml(title), header, content: contentHtml, toc: tocHtml };
  return layout.replace(
    /<!--@(title|header|content|toc)-->/g,
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
 * The guide: the spec's `info.description`, which explains keys, authentication, sources, upsert
 * matching, errors, rate limits and retries. It is the same text as the top of the reference, but
 * as a plain page it loads instantly, prints well and can be linked section by section.
 *
 * @param {any} spec
 */
export function guideContent(spec) {
  const info = spec?.info ?? {};
  if (typeof info.description !== "string" || info.description.trim() === "") {
    throw new DocsBuildError("The spec has no info.description, which is the source of the guide");
  }
  const title = `${info.title ?? "API"} guide`;
  const { html, toc } = renderMarkdown(info.description);
  const server = spec.servers?.[0]?.url;
  const facts = [
    typeof server === "string" ? `<li>Base URL: <code>${escapeHtml(server)}</code></li>` : "",
    typeof info.version === "string" ? `<li>API version: ${escapeHtml(info.version)}</li>` : "",
  ].join("");
  const contentHtml = [
    `<h1>${escapeHtml(title)}</h1>`,
    facts ? `<ul class="facts">${facts}</ul>` : "",
    html,
    `<section class="next-steps"><h2 id="next-steps">Next steps</h2><ul>`,
    `<li><a href="quick-start.html">Quick start</a>: send your first contact with <code>@hatch-api/client</code>.</li>`,
    `<li><a href="reference.html">API reference</a>: every operation and field, with TypeScript and curl samples.</li>`,
    `<li><a href="changelog.html">Changelog</a>: what changed in each release of the packages.</li>`,
    `</ul></section>`,
  ].join("\n");
  return { title, contentHtml, toc: [...toc, { depth: 2, id: "next-steps", text: "Next steps" }] };
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
  return { title, contentHtml: html, toc };
}

/** @param {string} path */
function languageOf(path) {
  if (path.endsWith(".ts")) return "ts";
  if (path.endsWith(".sh")) return "sh";
  return "";
}

/**
 * The changelogs of the public packages. Changesets writes them on the first release, so a missing
 * file is normal before then: the page says so instead of failing the build.
 *
 * @param {ReadonlyArray<{ name: string, path: string }>} changelogs
 */
export async function changelogContent(changelogs) {
  /** @type {TocEntry[]} */
  const toc = [];
  const sections = [];
  for (const { name, path } of changelogs) {
    const id = `changelog-${name.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "")}`;
    toc.push({ depth: 2, id, text: name });
    if (!existsSync(path)) {
      sections.push(
        `<section><h2 id="${id}"><code>${escapeHtml(name)}</code></h2>` +
          `<p class="changelog-empty">No release of ${escapeHtml(name)} yet.</p></section>`,
      );
      continue;
    }
    const markdown = await readFile(path, "utf8");
    // Changesets starts the file with `# <package name>`; our section heading already says it.
    const body = markdown.replace(/^#\s+[^\n]*\n/, "");
    const { html } = renderMarkdown(body, { idPrefix: `${id}-`, headingOffset: 1 });
    sections.push(`<section><h2 id="${id}"><code>${escapeHtml(name)}</code></h2>\n${html}</section>`);
  }
  const contentHtml = [
    "<h1>Changelog</h1>",
    "<p>What changed in each release of the public packages.</p>",
    ...sections,
  ].join("\n");
  return { title: "Changelog", contentHtml, toc };
}
