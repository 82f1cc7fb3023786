// @ts-check

import { derefAt, pointer } from "@sdkit/openapi";
import { isMap, isSeq, parseDocument } from "yaml";

/** What every placeholder starts with, so a search finds each one a person must rewrite. */
export const PLACEHOLDER_MARK = "TODO(spec:update)";

const PROSE_KEYS = new Set(["description", "summary", "example", "examples", "title", "externalDocs", "x-examples"]);

/**
 * @typedef {import("./wire-diff.js").WireChange} WireChange
 * @typedef {import("./wire-model.js").WireModel} WireModel
 *
 * @typedef {object} ApplyResult
 * @property {string} text the edited spec/openapi.yaml
 * @property {WireChange[]} applied
 * @property {Array<{ change: WireChange, reason: string }>} manual changes left to a person
 * @property {string[]} placeholders JSON pointers of the placeholder texts added
 */

/**
 * Applies wire changes to our spec text as structural edits of its YAML document, so comments,
 * key order, quoting and every untouched line stay as they were. New operations, fields and
 * responses get a placeholder description (starting with PLACEHOLDER_MARK) that passes lint.
 *
 * @param {object} input
 * @param {string} input.text our spec/openapi.yaml
 * @param {WireModel} input.ours
 * @param {Record<string, any>} input.upstream the upstream document
 * @param {WireModel} input.upstreamModel
 * @param {WireChange[]} input.changes the wire changes to adopt
 * @param {import("./differences.js").Difference[]} input.differences
 * @param {string} input.source where the upstream document came from (for error messages)
 * @returns {ApplyResult}
 */
