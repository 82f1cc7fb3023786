// @ts-check
import { readFile } from "node:fs/promises";
import { runRedocly } from "@sdkit/bundle";
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
 * Runs `redocly build-docs` on the docs bundle with Redoc's JavaScript inlined and telemetry off
 * (both in the config file and the environment), and returns the HTML.
 *
 * @param {{ bundlePath: string, outputPath: string, templatePath: string, configPath: string, title: string }} options
 * @returns {Promise<string>}
 */
export async function buildReferenceHtml({ bundlePath, outputPath, templatePath, configPath, title }) {
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
  const { code, output } = await runRedocly(args);
  if (code !== 0) {
    throw new DocsBuildError(`redocly build-docs failed for ${bundlePath} (exit ${code}):\n${output.trim()}`);
  }
  return readFile(outputPath, "utf8");
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
