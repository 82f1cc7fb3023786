// @ts-check
// Some documents write a query string into a path key: `/search/articles?query={query}`,
// `/rides?page={page}&per_page={per_page}`, `/services?funcs=GetLatestNews&mobile=1`, declaring the
// templated values as path parameters, as query parameters, or not at all. OpenAPI keys paths by
// path alone, and every tool reads them so: the generators refuse a template no path parameter
// fills, openapi-fetch appends the query after the key's own `?` (a URL with two), Prism routes on
// the path. The scaffold leaves the document as written and writes an overlay that moves each such
// key's query into parameters of its path (a templated value becomes a query parameter of the
// item's name, keeping what the document declared for it; a literal one a required parameter with
// that single value). Keys that cannot move are left as written, each with the reason: a query
// item whose name is a template (`?{search}=1`), and keys that share a path and a method with
// another key, where the query is what tells the operations apart (Flickr's `/rest?method=…`).
import { derefSafely, HTTP_METHODS, isObject } from "@sdkit/openapi";
import YAML from "yaml";
import { jsonPathOf } from "./pattern-fixes.js";

/** Where the scaffold writes the overlay: before the operation names' (00-operation-names.yaml), which name the moved paths. */
export const QUERY_KEYS_OVERLAY = "spec/overlays/00-keys-with-query-strings.yaml";

/**
 * One item of a key's query: `name={variable}` (templated) or `name=value` (literal).
 *
 * @typedef {{ name: string, variable: string, value?: undefined } | { name: string, value: string, variable?: undefined }} QueryItem
 */

/**
 * @typedef {object} QueryKeyFix
 * @property {string} key the path key as written (`/search/articles?query={query}`)
 * @property {string} path the path it moves to (`/search/articles`)
 * @property {QueryItem[]} query its query items, in the key's order
 */

/**
 * @typedef {object} QueryKeyPlan
 * @property {QueryKeyFix[]} fixes the keys to move
 * @property {Array<{ key: string, reason: string }>} kept the keys left as written, each with why
 */

const TEMPLATE = /^\{([^{}]+)\}$/;
/** Styles only a path parameter has: a parameter moved to the query takes the query's default. */
const PATH_STYLES = new Set(["simple", "label", "matrix"]);

/** @param {string} text */
function decoded(text) {
  try {
    return decodeURIComponent(text.replaceAll("+", " "));
  } catch {
    return text;
  }
}

/**
 * A key's query items, or why they cannot become parameters.
 *
 * @param {string} query the key after its `?`
 * @returns {{ items: QueryItem[] } | { reason: string }}
 */
function parseQuery(query) {
  /** @type {QueryItem[]} */
  const items = [];
  for (const part of query.split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    const name = decoded(eq === -1 ? part : part.slice(0, eq));
    if (name.includes("{")) return { reason: `its query item ${JSON.stringify(part)} is named by a template` };
    if (eq === -1) return { reason: `its query item ${JSON.stringify(part)} has no value` };
    const raw = part.slice(eq + 1);
    const variable = TEMPLATE.exec(raw)?.[1];
    if (variable !== undefined) items.push({ name, variable });
    else if (raw.includes("{")) return { reason: `its query item ${JSON.stringify(part)} mixes text and a template` };
    else items.push({ name, value: decoded(raw) });
  }
  if (items.length === 0) return { reason: "its query string is empty" };
  const names = items.map((item) => item.name);
  const repeated = names.find((name, index) => names.indexOf(name) !== index);
  if (repeated !== undefined) return { reason: `its query names ${JSON.stringify(repeated)} twice` };
  return { items };
}

/** @param {Record<string, any>} item */
const methodsOf = (item) => HTTP_METHODS.filter((/** @type {string} */ method) => isObject(item[method]));

/**
 * The path keys holding a query string, split into those to move and those to leave as written.
 *
 * @param {Record<string, any>} spec
 * @returns {QueryKeyPlan}
 */
