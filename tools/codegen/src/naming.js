// @ts-check
import { SpecError } from "@sdkit/cli-kit";
import { HTTP_METHODS } from "@sdkit/openapi";

/** @typedef {import("@sdkit/openapi").ListedOperation} ListedOperation */

/**
 * The one list of names generated code never declares: JavaScript's reserved words in strict mode
 * code (every ES module, so `let`, `static`, `await` too), `arguments` and `eval` (strict code
 * cannot bind them), and TypeScript's predefined type names: a type alias called `string` is a
 * compile error ("Type alias name cannot be 'string'"), and a client type named so would mean the
 * primitive wherever it is imported.
 */
const RESERVED_WORDS = Object.freeze(
  new Set(
    (
      "await break case catch class const continue debugger default delete do else enum export extends false " +
      "finally for function if implements import in instanceof interface let new null package private " +
      "protected public return static super switch this throw true try typeof var void while with yield " +
      "arguments eval"
    ).split(" "),
  ),
);
const PREDEFINED_TYPES = Object.freeze(
  new Set("any bigint boolean never null number object string symbol undefined unknown void".split(" ")),
);

/**
 * Whether generated code may not declare `name` (as a variable, function, type or interface),
 * whatever its syntax: a reserved word or a TypeScript predefined type name.
 *
 * @param {string} name
 */
export function isReservedName(name) {
  return RESERVED_WORDS.has(name) || PREDEFINED_TYPES.has(name);
}

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

/**
 * A name generated code can declare: identifier syntax, and not a reserved name (isReservedName).
 *
 * @param {string} name
 */
export function isIdentifier(name) {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) && !isReservedName(name);
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
 * The prefix of an operation's type aliases before clashes are resolved (model.js does that): the
 * operationId in PascalCase (`upsertPet` → `UpsertPet`, `pets.get` → `PetsGet`),
 * with `Op` before it when it would not start an identifier (`2fa-enable` → `Op2faEnable`).
 *
 * @param {ListedOperation} op
 */
export function typePrefix(op) {
  const name = pascalCase(words(op.operationId));
  return isIdentifier(name) ? name : `Op${name}`;
}

/**
 * Names of the SDK's generated files and folders (`index.ts`, `resources.ts`, `client.ts`,
 * `core/`), which no resource module may take.
 */
export const GENERATED_FILE_NAMES = Object.freeze(["index", "resources", "client", "core"]);

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
 * @param {readonly string[]} [taken] names a derived resource may not take (they get a `Resource`
 *   suffix): the generated files' names, and the client's own members the document has
 * @returns {{ resource: string, method: string }}
 */
export function sdkName(op, file, taken = GENERATED_FILE_NAMES) {
  const explicitResource = op.operation["x-sdk-resource"];
  const explicitMethod = op.operation["x-sdk-method"];
  let resource;
  if (explicitResource !== undefined) {
    // A name the document chose is never rewritten (as x-sdk-method): one that generated code
    // cannot declare is refused, naming the field.
    if (typeof explicitResource !== "string" || !isIdentifier(explicitResource)) {
      const reserved = typeof explicitResource === "string" && isReservedName(explicitResource);
      throw new SpecError(
        reserved
          ? `x-sdk-resource ${JSON.stringify(explicitResource)} is a reserved word or TypeScript type name: choose another name`
          : `x-sdk-resource must be a JavaScript identifier, found ${JSON.stringify(explicitResource)}`,
        { file, pointer: `${op.pointer}/x-sdk-resource` },
      );
    }
    resource = explicitResource;
  } else {
    const tag = op.tags[0];
    if (tag === undefined) {
      throw new SpecError(
        `${op.method.toUpperCase()} ${op.path} (${op.operationId}) has no tag and no x-sdk-resource: add a tag (one SDK resource per tag) or x-sdk-resource`,
        { file, pointer: op.pointer },
      );
    }
    // A derived name is made usable rather than refused: `2.0 API` → `api20Api`; a name of a
    // generated file or folder (a tag `Client`, as AWS SSO OIDC has), or of a member the client
    // has besides its resources (`webhooks`, in a document with webhooks), gets a suffix:
    // `clientResource`, `webhooksResource`.
    resource = camelCase(words(tag));
    if (!isPropertyName(resource)) resource = `api${pascalCase(words(tag))}`;
    if (taken.includes(resource)) resource = `${resource}Resource`;
  }
  let method;
  if (explicitMethod !== undefined) {
    if (typeof explicitMethod !== "string" || !isPropertyName(explicitMethod)) {
      throw new SpecError(`x-sdk-method must be a JavaScript identifier, found ${JSON.stringify(explicitMethod)}`, {
        file,
        pointer: `${op.pointer}/x-sdk-method`,
      });
    }
    method = explicitMethod;
  } else {
    const resourceWords = new Set(words(resource).flatMap((word) => [word, singular(word)]));
    const all = words(op.operationId);
    const rest = all.filter((word) => !resourceWords.has(word) && !resourceWords.has(singular(word)));
    method = camelCase(rest.length > 0 ? rest : all);
    // `2fa-status` → `op2faStatus`: a derived name is made usable rather than refused.
    if (!isPropertyName(method)) method = `op${pascalCase(rest.length > 0 ? rest : all)}`;
  }
  return { resource, method };
}