export function applyWireChanges({ text, ours, upstream, upstreamModel, changes, differences, source }) {
  const doc = parseDocument(text, { keepSourceTokens: false });
  const plain = /** @type {Record<string, any>} */ (doc.toJS());
  /** @type {ApplyResult} */
  const result = { text, applied: [], manual: [], placeholders: [] };
  /** @type {Set<string>} */
  const done = new Set();
  const inline = (/** @type {any} */ node) => toOurSchema(inlineRefs(upstream, node, source, new Set()));

  /**
   * @param {Array<string | number>} path
   * @param {string} text
   */
  const placeholder = (path, text) => {
    doc.setIn(path, `${PLACEHOLDER_MARK}: ${text}`);
    result.placeholders.push(pointer(...path));
  };
  /**
   * Runs `edit` once per edited location: POST and PUT sharing one schema change it once.
   *
   * @param {string} key
   * @param {() => void} edit
   */
  const once = (key, edit) => {
    if (done.has(key)) return;
    done.add(key);
    edit();
  };

  for (const change of changes) {
    const mine = change.operation ? ours.operations.get(change.operation) : undefined;
    const theirs = change.operation ? upstreamModel.operations.get(change.operation) : undefined;
    const manual = (/** @type {string} */ reason) => result.manual.push({ change, reason });

    if (change.subject === "operation" && change.kind === "added" && theirs) {
      addOperation(doc, plain, upstream, theirs, differences, placeholder, source);
    } else if (change.subject === "operation" && change.kind === "removed" && mine) {
      doc.deleteIn(mine.operationPath);
      const item = doc.getIn(["paths", mine.path]);
      if (isMap(item) && item.items.length === 0) doc.deleteIn(["paths", mine.path]);
    } else if (change.subject === "security") {
      manual("security requirements are not edited automatically: change `security` by hand");
      continue;
    } else if (change.subject === "request-body" && mine && theirs) {
      if (change.kind === "changed") {
        const body = derefAt(
          plain,
          getIn(plain, [...mine.operationPath, "requestBody"]),
          [...mine.operationPath, "requestBody"],
          source,
        );
        once(`${body.path.join("/")} required`, () => doc.setIn([...body.path, "required"], Boolean(change.to)));
      } else if (change.kind === "removed") {
        doc.deleteIn([...mine.operationPath, "requestBody"]);
      } else {
        const raw = getIn(upstream, [...theirs.operationPath, "requestBody"]);
        const body = inlineRefs(upstream, raw, source, new Set());
        const node = { ...stripProse(body), description: "" };
        node.content = mapValues(body.content ?? {}, (media) => ({ schema: toOurSchema(media.schema ?? {}) }));
        doc.setIn([...mine.operationPath, "requestBody"], doc.createNode(node));
        placeholder(
          [...mine.operationPath, "requestBody", "description"],
          `describe the request body of ${change.operation}.`,
        );
      }
    } else if (change.subject === "response" && mine && theirs && change.status) {
      const path = [...mine.operationPath, "responses", statusKey(plain, mine.operationPath, change.status)];
      if (change.kind === "removed") doc.deleteIn(path);
      else {
        const raw = getIn(upstream, [
          ...theirs.operationPath,
          "responses",
          statusKey(upstream, theirs.operationPath, change.status),
        ]);
        doc.setIn(path, doc.createNode(responseNode(upstream, raw, source)));
        placeholder([...path, "description"], `describe the ${change.status} response of ${change.operation}.`);
      }
    } else if (
      (change.subject === "request-property" ||
        change.subject === "response-property" ||
        change.subject === "parameter") &&
      mine &&
      theirs &&
      change.name
    ) {
      const myFields = fieldsOf(mine, change);
      const theirFields = fieldsOf(theirs, change);
      if (change.subject === "parameter") {
        const mineField = myFields?.get(change.name);
        const theirField = theirFields?.get(change.name);
        if (change.kind === "added" && theirField) {
          const raw = getIn(upstream, theirField.at.parentPath);
          const parameter = { ...stripProse(inlineRefs(upstream, raw, source, new Set())), description: "" };
          parameter.schema = toOurSchema(parameter.schema ?? {});
          const list = [...mine.operationPath, "parameters"];
          if (!isSeq(doc.getIn(list))) doc.setIn(list, doc.createNode([]));
          const index = /** @type {import("yaml").YAMLSeq} */ (doc.getIn(list)).items.length;
          doc.addIn(list, doc.createNode(parameter));
          placeholder([...list, index, "description"], `describe the ${change.name} parameter of ${change.operation}.`);
        } else if (change.kind === "removed" && mineField) {
          once(`${mineField.at.parentPath.join("/")} delete`, () => doc.deleteIn(mineField.at.parentPath));
        } else if (change.kind === "changed" && mineField) {
          if (change.field === "required")
            once(`${mineField.at.parentPath.join("/")} required`, () =>
              doc.setIn([...mineField.at.parentPath, "required"], Boolean(change.to)),
            );
          else
            once(`${mineField.at.schemaPath.join("/")} ${change.field}`, () =>
              setShape(doc, mineField.at.schemaPath, change),
            );
        }
        result.applied.push(change);
        continue;
      }
      const body = change.subject === "request-property" ? mine.requestBody : mine.responses.get(change.status ?? "");
      if (!body || !myFields || !theirFields) {
        manual("no JSON body to edit");
        continue;
      }
      const name = change.name;
      const leaf = name.split(".").at(-1) ?? name;
      if (change.kind === "added") {
        const theirField = theirFields.get(name);
        const parentName = name.includes(".") ? name.slice(0, name.lastIndexOf(".")).replace(/\[\]$/, "") : null;
        const parentPath =
          parentName === null
            ? body.schemaPath
            : parentSchemaPath(plain, myFields.get(parentName)?.at.schemaPath, source);
        if (!theirField || !parentPath) {
          manual(`cannot find where \`${name}\` goes in our spec`);
          continue;
        }
        const path = [...parentPath, "properties", leaf];
        once(`${path.join("/")} add`, () => {
          const schema = inline(getIn(upstream, theirField.at.schemaPath));
          if (!isMap(doc.getIn([...parentPath, "properties"])))
            doc.setIn([...parentPath, "properties"], doc.createNode({}));
          doc.setIn(path, doc.createNode({ ...schema, description: "" }));
          placeholder([...path, "description"], `describe \`${name}\` (added from the upstream document).`);
          if (theirField.shape.required) addRequired(doc, parentPath, leaf);
        });
      } else if (change.kind === "removed") {
        const field = myFields.get(name);
        if (!field) continue;
        once(`${field.at.schemaPath.join("/")} delete`, () => {
          doc.deleteIn(field.at.schemaPath);
          removeRequired(doc, field.at.parentPath, leaf);
          // Our examples showed the field; left in, they would contradict the schema (and fail lint).
          pruneValue(doc.getIn([...field.at.parentPath, "example"], true), [leaf]);
        });
        once(`${body.path.join("/")} examples ${name}`, () => pruneExamples(doc, plain, body.path, name, source));
      } else {
        const field = myFields.get(name);
        if (!field) continue;
        if (change.field === "required") {
          once(`${field.at.parentPath.join("/")} required ${leaf}`, () =>
            change.to ? addRequired(doc, field.at.parentPath, leaf) : removeRequired(doc, field.at.parentPath, leaf),
          );
        } else {
          once(`${field.at.schemaPath.join("/")} ${change.field}`, () => setShape(doc, field.at.schemaPath, change));
        }
      }
    } else {
      manual("not applied automatically");
      continue;
    }
    result.applied.push(change);
  }
  if (result.applied.some((change) => change.kind === "removed")) pruneUnusedComponents(doc, plain);
  result.text = doc.toString({ lineWidth: 0 });
  return result;
}

