// @ts-check

/**
 * One difference between the upstream wire model and ours, from our point of view: "added" means the
 * upstream document has something we do not, "removed" that we have something the upstream document no longer has.
 *
 * @typedef {object} WireChange
 * @property {string} id stable, for matching listed differences and de-duplicating
 * @property {"added" | "removed" | "changed"} kind
 * @property {"operation" | "parameter" | "request-body" | "request-property" | "response" | "response-property" | "security"} subject
 * @property {string | null} operation "POST /v1/pets"
 * @property {string | null} status the response status for response subjects
 * @property {string | null} name the parameter key ("query:limit") or flattened property name
 * @property {"type" | "format" | "nullable" | "required" | "deprecated" | "enum" | null} field what changed, for "changed"
 * @property {unknown} [from] our value
 * @property {unknown} [to] the upstream value
 * @property {string} target "request body: company", "response 200: data.id", …
 * @property {string} text one sentence for people
 */

/** @typedef {import("./wire-model.js").WireModel} WireModel */
/** @typedef {import("./wire-model.js").WireField} WireField */

const FIELDS = /** @type {const} */ (["type", "format", "nullable", "required", "deprecated", "enum"]);

/**
 * Everything in which `upstream` differs from `ours` on the wire.
 *
 * @param {WireModel} ours
 * @param {WireModel} upstream
 * @returns {WireChange[]}
 */
export function diffWireModels(ours, upstream) {
  /** @type {WireChange[]} */
  const changes = [];
  for (const key of upstream.operations.keys()) {
    if (!ours.operations.has(key)) {
      changes.push(
        change(
          "added",
          "operation",
          key,
          null,
          null,
          null,
          "operation",
          `The upstream document adds the operation ${key}.`,
        ),
      );
    }
  }
  for (const [key, mine] of ours.operations) {
    const theirs = upstream.operations.get(key);
    if (!theirs) {
      changes.push(
        change(
          "removed",
          "operation",
          key,
          null,
          null,
          null,
          "operation",
          `The upstream document no longer has the operation ${key}.`,
        ),
      );
      continue;
    }
    changes.push(
      ...fieldChanges("parameter", key, null, mine.parameters, theirs.parameters, (name) => `parameter ${name}`),
    );
    changes.push(...requestBodyChanges(key, mine.requestBody, theirs.requestBody));
    for (const status of theirs.responses.keys()) {
      if (!mine.responses.has(status)) {
        changes.push(
          change(
            "added",
            "response",
            key,
            status,
            null,
            null,
            `response ${status}`,
            `The upstream document declares a ${status} response for ${key}.`,
          ),
        );
      }
    }
    for (const [status, myBody] of mine.responses) {
      if (!theirs.responses.has(status)) {
        changes.push(
          change(
            "removed",
            "response",
            key,
            status,
            null,
            null,
            `response ${status}`,
            `The upstream document does not declare the ${status} response of ${key}.`,
          ),
        );
        continue;
      }
      const theirBody = theirs.responses.get(status) ?? null;
      changes.push(
        ...fieldChanges(
          "response-property",
          key,
          status,
          myBody?.properties ?? new Map(),
          theirBody?.properties ?? new Map(),
          (name) => `response ${status}: ${name}`,
        ),
      );
    }
    const mySecurity = mine.security.join(", ") || "none";
    const theirSecurity = theirs.security.join(", ") || "none";
    if (mySecurity !== theirSecurity) {
      const item = change(
        "changed",
        "security",
        key,
        null,
        null,
        null,
        "security",
        `The upstream document authorizes ${key} with ${theirSecurity} instead of ${mySecurity}.`,
      );
      changes.push({ ...item, from: mySecurity, to: theirSecurity });
    }
  }
  return changes;
}

/**
 * @param {string} operation
 * @param {import("./wire-model.js").WireBody | null} mine
 * @param {import("./wire-model.js").WireBody | null} theirs
 * @returns {WireChange[]}
 */
function requestBodyChanges(operation, mine, theirs) {
  if (!mine && !theirs) return [];
  if (!mine)
    return [
      change(
        "added",
        "request-body",
        operation,
        null,
        null,
        null,
        "request body",
        `The upstream document adds a request body to ${operation}.`,
      ),
    ];
  if (!theirs)
    return [
      change(
        "removed",
        "request-body",
        operation,
        null,
        null,
        null,
        "request body",
        `The upstream document no longer takes a request body for ${operation}.`,
      ),
    ];
  /** @type {WireChange[]} */
  const changes = [];
  if (mine.required !== theirs.required) {
    changes.push({
      ...change(
        "changed",
        "request-body",
        operation,
        null,
        null,
        "required",
        "request body",
        `The upstream document makes the request body of ${operation} ${theirs.required ? "required" : "optional"}.`,
      ),
      from: mine.required,
      to: theirs.required,
    });
  }
  changes.push(
    ...fieldChanges(
      "request-property",
      operation,
      null,
      mine.properties,
      theirs.properties,
      (name) => `request body: ${name}`,
    ),
  );
  return changes;
}

