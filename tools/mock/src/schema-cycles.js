// @ts-check
// At start-up Prism replaces every `$ref` by its value and then copies the result, once per path
// that reaches a schema whose copy holds a `$ref` closing a cycle. Where many schemas reference
// each other in cycles (Stripe's description: 65 schemas with 363 references among them, through
// every expandable field), the number of such paths explodes and Prism never reports listening.
//
// Opening one `$ref` per cycle is not enough: what is left is still one long chain of schemas with
// shortcuts, and Prism then walks every operation's schemas once per path through them (its
// bundling of each operation), which on Stripe's knot never ends either.
//
// So in the copy of the document Prism serves, the mock opens such a knot whole: every `$ref` from
// a schema of the knot to another one (or itself) loses its target and accepts any value there.
// That only loosens what Prism checks, one level into a schema that belongs to the knot, so a
// request or answer the document allows is still allowed. The examples Prism answers with are
// derived (fill-examples.js) from the document before this, against the whole schema, and the
// contract tests check answers against the document itself. A knot of few cycles (a tree node's
// children, two schemas pointing at each other) is left as it is: Prism copies it a few times and
// checks it fully. Stripe's, opened, starts in about 5 s.
//
// Where Prism composes an answer from the schema (no example at the media type), it makes one up at
// an opened `$ref` from nothing: a string where the document wants an object. So each opened
// `$ref` carries the example the generators derive for its target (from the whole schema, and
// only when it conforms), which Prism's composer takes as the value there.
import { conformsTo, mediaExample } from "@sdkit/codegen";
import { isObject } from "@sdkit/openapi";

const SCHEMA_PREFIX = "#/components/schemas/";

/**
 * Knots with at most this many independent cycles (edges - schemas + 1) are left alone: the
 * copies Prism makes grow with the number of ways round the knot, which stays small below this.
 */
export const MAX_KEPT_CYCLES = 8;

/**
 * The component schema a local `$ref` points into (`#/components/schemas/Name/…` → Name).
 *
 * @param {unknown} ref
 * @returns {string | undefined}
 */
function targetOf(ref) {
  if (typeof ref !== "string" || !ref.startsWith(SCHEMA_PREFIX)) return undefined;
  const segment = ref.slice(SCHEMA_PREFIX.length).split("/")[0] ?? "";
  let name = segment;
  try {
    name = decodeURIComponent(segment);
  } catch {
    // Not percent-encoded after all: the segment as written (RFC 6901 §6 decodes only valid escapes).
  }
  return name.replaceAll("~1", "/").replaceAll("~0", "~");
}

/**
 * Every `$ref` object inside a schema (not following any), in document order.
 *
 * @param {unknown} node
 * @param {Array<Record<string, any>>} [found]
 * @returns {Array<Record<string, any>>}
 */
function refsWithin(node, found = []) {
  if (Array.isArray(node)) {
    for (const item of node) refsWithin(item, found);
  } else if (isObject(node)) {
    if (typeof node.$ref === "string") found.push(node);
    for (const [key, value] of Object.entries(node)) if (key !== "$ref") refsWithin(value, found);
  }
  return found;
}

/**
 * The strongly connected components of a graph (Tarjan's algorithm, iterative: a real document's
 * reference chains may be deeper than the call stack allows).
 *
 * @param {Map<string, string[]>} edges
 * @returns {string[][]}
 */
function stronglyConnected(edges) {
  /** @type {Map<string, number>} */
  const index = new Map();
  /** @type {Map<string, number>} */
  const low = new Map();
  const onStack = new Set();
  /** @type {string[]} */
  const stack = [];
  /** @type {string[][]} */
  const components = [];
  for (const root of edges.keys()) {
    if (index.has(root)) continue;
    /** @type {Array<{ node: string, next: number }>} */
    const work = [{ node: root, next: 0 }];
    index.set(root, index.size);
    low.set(root, index.get(root) ?? 0);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = /** @type {{ node: string, next: number }} */ (work.at(-1));
      const targets = edges.get(frame.node) ?? [];
      if (frame.next < targets.length) {
        const target = /** @type {string} */ (targets[frame.next++]);
        if (!edges.has(target)) continue;
        if (!index.has(target)) {
          index.set(target, index.size);
          low.set(target, index.get(target) ?? 0);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node) ?? 0, index.get(target) ?? 0));
        }
        continue;
      }
      work.pop();
      const parent = work.at(-1);
      if (parent) low.set(parent.node, Math.min(low.get(parent.node) ?? 0, low.get(frame.node) ?? 0));
      if (low.get(frame.node) === index.get(frame.node)) {
        /** @type {string[]} */
        const component = [];
        let member;
        do {
          member = /** @type {string} */ (stack.pop());
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        components.push(component);
      }
    }
  }
  return components;
}

/**
 * Opens every knot of component schemas with more than `MAX_KEPT_CYCLES` independent cycles (in
 * place): each `$ref` from one of its schemas to another one (or to itself) keeps its siblings (a
 * description, say) but loses its target.
 *
 * @param {Record<string, any>} spec
 * @returns {{ opened: number, schemas: number }} `$ref`s opened, schemas in the knots opened
 */
export function openSchemaKnots(spec) {
  const schemas = spec.components?.schemas;
  if (!isObject(schemas)) return { opened: 0, schemas: 0 };
  /** @type {Map<string, Array<{ ref: Record<string, any>, target: string }>>} */
  const refs = new Map();
  for (const [name, schema] of Object.entries(schemas)) {
    const within = refsWithin(schema).flatMap((ref) => {
      const target = targetOf(ref.$ref);
      return target !== undefined && Object.hasOwn(schemas, target) ? [{ ref, target }] : [];
    });
    refs.set(name, within);
  }
  const edges = new Map([...refs].map(([name, within]) => [name, within.map(({ target }) => target)]));
  let opened = 0;
  let knotted = 0;
  for (const component of stronglyConnected(edges)) {
    const members = new Set(component);
    const inner = component.flatMap((name) => (refs.get(name) ?? []).filter(({ target }) => members.has(target)));
    if (inner.length - members.size + 1 <= MAX_KEPT_CYCLES) continue;
    knotted += members.size;
    // Derived before any $ref is opened: from the schemas as the document writes them.
    const examples = new Map(
      [...members].map((name) => [
        name,
        conformingExample(spec, { $ref: `${SCHEMA_PREFIX}${name.replaceAll("~", "~0").replaceAll("/", "~1")}` }),
      ]),
    );
    for (const { ref, target } of inner) {
      const example = ref.$ref.includes("/", SCHEMA_PREFIX.length) ? undefined : examples.get(target);
      delete ref.$ref;
      if (example === undefined) continue;
      if (String(spec.openapi).startsWith("3.1")) ref.examples = [example];
      else ref.example = example;
    }
    opened += inner.length;
  }
  return { opened, schemas: knotted };
}

/**
 * The example the generators derive for a schema, when it conforms to it.
 *
 * @param {Record<string, any>} spec
 * @param {Record<string, any>} schema
 * @returns {unknown}
 */
function conformingExample(spec, schema) {
  try {
    const value = mediaExample(spec, { schema });
    return value !== undefined && conformsTo(spec, schema, value) ? value : undefined;
  } catch {
    // A schema the generators cannot make a value of: Prism composes one itself, as before.
    return undefined;
  }
}