/**
 * @typedef {object} SdkMethod
 * @property {string} resource
 * @property {string} name
 * @property {ListedOperation[]} variants one operation, or several merged ones (default first)
 * @property {string} typeBase PascalCase prefix of the method's exported types (`<…>Options`,
 *   `<…>Error`): resource and method in PascalCase, with a number after it when another method of
 *   another resource gives the same words (`credentialList.sip`, `credential.listSip`)
 */

/**
 * Groups operations into SDK resources and methods. Two operations with the same SDK name share
 * one method when they may: same path, same parameters, request body, responses and
 * `x-sdk-unwrap`, so that only the HTTP verb differs (a `POST` and a `PUT` that both upsert). A shared
 * method takes a `method` option; its default is the first verb of DEFAULT_VERB_ORDER it has, so
 * an `upsert(body)` sends `POST` and `upsert(body, { method: "PUT" })` sends `PUT`.
 *
 * Otherwise a name the rule derived gives way, deterministically: the later operation (in document
 * order) takes its whole operationId in camelCase (`getPet`), then a number after it. Names the
 * document chose itself (`x-sdk-method`) are never changed: two of them on one name are an error
 * naming both.
 *
 * @param {ListedOperation[]} operations
 * @param {string} [file]
 * @param {{ clientMembers?: readonly string[] }} [options] members the client has besides its
 *   resources (`webhooks` when the document has webhooks): no derived resource takes their names
 * @returns {Map<string, SdkMethod[]>} resource → methods, both in first-appearance order
 */
export function planSdk(operations, file, { clientMembers = [] } = {}) {
  const taken = [...GENERATED_FILE_NAMES, ...clientMembers];
  /** @type {Map<string, SdkMethod[]>} */
  const resources = new Map();
  /** @type {Map<string, SdkMethod>} */
  const byName = new Map();
  for (const op of operations) {
    const { resource, method: derived } = sdkName(op, file, taken);
    let method = derived;
    const existing = byName.get(`${resource}.${method}`);
    if (existing) {
      const first = /** @type {ListedOperation} */ (existing.variants[0]);
      const reason = whyNotMergeable(first, op);
      if (!reason) {
        existing.variants.push(op);
        existing.variants.sort((a, b) => DEFAULT_VERB_ORDER.indexOf(a.method) - DEFAULT_VERB_ORDER.indexOf(b.method));
        continue;
      }
      if (op.operation["x-sdk-method"] !== undefined) {
        throw new SpecError(
          `two operations map to the SDK method ${resource}.${method}: ${describe(first)} and ${describe(op)} (${reason}); ` +
            "give one of them another x-sdk-method (or x-sdk-resource)",
          { file, pointer: op.pointer },
        );
      }
      const whole = camelCase(words(op.operationId));
      method = firstFreeName(
        isPropertyName(whole) ? whole : `op${pascalCase(words(op.operationId))}`,
        (name) => !byName.has(`${resource}.${name}`),
      );
    }
    /** @type {SdkMethod} */
    const entry = { resource, name: method, variants: [op], typeBase: "" };
    byName.set(`${resource}.${method}`, entry);
    const list = resources.get(resource) ?? [];
    list.push(entry);
    resources.set(resource, list);
  }
  /** @type {Set<string>} */
  const typeBases = new Set();
  for (const methods of resources.values()) {
    for (const entry of methods) {
      entry.typeBase = firstFreeName(
        pascalCase(words(entry.resource)) + pascalCase(words(entry.name)),
        (name) => !typeBases.has(name),
      );
      typeBases.add(entry.typeBase);
    }
  }
  return resources;
}

/**
 * @param {string} base
 * @param {(name: string) => boolean} isFree
 */
function firstFreeName(base, isFree) {
  if (isFree(base)) return base;
  for (let n = 2; ; n++) if (isFree(`${base}${n}`)) return `${base}${n}`;
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
