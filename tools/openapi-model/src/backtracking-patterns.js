// @ts-check
// Schema `pattern`s that make a regex engine backtrack exponentially. JavaScript's engine (and so
// Redocly's example rules, Ajv, Prism and every validator written in JavaScript) has no time
// limit: `^(https?://)?([\w.-]+)\.([a-z.]{2,6})([/\w .-]*)*/?$` checked against a URL with a comma
// in it does not finish in minutes. A document's own example is enough to hang its lint.
//
// The check is the classic one (star height): a group repeated without bound whose body, in some
// alternative, is nothing but repeated or optional items, one of them itself unbounded:
// `(a+)+`, `([\w.-]*)*`, `(\w+\s?)+`. Such a body splits one run of text into iterations in
// exponentially many ways, and a failing match tries them all. A body with an item that must
// appear exactly once, such as the separator in `(\.[a-z]+)*`, is not flagged: that item pins
// each iteration's start. Not looked at: overlapping alternatives (`(a|a)*`) and a pinned item
// that the repeated one can also match (`(\w+.)+`); those still hang, and are missed.

/**
 * @typedef {object} Item one element of a sequence: an atom or a group, with its quantifier
 * @property {boolean} pinned it matches exactly once and consumes text: a literal, a class, or a
 *   group every alternative of which holds a pinned item
 * @property {boolean} nestsUnbounded an unbounded quantifier applies to it or somewhere inside it
 */

/**
 * A quantifier at `at`, if any: its length and whether it has an upper bound.
 *
 * @param {string} source
 * @param {number} at
 * @returns {{ length: number, unbounded: boolean } | undefined}
 */
function quantifierAt(source, at) {
  const char = source[at];
  let length = 0;
  let unbounded = false;
  if (char === "*" || char === "+") {
    length = 1;
    unbounded = true;
  } else if (char === "?") length = 1;
  else if (char === "{") {
    const braces = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(at));
    if (!braces) return undefined;
    length = braces[0].length;
    unbounded = braces[2] !== undefined && braces[3] === "";
  } else return undefined;
  // A lazy or possessive-looking suffix does not change how many ways there are to split a run.
  if (source[at + length] === "?") length++;
  return { length, unbounded };
}

/**
 * Reads the regex source into sequences of items; reports the first exponential group found.
 *
 * @param {string} source
 * @returns {boolean}
 */
