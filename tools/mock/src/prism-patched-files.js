// @ts-check
// The files of Prism's dependencies this workspace patches (patches/ at the repository's root) and
// a line of each patch's own code that tells the patched file from the published one.

/** @type {ReadonlyArray<{ name: string, file: string, marker: string }>} */
export const PATCHED_FILES = [
  { name: "@stoplight/json-schema-ref-parser", file: "lib/dereference.js", marker: "function createMemo" },
  { name: "@stoplight/json", file: "index.cjs.js", marker: "copies=replacer?void 0:new WeakMap" },
];
