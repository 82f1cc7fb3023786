// @ts-check
import { SpecError } from "@sdkit/cli-kit";
import { HTTP_METHODS } from "@sdkit/openapi";

/** @typedef {import("@sdkit/openapi").ListedOperation} ListedOperation */

const RESERVED_WORDS = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "yield let static implements interface package private protected public await"
  ).split(" "),
);

/**
 * Splits a name into lower-case words at case changes and at anything not a letter or digit:
 * `upsertPet`, `upsert_pet`, `Upsert Pet` and `pets/upsert` all give
 * `["upsert", "pet"]` (with `pets` for the last one).
 *
 * @param {string} name
 */
export function words(name) {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

/** @param {string[]} list */
export function camelCase(list) {
  return list.map((word, index) => (index === 0 ? word : word[0]?.toUpperCase() + word.slice(1))).join("");
}

/** @param {string[]} list */
export function pascalCase(list) {
  return list.map((word) => word[0]?.toUpperCase() + word.slice(1)).join("");
}

/** @param {string} name */
export function isIdentifier(name) {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) && !RESERVED_WORDS.has(name);
}

/**
 * A name that can follow a dot: identifier syntax, reserved words included (`pets.delete(...)` is
 * valid JavaScript and TypeScript; method names never become variables in generated code).
 *
 * @param {string} name
 */
export function isPropertyName(name) {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name);
}