function hasExponentialGroup(source) {
  let at = 0;
  let found = false;

  /**
   * Reads alternatives up to the closing `)` (or the end), returning one list of items per alternative.
   *
   * @returns {Item[][]}
   */
  function readAlternatives() {
    /** @type {Item[][]} */
    const alternatives = [[]];
    while (at < source.length && source[at] !== ")") {
      if (source[at] === "|") {
        alternatives.push([]);
        at++;
        continue;
      }
      const item = readItem();
      if (item) /** @type {Item[]} */ (alternatives.at(-1)).push(item);
    }
    return alternatives;
  }

  /** @returns {Item | undefined} */
  function readItem() {
    const char = source[at];
    /** @type {{ consumes: boolean, pinnedInside: boolean, nestsUnbounded: boolean, body?: Item[][] }} */
    let atom;
    if (char === "(") {
      at++;
      let consumes = true;
      // (?: (?= (?! (?<= (?<! (?<name>
      if (source[at] === "?") {
        const lookaround = /^\?(=|!|<=|<!)/.exec(source.slice(at));
        if (lookaround) consumes = false;
        if (lookaround) at += lookaround[0].length;
        else if (source[at + 1] === "<") at = source.indexOf(">", at) + 1 || source.length;
        else at += 2;
      }
      const body = readAlternatives();
      at++; // the ")"
      atom = {
        consumes,
        pinnedInside: consumes && body.every((items) => items.some((item) => item.pinned)),
        nestsUnbounded: body.some((items) => items.some((item) => item.nestsUnbounded)),
        body,
      };
    } else if (char === "[") {
      at++;
      if (source[at] === "^") at++;
      if (source[at] === "]") at++;
      while (at < source.length && source[at] !== "]") at += source[at] === "\\" ? 2 : 1;
      at++;
      atom = { consumes: true, pinnedInside: true, nestsUnbounded: false };
    } else if (char === "\\") {
      const escaped = source[at + 1] ?? "";
      at += 2;
      // \b \B are assertions; \k<name> a backreference; the rest a character or a class.
      if (escaped === "k" && source[at] === "<") at = source.indexOf(">", at) + 1 || source.length;
      const assertion = escaped === "b" || escaped === "B";
      atom = { consumes: !assertion, pinnedInside: !assertion, nestsUnbounded: false };
    } else if (char === "^" || char === "$") {
      at++;
      atom = { consumes: false, pinnedInside: false, nestsUnbounded: false };
    } else {
      at++;
      atom = { consumes: true, pinnedInside: true, nestsUnbounded: false };
    }
    const quantifier = quantifierAt(source, at);
    if (quantifier) at += quantifier.length;
    const unbounded = quantifier?.unbounded ?? false;
    if (unbounded && atom.body && atom.consumes && atom.nestsUnbounded) {
      // Some alternative has nothing pinned and something unbounded inside: iterations can split
      // one run of text in exponentially many ways.
      if (atom.body.some((items) => !items.some((item) => item.pinned) && items.some((item) => item.nestsUnbounded)))
        found = true;
    }
    return {
      pinned: quantifier === undefined && atom.pinnedInside,
      nestsUnbounded: unbounded || atom.nestsUnbounded,
    };
  }

  while (at < source.length && !found) {
    readAlternatives();
    at++; // an unbalanced ")" (the pattern is invalid anyway): read on past it
  }
  return found;
}

/**
 * Whether `pattern` (an ECMA-262 regex source, as in a schema's `pattern`) can backtrack
 * exponentially on text it does not match.
 *
 * @param {string} pattern
 */
export function backtracksExponentially(pattern) {
  return hasExponentialGroup(pattern);
}

// Keys whose values are data, not schemas: a `pattern` inside an example is text, not a regex.
const DATA_KEYS = new Set(["example", "examples", "default", "enum", "const"]);

/**
 * Every schema `pattern` in the document that backtracks exponentially: its JSON pointer (for
 * people), the keys that lead to it (for tools: no pointer decoding) and the pattern. Walks the
 * whole document (components, paths, webhooks, wherever a schema sits), not through `$ref`s (each
 * target is walked where it is) and not into examples, defaults or extensions.
 *
 * @param {unknown} document
 * @returns {Array<{ pointer: string, keys: string[], pattern: string }>}
 */
export function backtrackingPatterns(document) {
  /** @type {Array<{ pointer: string, keys: string[], pattern: string }>} */
  const found = [];
  /** @type {Array<[unknown, string[]]>} a node and the keys that lead to it */
  const stack = [[document, []]];
  while (stack.length > 0) {
    const [node, keys] = /** @type {[unknown, string[]]} */ (stack.pop());
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push([node[i], [...keys, String(i)]]);
      continue;
    }
    if (!node || typeof node !== "object") continue;
    const object = /** @type {Record<string, unknown>} */ (node);
    // Under `properties` a key is a property's name (a property may be called `default` or `pattern`).
    const named = keys.at(-1) === "properties" || keys.at(-1) === "patternProperties";
    if (!named && typeof object.pattern === "string" && backtracksExponentially(object.pattern)) {
      const at = [...keys, "pattern"];
      found.push({ pointer: pointerOf(at), keys: at, pattern: object.pattern });
    }
    for (const [key, value] of Object.entries(object).reverse()) {
      if (!named && (DATA_KEYS.has(key) || key.startsWith("x-"))) continue;
      stack.push([value, [...keys, key]]);
    }
  }
  return found;
}

/** @param {string[]} keys */
const pointerOf = (keys) => `#${keys.map((key) => `/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`).join("")}`;
