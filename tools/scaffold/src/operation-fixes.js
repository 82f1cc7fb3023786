// @ts-check
// What a document needs before the generators accept it: an operationId and a tag on every
// operation. The scaffold never edits the user's document; it writes these as an overlay.
import { planSdk, sdkName, words } from "@sdkit/codegen";
import { HTTP_METHODS, listOperations, pathBeforeFragment, splitPathFragment } from "@sdkit/openapi";
import YAML from "yaml";

/**
 * Words of a path segment or parameter name: `pet-types` → ["pet", "types"], `petId` → ["pet", "Id"].
 *
 * @param {string} text
 */
function wordsOf(text) {
  return text
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

/** @param {string} word */
const capital = (word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();

/**
 * The derived operationId of an operation that has none: the HTTP method, then each path segment
 * in PascalCase, a `{parameter}` segment as `By<Parameter>`.
 * `GET /pets/{petId}` → `getPetsByPetId`, `POST /user/createWithList` → `postUserCreateWithList`,
 * `GET /` → `get`. A fragment in the path key adds its words last, as they tell operations on
 * one path apart: `POST /#X-Amz-Target=Svc.Op` → `postXAmzTargetSvcOp`, `GET /x/{id}#type` →
 * `getXByIdType`. Stable as long as the method and path are: rename it in the overlay when the
 * SDK should say something better.
 *
 * @param {string} method
 * @param {string} key the path key
 */
export function derivedOperationId(method, key) {
  const { path, fragment } = splitPathFragment(key);
  const parts = path
    .split("/")
    .filter(Boolean)
    .map((segment) => {
      const parameter = /^\{(.+)\}$/.exec(segment);
      if (parameter)
        return `By${wordsOf(/** @type {string} */ (parameter[1]))
          .map(capital)
          .join("")}`;
      return wordsOf(segment).map(capital).join("");
    });
  if (fragment !== undefined) parts.push(wordsOf(fragment).map(capital).join(""));
  return `${method.toLowerCase()}${parts.join("")}`;
}

/**
 * The derived tag of an operation that has none: its first path segment that is neither a
 * parameter nor a version (`v1`, `2.0`), as written: `/v1/pets/{id}` → `pets`; `default` when the
 * path has no such segment. A fragment in the path key is not part of the path: AWS's
 * `/#X-Amz-Target=Service.Action` would otherwise make each of its operations a resource of its own,
 * named after the fragment. (The derived operationId keeps the fragment's words: they are what
 * tells operations on one path apart.)
 *
 * @param {string} path
 */
export function derivedTag(path) {
  const segment = pathBeforeFragment(path)
    .split("/")
    .find((part) => part !== "" && !/^\{.*\}$/.test(part) && !/^v?\d+(\.\d+)*$/i.test(part));
  return segment ?? "default";
}

/**
 * @typedef {{ method: string, path: string, pointer: string, operationId?: string, tags?: string[], sdkMethod?: string }} FixedOperation
 * @typedef {{ operations: FixedOperation[], renamed: number, tagged: number, methods: number }} Fixes
 */

/**
 * Lists the fixes a document needs: a derived operationId for each operation without one (made
 * unique against every other id with a number suffix), and a derived tag for each operation
 * without tags.
 *
 * @param {Record<string, any>} spec
 * @returns {Fixes}
 */
export function planFixes(spec) {
  /** @type {Array<{ method: string, path: string, operation: Record<string, any> }>} */
  const all = [];
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    if (!item || typeof item !== "object") continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (operation && typeof operation === "object") all.push({ method, path, operation });
    }
  }
  // Compared without case: operationIds name files (the docs samples), and two that differ only in
  // case (`Create a new rule`, `Create a New Rule`) are one file on macOS and Windows, which
  // TypeScript refuses to compile together even where the file system keeps both.
  const fold = (/** @type {string} */ id) => id.toLowerCase();
  const taken = new Set(
    all
      .map(({ operation }) => operation.operationId)
      .filter((id) => typeof id === "string")
      .map(fold),
  );
  /** @type {Set<string>} */
  const kept = new Set();
  /** @type {FixedOperation[]} */
  const operations = [];
  let renamed = 0;
  let tagged = 0;
  for (const { method, path, operation } of all) {
    /** @type {FixedOperation} */
    const fix = { method, path, pointer: `#/paths/${path.replaceAll("~", "~0").replaceAll("/", "~1")}/${method}` };
    const written = typeof operation.operationId === "string" ? operation.operationId : "";
    // The first of ids equal but for case keeps its own; each later one takes a number, as a derived one does.
    const clashes = written !== "" && kept.has(fold(written));
    if (written !== "" && !clashes) kept.add(fold(written));
    if (written === "" || clashes) {
      const base = written === "" ? derivedOperationId(method, path) : written;
      let id = base;
      for (let n = 2; taken.has(fold(id)); n++) id = `${base}${n}`;
      taken.add(fold(id));
      fix.operationId = id;
      renamed++;
    }
    if (!Array.isArray(operation.tags) || operation.tags.length === 0) {
      fix.tags = [derivedTag(path)];
      tagged++;
    }
    if (fix.operationId || fix.tags) operations.push(fix);
  }
  const methods = fixMethodNames(spec, operations);
  return { operations, renamed, tagged, methods };
}