/**
 * @param {import("./wire-model.js").WireOperation} operation
 * @param {WireChange} change
 */
function fieldsOf(operation, change) {
  if (change.subject === "parameter") return operation.parameters;
  if (change.subject === "request-property") return operation.requestBody?.properties;
  return operation.responses.get(change.status ?? "")?.properties;
}

/**
 * The object schema that holds the properties of a property schema (its items for an array).
 *
 * @param {Record<string, any>} plain
 * @param {Array<string | number> | undefined} path
 * @param {string} source
 */
function parentSchemaPath(plain, path, source) {
  if (!path) return undefined;
  const node = getIn(plain, path);
  if (node?.type === "array" || node?.items) return derefAt(plain, node.items ?? {}, [...path, "items"], source).path;
  return path;
}

/**
 * @param {any} value
 * @param {Array<string | number>} path
 */
function getIn(value, path) {
  return path.reduce((node, key) => (node == null ? undefined : node[key]), value);
}

/**
 * Statuses are matched upper-cased ("5XX"); find the key as the document spells it.
 *
 * @param {Record<string, any>} document
 * @param {Array<string | number>} operationPath
 * @param {string} status
 */
function statusKey(document, operationPath, status) {
  const responses = getIn(document, [...operationPath, "responses"]) ?? {};
  return Object.keys(responses).find((key) => key.toUpperCase() === status) ?? status;
}

/**
 * @param {import("yaml").Document} doc
 * @param {Array<string | number>} parentPath
 * @param {string} name
 */
function addRequired(doc, parentPath, name) {
  const path = [...parentPath, "required"];
  const list = doc.getIn(path);
  if (!isSeq(list)) doc.setIn(path, doc.createNode([name]));
  else if (!list.items.some((item) => String(/** @type {any} */ (item)?.value ?? item) === name)) doc.addIn(path, name);
}

/**
 * @param {import("yaml").Document} doc
 * @param {Array<string | number>} parentPath
 * @param {string} name
 */
function removeRequired(doc, parentPath, name) {
  const path = [...parentPath, "required"];
  const list = doc.getIn(path);
  if (!isSeq(list)) return;
  const index = list.items.findIndex((item) => String(/** @type {any} */ (item)?.value ?? item) === name);
  if (index >= 0) list.delete(index);
  if (list.items.length === 0) doc.deleteIn(path);
}

/**
 * @param {import("yaml").Document} doc
 * @param {Array<string | number>} schemaPath
 * @param {WireChange} change
 */
