// @ts-check
import { createHash } from "node:crypto";
import { DocsBuildError } from "./errors.js";
import { escapeHtml } from "./markdown.js";

/**
 * Redoc's links are paths such as `/pets/addpet`; a click is handled by its hash
 * router (`reference.html#/pets/addpet`), but a copied link asks the server for
 * `/pets/addpet`, which a static host does not have. For each route the build writes
 * `<route>/index.html`, a page that sends the browser on to the reference with the route in the
 * hash. Every static host serves a folder's index.html (most after redirecting to the trailing
 * slash), so no server-side rewrite is needed.
 *
 * The script works out the site's root from its own address (with or without the trailing
 * slash, at the root of a host or under a sub-path) and keeps a fragment the link may carry
 * (Redoc's links to a part of an operation). Without JavaScript, the refresh goes to the
 * reference at the root of the host, where Redoc's own links assume the site is.
 *
 * @param {ReadonlyArray<import("./reference-spec.js").ReferenceRoute>} routes
 * @param {{ siteName: string }} options
 * @returns {Array<{ path: string, data: string }>} paths relative to the site root
 */
export function routeStubFiles(routes, { siteName }) {
  return routes.map(({ route, title }) => {
    const segments = route.split("/").filter(Boolean);
    if (segments.length === 0 || segments.some((segment) => segment === "." || segment === "..")) {
      throw new DocsBuildError(`Cannot write a page for the reference route "${route}"`);
    }
    return {
      path: `${segments.join("/")}/index.html`,
      data: stubHtml({ route, title, depth: segments.length, siteName }),
    };
  });
}

/**
 * @param {{ route: string, title: string, depth: number, siteName: string }} options
 */
function stubHtml({ route, title, depth, siteName }) {
  const target = `reference.html#${route}`;
  // From `/a/b/` the root is two levels up, from `/a/b` (no trailing slash) one.
  const script =
    `var p=location.pathname.replace(/index\\.html$/,"");` +
    `var up=p.charAt(p.length-1)==="/"?${depth}:${depth - 1};` +
    `location.replace(new URL("../".repeat(up)+${JSON.stringify(target)},location.href).href.split("#")[0]+` +
    `${JSON.stringify(`#${route}`)}+location.hash);`;
  const hash = createHash("sha256").update(script).digest("base64");
  const pageTitle = escapeHtml(`${title} - ${siteName}`);
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8" />',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; img-src 'self' data:; script-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'" />`,
    '<meta name="robots" content="noindex" />',
    `<title>${pageTitle}</title>`,
    '<link rel="icon" href="data:," />',
    `<link rel="canonical" href="/${escapeHtml(target)}" />`,
    `<script>${script}</script>`,
    `<noscript><meta http-equiv="refresh" content="0; url=/${escapeHtml(target)}" /></noscript>`,
    "</head>",
    "<body>",
    `<p>${escapeHtml(title)} is in the <a href="/${escapeHtml(target)}">API reference</a>.</p>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