/** @param {string} word a crude singular, enough to match `pets` with `pet`. */
export function singular(word) {
  if (word.endsWith("ies") && word.length > 3) return `${word.slice(0, -3)}y`;
  if (word.endsWith("sses")) return word.slice(0, -2);
  if (word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

/**
 * The file name (without extension) of an operation's docs samples: the operationId with every
 * character other than ASCII letters, digits, `_` and `-` percent-encoded (UTF-8), so ids with `/`,
 * spaces or dots give safe, distinct names: `pets/get v2` → `pets%2Fget%20v2`.
 *
 * @param {string} operationId
 */
export function sampleFileName(operationId) {
  return [...new TextEncoder().encode(operationId)]
    .map((byte) => {
      const char = String.fromCharCode(byte);
      return /[A-Za-z0-9_-]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
    })
    .join("");
}

/**
 * The prefix of an operation's type aliases: the operationId in PascalCase
 * (`upsertPet` → `UpsertPet`, `pets.get` → `PetsGet`).
 *
 * @param {ListedOperation} op
 * @param {string} [file]
 */
export function typePrefix(op, file) {
  const name = pascalCase(words(op.operationId));
  if (!isIdentifier(name)) {
    throw new SpecError(`operationId "${op.operationId}" gives no usable type name ("${name}")`, {
      file,
      pointer: op.pointer,
    });
  }
  return name;
}

/**
 * The SDK name of an operation: `resource.method`.
 *
 * - resource: `x-sdk-resource`, else the first tag in camelCase (`Pet notes` → `petNotes`);
 *   an operation with neither is an error.
 * - method: `x-sdk-method`, else the operationId's words minus those naming the resource (singular
 *   or plural), in camelCase: `upsertPet` → `upsert`, `listPets` → `list`,
 *   `getPetNotes` (tag `pets`) → `getNotes`; when nothing is left, the whole operationId.
 *
 * @param {ListedOperation} op
 * @param {string} [file]
 * @returns {{ resource: string, method: string }}
 */
export function sdkName(op, file) {
  const where = { file, pointer: op.pointer };
  const explicitResource = op.operation["x-sdk-resource"];
  const explicitMethod = op.operation["x-sdk-method"];
  let resource;
  if (explicitResource !== undefined) {
    if (typeof explicitResource !== "string" || !isIdentifier(explicitResource)) {
      throw new SpecError(
        `x-sdk-resource must be a JavaScript identifier, found ${JSON.stringify(explicitResource)}`,
        where,
      );
    }
    resource = explicitResource;
  } else {
    const tag = op.tags[0];
    if (tag === undefined) {
      throw new SpecError(
        `${op.method.toUpperCase()} ${op.path} (${op.operationId}) has no tag and no x-sdk-resource: add a tag (one SDK resource per tag) or x-sdk-resource`,
        where,
      );
    }
    resource = camelCase(words(tag));
    if (!isIdentifier(resource)) {
      throw new SpecError(`tag "${tag}" gives no usable SDK resource name; set x-sdk-resource`, where);
    }
  }
  let method;
  if (explicitMethod !== undefined) {
    if (typeof explicitMethod !== "string" || !isPropertyName(explicitMethod)) {
      throw new SpecError(
        `x-sdk-method must be a JavaScript identifier, found ${JSON.stringify(explicitMethod)}`,
        where,
      );
    }
    method = explicitMethod;
  } else {
    const resourceWords = new Set(words(resource).flatMap((word) => [word, singular(word)]));
    const all = words(op.operationId);
    const rest = all.filter((word) => !resourceWords.has(word) && !resourceWords.has(singular(word)));
    method = camelCase(rest.length > 0 ? rest : all);
    if (!isPropertyName(method)) {
      throw new SpecError(
        `operationId "${op.operationId}" gives no usable SDK method name ("${method}"); set x-sdk-method`,
        where,
      );
    }
  }
  return { resource, method };
}

/**
 * @typedef {object} SdkMethod
 * @property {string} resource
 * @property {string} name
 * @property {ListedOperation[]} variants one operation, or several merged ones (default first)
 */

/**
 * Groups operations into SDK resources and methods. Two operations with the same SDK name are an
 * error naming both, unless they may share one method: same path, same parameters, request body,
 * responses and `x-sdk-unwrap`, so that only the HTTP verb differs (a `POST` and a `PUT` that both upsert).
 * A shared method takes a `method` option; its default is the first verb of DEFAULT_VERB_ORDER it
 * has, so such an `upsert(body)` sends `POST` and `upsert(body, { method: "PUT" })` sends `PUT`.
 *
 * @param {ListedOperation[]} operations
 * @param {string} [file]
 * @returns {Map<string, SdkMethod[]>} resource → methods, both in first-appearance order
 */
export function planSdk(operations, file) {
  /** @type {Map<string, SdkMethod[]>} */
  const resources = new Map();
  /** @type {Map<string, SdkMethod>} */
  const byName = new Map();
  for (const op of operations) {
    const { resource, method } = sdkName(op, file);
    const key = `${resource}.${method}`;
    const existing = byName.get(key);
    if (existing) {
      const first = /** @type {ListedOperation} */ (existing.variants[0]);
      const reason = whyNotMergeable(first, op);
      if (reason) {
        throw new SpecError(
          `two operations map to the SDK method ${key}: ${describe(first)} and ${describe(op)} (${reason}); ` +
            "give one of them another x-sdk-method (or x-sdk-resource)",
          { file, pointer: op.pointer },
        );
      }
      existing.variants.push(op);
      existing.variants.sort((a, b) => DEFAULT_VERB_ORDER.indexOf(a.method) - DEFAULT_VERB_ORDER.indexOf(b.method));
      continue;
    }
    /** @type {SdkMethod} */
    const entry = { resource, name: method, variants: [op] };
    byName.set(key, entry);
    const list = resources.get(resource) ?? [];
    list.push(entry);
    resources.set(resource, list);
  }
  return resources;
}

/** Which verb a merged method sends by default: the first of these it has. */
export const DEFAULT_VERB_ORDER = Object.freeze(["get", "post", "put", "patch", "delete", "head", "options", "trace"]);

/** @param {ListedOperation} op */
export function describe(op) {
  return `${op.operationId} (${op.method.toUpperCase()} ${op.path}, #${op.pointer})`;
}

/**
 * @param {ListedOperation} a
 * @param {ListedOperation} b
 * @returns {string | undefined} why the two cannot share one method, or undefined when they can
 */
function whyNotMergeable(a, b) {
  if (a.path !== b.path) return "different paths";
  if (a.method === b.method) return "same HTTP method";
  if (stable(a.parameters) !== stable(b.parameters)) return "different parameters";
  if (stable(a.operation.requestBody) !== stable(b.operation.requestBody)) return "different request bodies";
  if (stable(a.operation.responses) !== stable(b.operation.responses)) return "different responses";
  if (stable(a.operation["x-sdk-unwrap"]) !== stable(b.operation["x-sdk-unwrap"])) return "different x-sdk-unwrap";
  return undefined;
}

/**
 * JSON with sorted keys, so two equal objects written in a different key order compare equal.
 *
 * @param {unknown} value
 */
export function stable(value) {
  return (
    JSON.stringify(value, (_key, /** @type {unknown} */ node) =>
      node && typeof node === "object" && !Array.isArray(node)
        ? Object.fromEntries(
            Object.keys(node)
              .sort()
              .map((key) => [key, /** @type {Record<string, unknown>} */ (node)[key]]),
          )
        : node,
    ) ?? "undefined"
  );
}

export { HTTP_METHODS };
