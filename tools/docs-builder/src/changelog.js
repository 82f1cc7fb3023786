// @ts-check
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { compareVersionsDescending } from "./api-changes.js";
import { escapeHtml, renderMarkdown } from "./markdown.js";

/** @typedef {import("./markdown.js").TocEntry} TocEntry */
/** @typedef {import("./api-changes.js").ApiChangeReport} ApiChangeReport */

export const NO_API_CHANGE = "No API change recorded for this version.";

/**
 * Splits a Changesets CHANGELOG.md into its versions (`## 1.2.0` headings), each with the
 * Markdown under it.
 *
 * @param {string} markdown
 * @returns {Map<string, string>} version → body
 */
export function changelogVersions(markdown) {
  /** @type {Map<string, string>} */
  const versions = new Map();
  let current = "";
  let lines = /** @type {string[]} */ ([]);
  const flush = () => {
    if (current) versions.set(current, lines.join("\n").trim());
  };
  for (const line of markdown.split("\n")) {
    const heading = /^##\s+v?(\d+\.\d+\.\d+\S*)\s*$/.exec(line);
    if (heading) {
      flush();
      current = heading[1] ?? "";
      lines = [];
    } else if (current) {
      lines.push(line);
    }
  }
  flush();
  return versions;
}

/**
 * The changelog page: one section per released version, newest first, with what changed in the
 * API (from the spec update's change report) next to what changed in each package (from its
 * CHANGELOG.md). A version without a report says so rather than implying nothing changed.
 * Built as Markdown (the page's `.md` twin) and rendered to HTML from it.
 *
 * @param {ReadonlyArray<{ name: string, path: string }>} changelogs
 * @param {Map<string, ApiChangeReport>} reports version → report
 */
export async function changelogContent(changelogs, reports) {
  /** @type {Array<{ name: string, versions: Map<string, string> | null }>} */
  const packages = [];
  for (const { name, path } of changelogs) {
    const versions = existsSync(path) ? changelogVersions(await readFile(path, "utf8")) : null;
    packages.push({ name, versions });
  }
  const allVersions = new Set(reports.keys());
  for (const { versions } of packages) for (const version of versions?.keys() ?? []) allVersions.add(version);
  const ordered = [...allVersions].sort(compareVersionsDescending);

  const packageNames = changelogs.map((entry) => `\`${entry.name}\``).join(" and ");
  const intro = [
    "# Changelog",
    "",
    "What changed in each release: in the API itself (operations and fields added, changed or removed, " +
      `from the spec's change report)${packageNames ? ` and in the packages ${packageNames}` : ""}.`,
    "",
  ];
  /** @type {TocEntry[]} */
  const toc = [];
  const markdownParts = [...intro];
  const htmlParts = [renderMarkdown(intro.join("\n")).html];

  if (ordered.length === 0) {
    const none = changelogs.map(({ name }) => `No release of ${name} yet.`).join(" ") || "No release yet.";
    markdownParts.push(none, "");
    htmlParts.push(`<p class="changelog-empty">${escapeHtml(none)}</p>`);
  }

  for (const version of ordered) {
    const id = `v${version.replace(/[^0-9A-Za-z]+/g, "-")}`;
    const report = reports.get(version);
    const heading = `${version}${report ? ` (${report.date.slice(0, 10)})` : ""}`;
    toc.push({ depth: 2, id, text: heading });
    const body = [`### API changes`, "", ...apiChangesMarkdown(report), "", `### Package changes`, ""];
    for (const { name, versions } of packages) {
      body.push(`#### \`${name}\``, "");
      const text = versions?.get(version);
      body.push(text ? demoteHeadings(text, 2) : `No change to \`${name}\` in this version.`, "");
    }
    const bodyMarkdown = body.join("\n");
    markdownParts.push(`## ${heading}`, "", bodyMarkdown);
    const { html } = renderMarkdown(bodyMarkdown, { idPrefix: `${id}-` });
    htmlParts.push(
      `<section class="release"><h2 id="${id}"><a class="anchor" href="#${id}">${escapeHtml(heading)}</a></h2>\n${html}</section>`,
    );
  }

  return {
    title: "Changelog",
    contentHtml: htmlParts.join("\n"),
    toc,
    markdown: `${markdownParts.join("\n").trimEnd()}\n`,
  };
}

/**
 * @param {ApiChangeReport | undefined} report
 * @returns {string[]}
 */
function apiChangesMarkdown(report) {
  if (!report) return [NO_API_CHANGE];
  if (report.changes.length === 0) return [`No change to the API in this version (${report.bump} release).`];
  const order = { removed: 0, changed: 1, added: 2 };
  const changes = [...report.changes].sort(
    (a, b) => order[a.kind] - order[b.kind] || String(a.operation).localeCompare(String(b.operation)),
  );
  return changes.map((change) => {
    const where = [change.operation ? `\`${change.operation}\`` : "", change.target ? `${change.target}` : ""]
      .filter(Boolean)
      .join(", ");
    const breaking = change.level === "major" ? " **(breaking)**" : "";
    return `- **${capitalize(change.kind)}**${breaking}${where ? ` ${where}:` : ":"} ${change.text.trim()}`;
  });
}

/**
 * Pushes every heading of `markdown` `by` levels down (outside code fences), so a package's
 * `### Minor Changes` sits under the version and package headings of this page.
 *
 * @param {string} markdown
 * @param {number} by
 */
function demoteHeadings(markdown, by) {
  let inFence = false;
  return markdown
    .split("\n")
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
      if (inFence) return line;
      return line.replace(
        /^(#{1,6})(\s)/,
        (_, hashes, space) => `${"#".repeat(Math.min(hashes.length + by, 6))}${space}`,
      );
    })
    .join("\n");
}

/** @param {string} text */
function capitalize(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
