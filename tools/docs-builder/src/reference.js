// @ts-check
import { readFile, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { runRedocly } from "@sdkit/bundle";
import YAML from "yaml";
import { DocsBuildError } from "./errors.js";

/**
 * Redoc's sidebar shows a "API docs by Redocly" logo that it loads from Redocly's CDN whatever the
 * options say. We point it at a local stand-in so the page stays offline (and free of failed
 * requests when there is no network).
 */
export const REDOC_LOGO_URLS = [
  "https://cdn.redoc.ly/redoc/logo-mini-full.svg",
  "https://cdn.redoc.ly/redoc/logo-mini.svg",
];
export const LOCAL_REDOC_LOGO = "assets/redoc-attribution.svg";

/**
 * Documents above this size render in the browser: Redoc's server-side rendering of a large
 * document (Stripe's, 2.5 MB) needs more than the 2 GB any build process may use.
 */
export const SERVER_RENDER_MAX_BYTES = 2 * 1024 * 1024;
/** The heap server-side rendering gets; running out of it means rendering in the browser instead. */
export const SERVER_RENDER_HEAP_MB = 1536;

/**
 * Runs `redocly build-docs` on the docs bundle with Redoc's JavaScript inlined and telemetry off
 * (both in the config file and the environment), and returns the HTML. A document too large to
 * render on the server within SERVER_RENDER_HEAP_MB (known by its size, or by running out) gets
 * the same page rendered by Redoc in the browser, with a warning saying so.
 *
 * @param {{ bundlePath: string, outputPath: string, templatePath: string, configPath: string, title: string, serverRenderMaxBytes?: number }} options
 * @returns {Promise<string>}
 */
export async function buildReferenceHtml(options) {
  const { bundlePath, outputPath, templatePath, configPath, title } = options;
  const bytes = (await stat(bundlePath)).size;
  const maxBytes = options.serverRenderMaxBytes ?? SERVER_RENDER_MAX_BYTES;
  if (bytes > maxBytes) {
    console.warn(
      `docs: the document is ${(bytes / 1024 / 1024).toFixed(1)} MB: the reference renders in the browser (server-side rendering is for documents up to ${(maxBytes / 1024 / 1024).toFixed(1)} MB)`,
    );
    return browserRenderedHtml(options);
  }
  const args = [
    "build-docs",
    bundlePath,
    "--inlineBundle",
    "--output",
    outputPath,
    "--template",
    templatePath,
    "--config",
    configPath,
    "--title",
    title,
    "--lint-config",
    "error",
  ];
  const { code, output } = await runRedocly(args, { heapMb: SERVER_RENDER_HEAP_MB });
  if (code !== 0 && /heap out of memory|Allocation failed/i.test(output)) {
    console.warn(
      `docs: rendering the reference on the server needed more than ${SERVER_RENDER_HEAP_MB} MB: it renders in the browser instead`,
    );
    return browserRenderedHtml(options);
  }
  if (code !== 0) {
    throw new DocsBuildError(`redocly build-docs failed for ${bundlePath} (exit ${code}):\n${output.trim()}`);
  }
  return readFile(outputPath, "utf8");
}

/** Redoc's standalone bundle as @redocly/cli ships it (the one `--inlineBundle` inlines). */
function redocStandalonePath() {
  const cli = createRequire(import.meta.url).resolve("@redocly/cli/package.json");
  return join(dirname(cli), "lib", "chunks", "redoc.standalone.js");
}

/** JSON safe inside a `<script>`: no `</script>`, no line separators JavaScript rejects. @param {unknown} value */
function scriptJson(value) {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028|\u2029/g, (char) => (char === "\u2028" ? "\\u2028" : "\\u2029"));
}

/**
 * The reference page without server-side rendering: the template filled like `build-docs` fills
 * it, with Redoc's standalone bundle inlined (nothing from another host) and `init` rendering the
 * document into `#redoc` in the browser. Redoc's options come from the same config file.
 *
 * @param {{ bundlePath: string, templatePath: string, configPath: string, title: string }} options
 */
async function browserRenderedHtml({ bundlePath, templatePath, configPath, title }) {
  const [definition, template, config, standalone] = await Promise.all([
    readFile(bundlePath, "utf8").then((text) => JSON.parse(text)),
    readFile(templatePath, "utf8"),
    readFile(configPath, "utf8").then((text) => YAML.parse(text) ?? {}),
    readFile(redocStandalonePath(), "utf8"),
  ]);
  const redocOptions = { ...(config.openapi ?? {}), disableTelemetry: true };
  const redocHTML = [
    '<div id="redoc"></div>',
    '<script type="module">',
    standalone.replace(/<\/(script)/gi, "<\\/$1"),
    `const __redoc_definition = ${scriptJson(definition)};`,
    `const __redoc_options = ${scriptJson(redocOptions)};`,
    'init(__redoc_definition, __redoc_options, document.getElementById("redoc"));',
    "</script>",
  ].join("\n");
  const escapedTitle = title.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
  return template
    .replace("{{{redocHead}}}", () => "")
    .replace("{{{redocHTML}}}", () => redocHTML)
    .replaceAll("{{title}}", () => escapedTitle);
}

/**
 * Makes Redoc's output fit the site: our header goes where the template marks it, and Redoc's CDN
 * logo becomes a local file. Fails if the template lost its marker, so a header never silently
 * disappears.
 *
 * `openAt` is the route a bare `reference.html` opens at (the first tag, whose page lists its
 * operations). Redoc would otherwise open at the API's overview with every tag folded, and its
 * links only become copyable hash links (`#/pets/addpet`) once a route is in the hash.
 * The script runs before Redoc's module script, and `location.replace` keeps the history clean.
 *
 * @param {string} html
 * @param {{ siteHeader: string, file: string, openAt?: string }} options
 */
export function finishReferenceHtml(html, { siteHeader, file, openAt }) {
  const marker = "<!--@site-header-->";
  if (!html.includes(marker)) throw new DocsBuildError(`${file}: the template has no ${marker} marker`);
  const openMarker = "<!--@open-at-operations-->";
  if (!html.includes(openMarker)) throw new DocsBuildError(`${file}: the template has no ${openMarker} marker`);
  const openScript = openAt
    ? `<script>if(location.hash.length<2)location.replace(${JSON.stringify(`#${openAt}`).replaceAll("<", "\\u003c")});</script>`
    : "";
  let result = html.replace(marker, () => siteHeader).replace(openMarker, () => openScript);
  for (const url of REDOC_LOGO_URLS) result = result.replaceAll(url, LOCAL_REDOC_LOGO);
  return result;
}
