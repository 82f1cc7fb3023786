// @ts-check
import { DocsBuildError } from "./errors.js";

/**
 * Patterns of HTML and CSS that make a browser load something as soon as the page opens. A match
 * with an absolute or protocol-relative URL means the page reaches another host.
 */
const EXTERNAL_RESOURCE_PATTERNS = [
  {
    what: "a script, image or frame",
    pattern: /<(?:script|img|iframe|source|video|audio|embed)\b[^>]*?\bsrc\s*=\s*["']?(?:https?:)?\/\/[^"'\s>]+/gi,
  },
  {
    what: "a stylesheet, font, preload or icon",
    pattern: /<link\b[^>]*?\bhref\s*=\s*["']?(?:https?:)?\/\/[^"'\s>]+/gi,
  },
  { what: "a CSS url()", pattern: /url\(\s*["']?(?:https?:)?\/\/[^"')\s]+/gi },
  { what: "a CSS @import", pattern: /@import\s+(?:url\()?\s*["']?(?:https?:)?\/\/[^"')\s;]+/gi },
];

/**
 * Fails when `html` makes the browser load anything from another host (Redoc's CDN bundle, web
 * fonts, images). A static check: it catches a build that forgot `--inlineBundle` or a template
 * that links Google Fonts; requests made by scripts at run time are caught by the browser test.
 *
 * @param {string} html
 * @param {string} file named in the error
 */
export function assertNoExternalResources(html, file) {
  const found = [];
  for (const { what, pattern } of EXTERNAL_RESOURCE_PATTERNS) {
    for (const match of html.matchAll(pattern)) found.push(`${what}: ${match[0].slice(0, 160)}`);
  }
  if (found.length > 0) {
    throw new DocsBuildError(`${file} would load resources from other hosts:\n- ${found.join("\n- ")}`);
  }
}
