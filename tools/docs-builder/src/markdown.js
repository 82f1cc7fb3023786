// @ts-check
import { Marked } from "marked";

/** @typedef {{ depth: number, id: string, text: string }} TocEntry */

/**
 * Renders trusted Markdown (the spec's description, our own pages, our changelogs) to HTML, giving
 * every heading a stable id so pages can link to sections (`index.html#rate-limits`) and returning
 * the headings for a table of contents.
 *
 * @param {string} markdown
 * @param {{ idPrefix?: string, headingOffset?: number }} [options] `idPrefix` keeps heading ids unique
 *   when several documents share a page (the changelogs); `headingOffset` demotes their headings
 *   under the page's own title
 * @returns {{ html: string, toc: TocEntry[] }}
 */
export function renderMarkdown(markdown, { idPrefix = "", headingOffset = 0 } = {}) {
  /** @type {TocEntry[]} */
  const toc = [];
  const used = new Set();
  const marked = new Marked({
    gfm: true,
    renderer: {
      heading({ tokens, depth: sourceDepth, text }) {
        const depth = Math.min(sourceDepth + headingOffset, 6);
        const inner = this.parser.parseInline(tokens);
        const id = uniqueId(idPrefix + slugify(text), used);
        toc.push({ depth, id, text: stripTags(inner) });
        return `<h${depth} id="${id}"><a class="anchor" href="#${id}">${inner}</a></h${depth}>\n`;
      },
    },
  });
  const html = marked.parse(markdown, { async: false });
  return { html, toc };
}

/**
 * GitHub-style slug: lower case, punctuation dropped, spaces to hyphens.
 *
 * @param {string} text
 */
export function slugify(text) {
  return text
    .toLowerCase()
    .replace(/<[^>]*>/g, "")
    .replace(/[^\p{Letter}\p{Number}\s-]/gu, "")
    .trim()
    .replace(/\s+/g, "-");
}

/**
 * @param {string} id
 * @param {Set<string>} used
 */
function uniqueId(id, used) {
  let candidate = id || "section";
  for (let n = 1; used.has(candidate); n++) candidate = `${id}-${n}`;
  used.add(candidate);
  return candidate;
}

/** @param {string} html */
function stripTags(html) {
  return html.replace(/<[^>]*>/g, "");
}

/**
 * Escapes text for HTML element content and attribute values.
 *
 * @param {string} text
 */
export function escapeHtml(text) {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}
