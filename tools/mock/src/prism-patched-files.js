// @ts-check
// The files of Prism's dependencies this workspace patches (patches/ at the repository's root) and
// a line of each patch's own code that tells the patched file from the published one.

/** @type {ReadonlyArray<{ name: string, file: string, marker: string }>} */
export const PATCHED_FILES = [
  { name: "@stoplight/json-schema-ref-parser", file: "lib/dereference.js", marker: "function createMemo" },
  { name: "@stoplight/json", file: "index.cjs.js", marker: "copies=replacer?void 0:new WeakMap" },
  // An absent array or object header (or one Prism's mocker left null) threw in the simple-style
  // reader and ended the process: every later request of a contract run met a closed port.
  {
    name: "@stoplight/prism-http",
    file: "dist/validator/deserializers/style/simple.js",
    marker: "if (typeof value !== 'string')",
  },
];