export function planQueryKeyFixes(spec) {
  const paths = isObject(spec.paths) ? spec.paths : {};
  /** @type {QueryKeyPlan} */
  const plan = { fixes: [], kept: [] };
  // Which keys serve each method of each path, once queries are taken off the keys.
  /** @type {Map<string, string[]>} */
  const servedBy = new Map();
  for (const [key, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    const path = key.includes("?") && !key.includes("#") ? key.slice(0, key.indexOf("?")) : key;
    for (const method of methodsOf(item)) {
      const id = `${method} ${path}`;
      servedBy.set(id, [...(servedBy.get(id) ?? []), key]);
    }
  }
  for (const [key, item] of Object.entries(paths)) {
    if (!key.includes("?") || !isObject(item)) continue;
    // A fragment path (`/#Action=X?y`) is the fragment routes' to read, not a query's.
    if (key.includes("#")) continue;
    const at = key.indexOf("?");
    const path = key.slice(0, at) || "/";
    const parsed = parseQuery(key.slice(at + 1));
    if ("reason" in parsed) {
      plan.kept.push({ key, reason: parsed.reason });
      continue;
    }
    const shared = methodsOf(item).find((method) => (servedBy.get(`${method} ${key.slice(0, at)}`) ?? []).length > 1);
    if (shared !== undefined) {
      plan.kept.push({
        key,
        reason: `another key serves ${shared.toUpperCase()} ${path} too: the query tells the operations apart`,
      });
      continue;
    }
    plan.fixes.push({ key, path, query: parsed.items });
  }
  return plan;
}

/**
 * A parameter as written, or what its `$ref` leads to (a moved parameter is a copy: the component
 * may serve other operations as it is); undefined where the reference leads nowhere.
 *
 * @param {Record<string, any>} spec
 * @param {unknown} parameter
 * @returns {Record<string, any> | undefined}
 */
function resolved(spec, parameter) {
  const node = derefSafely(spec, parameter);
  return isObject(node) ? node : undefined;
}

/**
 * A parameter list with the key's query applied: a parameter a templated item names (declared in
 * the path or the query) becomes that item's query parameter; the rest stay as they are.
 *
 * @param {Record<string, any>} spec
 * @param {unknown} list
 * @param {QueryItem[]} query
 */
function movedParameters(spec, list, query) {
  if (!Array.isArray(list)) return [];
  return list.map((parameter) => {
    const declared = resolved(spec, parameter);
    if (!declared || (declared.in !== "path" && declared.in !== "query")) return parameter;
    const item = query.find((entry) => entry.variable === declared.name);
    if (item === undefined) return parameter;
    const { in: _in, style, explode: _explode, ...rest } = declared;
    return {
      ...rest,
      name: item.name,
      in: "query",
      required: declared.in === "path" ? true : declared.required === true,
      ...(style !== undefined && !PATH_STYLES.has(style) ? { style } : {}),
    };
  });
}

/** @param {Record<string, any>} parameter */
const identity = (parameter) => `${parameter.in} ${parameter.name}`;

/**
 * The path item `fix.key` holds, as it is served under `fix.path`: every operation declares the
 * key's query items as query parameters, the path item's own parameters pushed down into its
 * operations (so that the item can join one already at that path without touching its operations).
 *
 * @param {Record<string, any>} spec
 * @param {QueryKeyFix} fix
 * @returns {Record<string, any>}
 */
export function movedPathItem(spec, fix) {
  /** @type {Record<string, any>} */
  const item = spec.paths[fix.key];
  const joining = isObject(spec.paths[fix.path]);
  const shared = movedParameters(spec, item.parameters, fix.query);
  /** @type {Record<string, any>} */
  const moved = {};
  for (const [field, value] of Object.entries(item)) {
    if (field === "parameters") continue;
    // Joining a path item already there: its own summary, servers and parameters stay its own.
    if (joining && !HTTP_METHODS.includes(field)) continue;
    if (!HTTP_METHODS.includes(field) || !isObject(value)) {
      moved[field] = value;
      continue;
    }
    const own = movedParameters(spec, value.parameters, fix.query);
    const ownIds = new Set(
      own
        .map((parameter) => resolved(spec, parameter))
        .filter(isObject)
        .map(identity),
    );
    /** @type {unknown[]} */
    const parameters = [
      ...shared.filter((parameter) => {
        const declared = resolved(spec, parameter);
        return !declared || !ownIds.has(identity(declared));
      }),
      ...own,
    ];
    const names = new Set(
      parameters
        .map((parameter) => resolved(spec, parameter))
        .filter((declared) => declared?.in === "query")
        .map((declared) => declared?.name),
    );
    for (const entry of fix.query) {
      if (names.has(entry.name)) continue;
      parameters.push(
        entry.value === undefined
          ? {
              name: entry.name,
              in: "query",
              required: true,
              description: `The {${entry.variable}} of the path as the document wrote it.`,
              schema: { type: "string" },
            }
          : {
              name: entry.name,
              in: "query",
              required: true,
              description: `Always ${JSON.stringify(entry.value)}: the path as the document wrote it says so.`,
              schema: { type: "string", enum: [entry.value] },
            },
      );
    }
    moved[field] = { ...value, parameters };
  }
  if (!joining && shared.length > 0 && methodsOf(item).length === 0) moved.parameters = shared;
  return moved;
}

/**
 * The overlay that moves them (Overlay 1.0, YAML with comments), or undefined when there are none:
 * for each key, an update of `$.paths` adding the moved item under its path, then the removal of
 * the key as written.
 *
 * @param {Record<string, any>} spec
 * @param {QueryKeyFix[]} fixes
 * @param {string} title the API's title, for the overlay's info
 */
export function queryKeyOverlay(spec, fixes, title) {
  if (fixes.length === 0) return undefined;
  const document = new YAML.Document({
    overlay: "1.0.0",
    info: { title: `Path keys with a query string, moved to their paths for the ${title} SDK`, version: "1.0.0" },
  });
  const actions = new YAML.YAMLSeq();
  for (const fix of fixes) {
    const update = document.createNode({
      target: jsonPathOf(spec, ["paths"]),
      update: { [fix.path]: movedPathItem(spec, fix) },
    });
    update.commentBefore = ` ${fix.key} -> ${fix.path}, with query parameters ${fix.query.map((item) => item.name).join(", ")}`;
    actions.items.push(update);
    actions.items.push(document.createNode({ target: jsonPathOf(spec, ["paths", fix.key]), remove: true }));
  }
  document.set("actions", actions);
  document.commentBefore = [
    " Written by sdkit-scaffold: these path keys hold a query string, which OpenAPI keys do not (the",
    " generators, the client and the mock read a key as a path). Each moves to its path, its query",
    " items becoming query parameters: a templated value keeps what the document declared for it",
    " (as a path or a query parameter), a literal one becomes a required parameter of that one value.",
    " The document as written (spec/openapi.yaml) is unchanged.",
  ].join("\n");
  return document.toString({ lineWidth: 0 });
}

/**
 * The same move made on a document in memory (what the overlay produces), for tools that generate
 * without applying overlays.
 *
 * @param {Record<string, any>} spec
 * @param {QueryKeyFix[]} fixes
 */
export function moveQueryKeys(spec, fixes) {
  for (const fix of fixes) {
    const moved = movedPathItem(spec, fix);
    spec.paths[fix.path] = isObject(spec.paths[fix.path]) ? { ...spec.paths[fix.path], ...moved } : moved;
    delete spec.paths[fix.key];
  }
}