function setShape(doc, schemaPath, change) {
  if (change.field === "nullable") {
    if (change.to) doc.setIn([...schemaPath, "nullable"], true);
    else doc.deleteIn([...schemaPath, "nullable"]);
  } else if (change.field === "type") {
    doc.setIn([...schemaPath, "type"], String(change.to).split("|")[0]);
  } else if (change.field === "format") {
    if (change.to === null) doc.deleteIn([...schemaPath, "format"]);
    else doc.setIn([...schemaPath, "format"], change.to);
  } else if (change.field === "deprecated") {
    if (change.to) doc.setIn([...schemaPath, "deprecated"], true);
    else doc.deleteIn([...schemaPath, "deprecated"]);
  } else if (change.field === "enum") {
    if (typeof change.to === "string") doc.setIn([...schemaPath, "enum"], doc.createNode(JSON.parse(change.to)));
    else doc.deleteIn([...schemaPath, "enum"]);
  }
  // An example written for the old type would no longer match; lint names it if so.
}

/**
 * Deletes a removed property from every JSON example of a request body or response object (the
 * media type's `example` and each `examples` entry, followed into components/examples), walking
 * its flattened name: "status", "data.id", "errors[].source".
 *
 * @param {import("yaml").Document} doc
 * @param {Record<string, any>} plain our document before the edits
 * @param {Array<string | number>} containerPath the request body or response object
 * @param {string} name
 * @param {string} source
 */
function pruneExamples(doc, plain, containerPath, name, source) {
  const segments = name.split(".");
  const content = getIn(plain, [...containerPath, "content"]) ?? {};
  for (const [mediaType, media] of Object.entries(content)) {
    if (!/^application\/([\w.+-]*\+)?json/.test(mediaType)) continue;
    const mediaPath = [...containerPath, "content", mediaType];
    if (media?.example !== undefined) pruneValue(doc.getIn([...mediaPath, "example"], true), segments);
    for (const [key, raw] of Object.entries(media?.examples ?? {})) {
      const { path } = derefAt(plain, raw, [...mediaPath, "examples", key], source);
      pruneValue(doc.getIn([...path, "value"], true), segments);
    }
  }
}

/**
 * @param {unknown} node a YAML node of an example value
 * @param {string[]} segments "errors[]", "source" …; a trailing "[]" walks every array item
 */
function pruneValue(node, segments) {
  const [head, ...rest] = segments;
  if (head === undefined || !isMap(node)) return;
  const array = head.endsWith("[]");
  const key = array ? head.slice(0, -2) : head;
  if (rest.length === 0) {
    node.delete(key);
    return;
  }
  const child = node.get(key, true);
  if (array && isSeq(child)) for (const item of child.items) pruneValue(item, rest);
  else if (!array) pruneValue(child, rest);
}

/**
 * @param {import("yaml").Document} doc
 * @param {Record<string, any>} plain our document before the edits
 * @param {Record<string, any>} upstream
 * @param {import("./wire-model.js").WireOperation} theirs
 * @param {import("./differences.js").Difference[]} differences
 * @param {(path: Array<string | number>, text: string) => void} placeholder
 * @param {string} source
 */
function addOperation(doc, plain, upstream, theirs, differences, placeholder, source) {
  const raw = getIn(upstream, theirs.operationPath);
  const operation = /** @type {Record<string, any>} */ ({
    operationId: uniqueOperationId(plain, theirs.method, theirs.path),
    summary: "",
    description: "",
    tags: [tagFor(doc, plain, raw, placeholder)],
  });
  if (raw.parameters?.length) {
    operation.parameters = raw.parameters.map((/** @type {any} */ parameter) => {
      const plainParameter = { ...stripProse(inlineRefs(upstream, parameter, source, new Set())) };
      plainParameter.schema = toOurSchema(plainParameter.schema ?? {});
      return plainParameter;
    });
  }
  if (raw.requestBody) {
    const body = inlineRefs(upstream, raw.requestBody, source, new Set());
    operation.requestBody = {
      ...(body.required ? { required: true } : {}),
      description: "",
      content: mapValues(body.content ?? {}, (media) => ({ schema: toOurSchema(media.schema ?? {}) })),
    };
  }
  operation.responses = mapValues(raw.responses ?? {}, (response) => responseNode(upstream, response, source));
  for (const difference of differences) {
    if (difference.kind !== "declared-responses" || difference.operations !== "*") continue;
    for (const [status, ref] of Object.entries(difference.responses ?? {})) {
      if (!Object.keys(operation.responses).some((key) => key.toUpperCase() === status.toUpperCase()))
        operation.responses[status] = { $ref: ref };
    }
  }
  const path = ["paths", theirs.path, theirs.method.toLowerCase()];
  if (!isMap(doc.getIn(["paths", theirs.path]))) doc.setIn(["paths", theirs.path], doc.createNode({}));
  doc.setIn(path, doc.createNode(operation));
  placeholder([...path, "summary"], `summarize ${theirs.key}.`);
  placeholder(
    [...path, "description"],
    `describe ${theirs.key} (added from the upstream document; check the operationId and tag too).`,
  );
  if (operation.requestBody)
    placeholder([...path, "requestBody", "description"], `describe the request body of ${theirs.key}.`);
  for (const [status, response] of Object.entries(operation.responses)) {
    if (!response.$ref)
      placeholder([...path, "responses", status, "description"], `describe the ${status} response of ${theirs.key}.`);
  }
  for (const [index, parameter] of (operation.parameters ?? []).entries()) {
    placeholder(
      [...path, "parameters", index, "description"],
      `describe the ${parameter.in} parameter ${parameter.name} of ${theirs.key}.`,
    );
  }
}