/**
 * @param {"parameter" | "request-property" | "response-property"} subject
 * @param {string} operation
 * @param {string | null} status
 * @param {Map<string, WireField>} mine
 * @param {Map<string, WireField>} theirs
 * @param {(name: string) => string} targetOf
 * @returns {WireChange[]}
 */
function fieldChanges(subject, operation, status, mine, theirs, targetOf) {
  const noun =
    subject === "parameter" ? "parameter" : subject === "request-property" ? "request property" : "response property";
  /** @type {WireChange[]} */
  const changes = [];
  for (const [name, field] of theirs) {
    if (mine.has(name)) continue;
    // A new nested property under a new parent is part of adding the parent.
    if (hasNewAncestor(name, mine, theirs)) continue;
    const { shape } = field;
    changes.push(
      change(
        "added",
        subject,
        operation,
        status,
        name,
        null,
        targetOf(name),
        `The upstream document adds the ${shape.required ? "required" : "optional"} ${noun} \`${name}\` (${describe(shape)}) to ${operation}${status ? ` (${status})` : ""}.`,
      ),
    );
  }
  for (const [name, field] of mine) {
    const other = theirs.get(name);
    if (!other) {
      if (hasNewAncestor(name, theirs, mine)) continue;
      changes.push(
        change(
          "removed",
          subject,
          operation,
          status,
          name,
          null,
          targetOf(name),
          `The upstream document no longer has the ${noun} \`${name}\` in ${operation}${status ? ` (${status})` : ""}.`,
        ),
      );
      continue;
    }
    for (const key of FIELDS) {
      if (field.shape[key] === other.shape[key]) continue;
      changes.push({
        ...change(
          "changed",
          subject,
          operation,
          status,
          name,
          key,
          targetOf(name),
          fieldSentence(noun, name, key, field.shape[key], other.shape[key], operation, status),
        ),
        from: field.shape[key],
        to: other.shape[key],
      });
    }
  }
  return changes;
}

/**
 * True when a parent of `name` ("data" for "data.id") is in `having` but not in `lacking`.
 *
 * @param {string} name
 * @param {Map<string, unknown>} lacking
 * @param {Map<string, unknown>} having
 */
function hasNewAncestor(name, lacking, having) {
  const parts = name.split(".");
  for (let i = 1; i < parts.length; i++) {
    const parent = parts.slice(0, i).join(".").replace(/\[\]$/, "");
    if (having.has(parent) && !lacking.has(parent)) return true;
  }
  return false;
}

/** @param {import("./wire-model.js").FieldShape} shape */
export function describe(shape) {
  return [shape.type, shape.format, shape.nullable ? "nullable" : null].filter(Boolean).join(", ");
}

/**
 * @param {string} noun
 * @param {string} name
 * @param {string} field
 * @param {unknown} from
 * @param {unknown} to
 * @param {string} operation
 * @param {string | null} status
 */
function fieldSentence(noun, name, field, from, to, operation, status) {
  const where = `${operation}${status ? ` (${status})` : ""}`;
  if (field === "required")
    return `The upstream document makes the ${noun} \`${name}\` ${to ? "required" : "optional"} in ${where}.`;
  if (field === "nullable")
    return `The upstream document makes the ${noun} \`${name}\` ${to ? "nullable" : "not nullable"} in ${where}.`;
  if (field === "deprecated")
    return `The upstream document ${to ? "deprecates" : "no longer deprecates"} the ${noun} \`${name}\` in ${where}.`;
  if (field === "enum") {
    const list = (/** @type {unknown} */ value) =>
      typeof value === "string" ? JSON.parse(value).join(", ") : "any value";
    return `The upstream document changes the allowed values of the ${noun} \`${name}\` from ${list(from)} to ${list(to)} in ${where}.`;
  }
  return `The upstream document changes the ${field} of the ${noun} \`${name}\` from ${from ?? "none"} to ${to ?? "none"} in ${where}.`;
}

/**
 * @param {WireChange["kind"]} kind
 * @param {WireChange["subject"]} subject
 * @param {string | null} operation
 * @param {string | null} status
 * @param {string | null} name
 * @param {WireChange["field"]} field
 * @param {string} target
 * @param {string} text
 * @returns {WireChange}
 */
function change(kind, subject, operation, status, name, field, target, text) {
  const id = [kind, subject, operation, status, name, field].filter((part) => part !== null).join(" ");
  return { id, kind, subject, operation, status, name, field, target, text };
}