/** @param {string[]} parts */
const camel = (parts) =>
  parts.map((word, i) => (i === 0 ? word : word.charAt(0).toUpperCase() + word.slice(1))).join("");

/**
 * With the operationIds and tags fixed, the SDK names the codegen rule gives must be usable: a
 * name it cannot make, or two operations on one name, get \`x-sdk-method\`: the whole operationId in
 * camelCase (\`listPets\`). A reserved word is fine (\`pet.delete\`: it only ever follows a dot).
 * Adds those to \`operations\` and returns how many.
 *
 * @param {Record<string, any>} spec
 * @param {FixedOperation[]} operations
 */
function fixMethodNames(spec, operations) {
  const fixed = structuredClone(spec);
  for (const fix of operations) {
    if (fix.operationId) fixed.paths[fix.path][fix.method].operationId = fix.operationId;
    if (fix.tags) fixed.paths[fix.path][fix.method].tags = fix.tags;
  }
  /** @param {{ method: string, path: string, pointer: string }} op */
  const entry = (op) => {
    let fix = operations.find((known) => known.path === op.path && known.method === op.method);
    if (!fix) {
      fix = { method: op.method, path: op.path, pointer: `#${op.pointer}` };
      operations.push(fix);
    }
    return fix;
  };
  let count = 0;
  const listed = listOperations(fixed);
  /** @type {Map<string, typeof listed>} */
  const byName = new Map();
  for (const op of listed) {
    let key;
    try {
      const name = sdkName(op);
      key = `${name.resource}.${name.method}`;
    } catch {
      key = undefined;
    }
    if (key === undefined) {
      entry(op).sdkMethod = camel(words(op.operationId));
      count++;
      continue;
    }
    byName.set(key, [...(byName.get(key) ?? []), op]);
  }
  for (const ops of byName.values()) {
    if (ops.length < 2) continue;
    try {
      planSdk(ops);
    } catch {
      for (const op of ops) {
        entry(op).sdkMethod = camel(words(op.operationId));
        count++;
      }
    }
  }
  operations.sort(
    (a, b) =>
      listed.findIndex((op) => op.path === a.path && op.method === a.method) -
      listed.findIndex((op) => op.path === b.path && op.method === b.method),
  );
  return count;
}

/**
 * A JSONPath for the operation, as Overlay 1.0 targets it: `$.paths['/pets/{id}'].get`.
 *
 * @param {string} path
 * @param {string} method
 */
export function operationTarget(path, method) {
  return `$.paths['${path.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'].${method}`;
}

/**
 * The overlay that applies `fixes` (an Overlay 1.0 document, as YAML with comments), or undefined
 * when the document needs none (an overlay must have at least one action).
 *
 * @param {Fixes} fixes
 * @param {string} title the API's title, for the overlay's info
 */
export function overlaySkeleton(fixes, title) {
  if (fixes.operations.length === 0) return undefined;
  const document = new YAML.Document({
    overlay: "1.0.0",
    info: { title: `Operation names and tags for the ${title} SDK`, version: "1.0.0" },
    actions: fixes.operations.map((fix) => ({
      target: operationTarget(fix.path, fix.method),
      update: {
        ...(fix.operationId ? { operationId: fix.operationId } : {}),
        ...(fix.tags ? { tags: fix.tags } : {}),
        ...(fix.sdkMethod ? { "x-sdk-method": fix.sdkMethod } : {}),
      },
    })),
  });
  document.commentBefore = [
    " Written by sdkit-scaffold: the document gave these operations no operationId or no tag, which",
    " the generators need (the operationId names the SDK method's types and docs samples; the first",
    " tag is the SDK resource), or an operationId another one has but for letter case (one sample",
    " file on macOS and Windows: it gets a number). The names are derived: operationId = method + path segments in",
    " PascalCase, a {parameter} as By<Parameter> (GET /pets/{petId} -> getPetsByPetId); tag = the",
    " first path segment that is not a parameter or a version. Where the SDK method name the rule",
    " gives is unusable or shared by two operations, x-sdk-method is the whole operationId.",
    " Rename them here freely; x-sdk-resource / x-sdk-method choose SDK names without changing ids.",
  ].join("\n");
  return document.toString({ lineWidth: 0 });
}
