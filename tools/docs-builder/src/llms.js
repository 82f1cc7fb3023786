// @ts-check
import { operationsInDocumentOrder } from "./operations.js";

/**
 * @typedef {object} MarkdownPage
 * @property {string} path the Markdown twin, e.g. `quick-start.md`
 * @property {string} title
 * @property {string} summary one line for llms.txt
 * @property {string} markdown
 */

/**
 * `llms.txt` (https://llmstxt.org): the site's title, a one-paragraph summary and links to the
 * Markdown twin of every page, so a coding assistant can read the API without the 2.5 MB HTML
 * reference. Links are relative, so they resolve wherever the site is hosted.
 *
 * @param {any} spec
 * @param {MarkdownPage[]} pages
 * @param {{ clientPackage?: string | undefined }} [client] the TypeScript client package, when there is one
 */
export function llmsTxt(spec, pages, { clientPackage } = {}) {
  const info = spec.info ?? {};
  const server = spec.servers?.[0]?.url;
  const operations = operationsInDocumentOrder(spec).map(
    ({ method, path, operationId }) => `\`${method.toUpperCase()} ${path}\` (${operationId})`,
  );
  const summary = [
    `${info.title ?? "The API"} ${info.version ? `(version ${info.version}) ` : ""}is a REST API`,
    typeof server === "string" ? ` at ${server}` : "",
    `. Operations: ${operations.join(", ")}.`,
    ` Requests authenticate with \`Authorization: Bearer <api key>\`; keep the key on a server.`,
    clientPackage ? ` The TypeScript client is \`${clientPackage}\`.` : "",
  ].join("");
  return [
    `# ${info.title ?? "API"} docs`,
    "",
    `> ${summary}`,
    "",
    "## Docs",
    "",
    ...pages.map((page) => `- [${page.title}](${page.path}): ${page.summary}`),
    "",
    "## Optional",
    "",
    "- [Everything in one file](llms-full.txt): the guide, the quick start and every operation, as Markdown",
    "- [OpenAPI document](openapi.json): the spec the site is built from, with the code samples as `x-codeSamples`",
    "",
  ].join("\n");
}

/**
 * `llms-full.txt`: the guide, the quick start and the reference (every operation with its
 * parameters, body fields, responses and samples) in one Markdown file.
 *
 * @param {any} spec
 * @param {{ guide: string, quickStart: string, reference: string }} parts Markdown of each page
 */
export function llmsFullTxt(spec, { guide, quickStart, reference }) {
  return [
    `# ${spec.info?.title ?? "API"}: everything in one file`,
    "",
    "This file holds the guide, the quick start and the API reference of the docs site, as Markdown. " +
      "Each part starts at a top-level heading.",
    "",
    guide.trim(),
    "",
    quickStart.trim(),
    "",
    reference.trim(),
    "",
  ].join("\n");
}