/**
 * The tag a new operation gets: ours when the upstream tag names one we declare (in any case), else
 * the upstream tag, declared at the top level with a placeholder description (our lint wants every tag
 * declared and described); our first tag when upstream gives none.
 *
 * @param {import("yaml").Document} doc
 * @param {Record<string, any>} plain
 * @param {Record<string, any>} raw the upstream operation
 * @param {(path: Array<string | number>, text: string) => void} placeholder
 */
function tagFor(doc, plain, raw, placeholder) {
  const declared = /** @type {Array<{ name: string }>} */ (plain.tags ?? []).map((tag) => tag.name);
  const theirs = Array.isArray(raw.tags) && typeof raw.tags[0] === "string" ? raw.tags[0] : null;
  if (theirs === null) return declared[0] ?? "default";
  const ours = declared.find((name) => name.toLowerCase() === theirs.toLowerCase());
  if (ours) return ours;
  const name = theirs.toLowerCase();
  const added = /** @type {import("yaml").YAMLSeq | undefined} */ (doc.get("tags"));
  if (added && isSeq(added) && added.items.some((item) => isMap(item) && item.get("name") === name)) return name;
  if (!isSeq(doc.get("tags"))) doc.set("tags", doc.createNode([]));
  const index = /** @type {import("yaml").YAMLSeq} */ (doc.get("tags")).items.length;
  doc.addIn(["tags"], doc.createNode({ name, description: "" }));
  placeholder(["tags", index, "description"], `describe the tag \`${name}\` (added from the upstream document).`);
  return name;
}

/**
 * @param {Record<string, any>} upstream
 * @param {any} raw
 * @param {string} source
 */
function responseNode(upstream, raw, source) {
  const response = inlineRefs(upstream, raw, source, new Set());
  const node = /** @type {Record<string, any>} */ ({ description: "" });
  if (response.content)
    node.content = mapValues(response.content, (media) => ({ schema: toOurSchema(media.schema ?? {}) }));
  return node;
}

/**
 * `getPetsById` for GET /v1/pets/{id}: the method and the path's words, version segments
 * left out; made unique among our operationIds.
 *
 * @param {Record<string, any>} plain
 * @param {string} method
 * @param {string} path
 */
