// @ts-check
"use strict";
// Preloaded (`node --require`) into Prism. At start-up Prism replaces every `$ref` by its value and
// copies the result once per path that reaches a schema, which takes minutes, or never ends, on a
// document whose schemas reference each other in many ways. This repository patches both steps
// (patches/ at its root) to visit each schema once, with the same output, and the header reader
// that threw on an absent array or object header, ending Prism's process; but pnpm applies patches
// to the workspace's own installs only, so a project that installs this package would run Prism
// unpatched. The build ships the patched files (dist/prism-patches/, by
// scripts/ship-prism-patches.js), and this preload compiles them in place of the installed ones,
// under the installed file's name (so its own relative requires resolve as before), for exactly the
// versions they were made from. Any other version is loaded as installed.

const fs = require("node:fs");
const path = require("node:path");
const Module = require("node:module");

const shippedDir = path.join(__dirname, "..", "dist", "prism-patches");

/** @type {Array<{ name: string, version: string, file: string, shipped: string }>} */
let manifest = [];
try {
  manifest = JSON.parse(fs.readFileSync(path.join(shippedDir, "manifest.json"), "utf8"));
} catch {
  // Not built (a checkout before `build`): Prism runs as installed.
}

const swaps = manifest.map((entry) => ({
  entry,
  suffix: path.sep + path.join("node_modules", ...entry.name.split("/"), ...entry.file.split("/")),
}));

/**
 * The version of the package an installed file belongs to, from its package.json.
 *
 * @param {string} filename
 * @param {string} file the file's path inside the package
 */
function installedVersion(filename, file) {
  const root = filename.slice(0, filename.length - path.join(...file.split("/")).length - 1);
  try {
    return JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).version;
  } catch {
    return undefined;
  }
}

/** @typedef {(this: unknown, module: any, filename: string) => void} Loader */
const extensions = /** @type {{ ".js": Loader }} */ (/** @type {any} */ (Module)._extensions);
const loadJs = extensions[".js"];
/** @type {Loader} */
extensions[".js"] = function loadPatched(module, filename) {
  const swap = swaps.find(({ suffix }) => filename.endsWith(suffix));
  if (swap && installedVersion(filename, swap.entry.file) === swap.entry.version) {
    module._compile(fs.readFileSync(path.join(shippedDir, swap.entry.shipped), "utf8"), filename);
    return;
  }
  loadJs.call(this, module, filename);
};
