// @ts-check

import { deref, flattenSchema } from "./openapi-schema.js";
import { operationsInDocumentOrder } from "./operations.js";

/**
 * @typedef {object} SearchEntry
 * @property {string} title
 * @property {string} page which page it is on: "Guide", "Quick start", "API reference"
 * @property {string} url relative to the site root, e.g. `index.html#rate-limits`
 * @property {string} text the words the search looks in
 */

/**
 * The index of the site search (`search.html`): one entry per section of the guide and the quick
 * start (cut at their headings, so a hit links to its section) and one per operation (summary,
 * method and path, description, every request field and response). Redoc's own search only sees
 * the reference; this one covers the whole site.
 *
 * @param {{ guideHtml: string, quickStartHtml: string, docsSpec: any, operationUrl: (operationId: string) => string }} parts
 * @returns {SearchEntry[]}
 */
export function buildSearchIndex({ guideHtml, quickStartHtml, docsSpec, operationUrl }) {
  return [
    ...sectionsOf(guideHtml, "index.html", "Guide"),
    ...sectionsOf(quickStartHtml, "quick-start.html", "Quick start"),
    ...operationsOf(docsSpec, operationUrl),
  ];
}

/**
 * Cuts a rendered page at its headings (which carry ids, see markdown.js).
 *
 * @param {string} html
 * @param {string} file
 * @param {string} page
 * @returns {SearchEntry[]}
 */
function sectionsOf(html, file, page) {
  /** @type {SearchEntry[]} */
  const entries = [];
  const headings = [...html.matchAll(/<h([1-6]) id="([^"]+)">([\s\S]*?)<\/h\1>/g)];
  // What comes before the first heading with an id (the guide's title and opening paragraph).
  const lead = textOf(html.slice(0, headings[0]?.index ?? html.length));
  if (lead) {
    const title = textOf(/<h1>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? "") || page;
    entries.push({ title, page, url: file, text: lead });
  }
  headings.forEach((match, index) => {
    const end = headings[index + 1]?.index ?? html.length;
    const body = html.slice((match.index ?? 0) + match[0].length, end);
    entries.push({ title: textOf(match[3] ?? ""), page, url: `${file}#${match[2]}`, text: textOf(body) });
  });
  return entries;
}

/**
 * @param {any} spec
 * @param {(operationId: string) => string} operationUrl
 * @returns {SearchEntry[]}
 */
function operationsOf(spec, operationUrl) {
  return operationsInDocumentOrder(spec).map(({ operationId, method, path }) => {
    const operation = spec.paths[path][method];
    const words = [`${method.toUpperCase()} ${path}`, operationId, operation.description ?? ""];
    const body = deref(spec, operation.requestBody);
    for (const media of Object.values(body?.content ?? {})) {
      for (const field of flattenSchema(spec, /** @type {any} */ (media)?.schema)) {
        words.push(`${field.name}: ${field.description}`);
      }
    }
    for (const [status, response] of Object.entries(operation.responses ?? {})) {
      words.push(`${status} ${deref(spec, response)?.description ?? ""}`);
    }
    return {
      title: operation.summary ?? operationId,
      page: "API reference",
      url: operationUrl(operationId),
      text: words.join(" \n").replace(/\s+/g, " ").trim(),
    };
  });
}

/** @param {string} html */
function textOf(html) {
  return html
    .replace(/<[^>]*>/g, " ")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&amp;", "&")
    .replace(/\s+/g, " ")
    .trim();
}
