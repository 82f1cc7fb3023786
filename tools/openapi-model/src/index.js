// @ts-check
// @sdkit/openapi: the OpenAPI model every sdkit tool reads documents through. Reading JSON or YAML
// with size and alias guards, local `$ref` resolution (RFC 6901, fragment percent-encoding
// included), operation listing, the JSON media type rule, the list of HTTP methods and path keys
// holding a URI fragment, which security requirements apply to an operation, and which schema
// patterns no JavaScript validator can check in bounded time.

export { backtrackingPatterns, backtracksExponentially } from "./backtracking-patterns.js";
export {
  assertLocalRefs,
  checkDocument,
  deref,
  derefAt,
  derefOrRef,
  derefSafely,
  escapePointer,
  isObject,
  listRefs,
  pointer,
  readSpec,
  refPath,
  refTarget,
  unescapePointer,
} from "./document.js";
export { isJsonMedia, jsonMediaOf, wellFormedMediaType } from "./media.js";
export { HTTP_METHODS, listOperations } from "./operations.js";
export { pathBeforeFragment, splitPathFragment } from "./path-fragment.js";
export { acceptsAnonymous, securityRequirementsOf } from "./security.js";
export { DEFAULT_MAX_BYTES, formatMegabytes, parseSpecText, readSpecFile } from "./spec-reader.js";

/** @typedef {import("./document.js").OpenApiDocument} OpenApiDocument */
/** @typedef {import("./operations.js").ListedOperation} ListedOperation */
/** @typedef {import("./security.js").SecurityRequirement} SecurityRequirement */