function uniqueOperationId(plain, method, path) {
  const words = path
    .split("/")
    .filter((segment) => segment && !/^v\d+$/i.test(segment))
    .map((segment) => {
      const param = /^\{(.+)\}$/.exec(segment);
      const word = (param?.[1] ?? segment).replace(/[^A-Za-z0-9]+(.)?/g, (_, next) => (next ? next.toUpperCase() : ""));
      return (param ? "By" : "") + word.charAt(0).toUpperCase() + word.slice(1);
    });
  const base = method.toLowerCase() + words.join("");
  const taken = new Set();
  for (const item of Object.values(plain.paths ?? {})) {
    for (const operation of Object.values(item ?? {})) if (operation?.operationId) taken.add(operation.operationId);
  }
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}${n}`;
  return id;
}

/**
 * Copies `node`, replacing every local $ref with what it points to: the upstream document's component names are
 * not ours. A cycle is cut with an empty schema.
 *
 * @param {Record<string, any>} document
 * @param {any} node
 * @param {string} source
 * @param {Set<string>} stack
 * @returns {any}
 */
function inlineRefs(document, node, source, stack) {
  if (Array.isArray(node)) return node.map((item) => inlineRefs(document, item, source, stack));
  if (!node || typeof node !== "object") return node;
  if (typeof node.$ref === "string") {
    if (stack.has(node.$ref)) return {};
    const { node: target } = derefAt(document, node, [], source);
    return inlineRefs(document, target, source, new Set([...stack, node.$ref]));
  }
  return mapValues(node, (value) => inlineRefs(document, value, source, stack));
}

/**
 * Drops prose and examples (ours are written by us) at every level.
 *
 * @param {any} node
 * @returns {any}
 */
function stripProse(node) {
  if (Array.isArray(node)) return node.map(stripProse);
  if (!node || typeof node !== "object") return node;
  /** @type {Record<string, any>} */
  const copy = {};
  for (const [key, value] of Object.entries(node)) {
    if (PROSE_KEYS.has(key) && typeof value !== "object") continue;
    if (key === "examples" || key === "example" || key === "externalDocs") continue;
    copy[key] = key === "properties" ? mapValues(value ?? {}, stripProse) : stripProse(value);
  }
  return copy;
}

/**
 * A schema from the upstream document (3.0 or 3.1) as an OpenAPI 3.0 schema without prose:
 * `type: [string, "null"]` becomes `type: string` + `nullable: true`.
 *
 * @param {any} schema
 * @returns {any}
 */
function toOurSchema(schema) {
  const stripped = stripProse(schema);
  /**
   * @param {any} node
   * @returns {any}
   */
  const convert = (node) => {
    if (Array.isArray(node)) return node.map(convert);
    if (!node || typeof node !== "object") return node;
    /** @type {Record<string, any>} */
    const copy = mapValues(node, convert);
    if (Array.isArray(copy.type)) {
      const types = copy.type.filter((/** @type {string} */ type) => type !== "null");
      if (types.length < copy.type.length) copy.nullable = true;
      if (types.length === 1) copy.type = types[0];
      else {
        delete copy.type;
        copy.oneOf = types.map((/** @type {string} */ type) => ({ type }));
      }
    }
    if ("const" in copy) {
      copy.enum = [copy.const];
      delete copy.const;
    }
    return copy;
  };
  return convert(stripped);
}

/**
 * @template T, U
 * @param {Record<string, T>} object
 * @param {(value: T, key: string) => U} fn
 * @returns {Record<string, U>}
 */
function mapValues(object, fn) {
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key, fn(value, key)]));
}

/**
 * After an operation or a property is removed, components nothing refers to any more would fail
 * the no-unused-components rule: remove them (repeatedly, as one may hold the last use of another).
 *
 * @param {import("yaml").Document} doc
 * @param {Record<string, any>} before our document before the edits
 */
function pruneUnusedComponents(doc, before) {
  const usedBefore = referencedComponents(before);
  // Reachability is from the paths, so one pass finds every orphan, chains included.
  const used = referencedComponents(/** @type {Record<string, any>} */ (doc.toJS()));
  for (const ref of usedBefore) {
    // Only what the removal orphaned: something already unused is for lint to report.
    if (!used.has(ref)) doc.deleteIn(ref.slice(2).split("/"));
  }
}

/**
 * Every component reachable from the paths (and the security requirements).
 *
 * @param {Record<string, any>} document
 */
function referencedComponents(document) {
  /** @type {Set<string>} */
  const used = new Set();
  /** @param {any} node */
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== "object") return;
    if (typeof node.$ref === "string" && node.$ref.startsWith("#/components/")) {
      if (used.has(node.$ref)) return;
      used.add(node.$ref);
      visit(getIn(document, node.$ref.slice(2).split("/")));
      return;
    }
    for (const value of Object.values(node)) visit(value);
  };
  visit(document.paths);
  return used;
}
