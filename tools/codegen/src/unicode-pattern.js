// @ts-check
// JSON Schema's `pattern` is an ECMA-262 regular expression, and Ajv compiles it with the `u` flag.
// Under `u`, escaping a character that needs no escape (`\=`, `\:`, `\ `) is a syntax error,
// where JavaScript without `u`, and most engines documents are written for, read it as the
// character itself. AWS's documents are full of them (`^[a-zA-Z0-9\/\+\=]{0,2048}$`), and a
// pattern Ajv cannot compile fails every check of the schema that holds it.

/** What may be escaped under `u` anywhere: the syntax characters and `/`. */
const ESCAPABLE = new Set([..."^$\\.*+?()[]{}|/"]);

/** @param {string} source @param {string} flags */
function compiles(source, flags) {
  try {
    new RegExp(source, flags);
    return true;
  } catch {
    return false;
  }
}

/**
 * `pattern` with its needless escapes of punctuation dropped (`\=` → `=`), when that is what keeps
 * it from compiling under `u` and it means the same without them; else `pattern` as it is. Escapes
 * of letters and digits (`\d`, `\u0041`, `\1`) and of `-` inside a class (`[a\-z]`) are kept.
 *
 * @param {string} pattern
 * @returns {string}
 */
export function unicodeSafePattern(pattern) {
  if (compiles(pattern, "u") || !compiles(pattern, "")) return pattern;
  let out = "";
  let inClass = false;
  for (let index = 0; index < pattern.length; index++) {
    const char = /** @type {string} */ (pattern[index]);
    if (char === "\\" && index + 1 < pattern.length) {
      const next = /** @type {string} */ (pattern[index + 1]);
      const needed = /[A-Za-z0-9]/.test(next) || ESCAPABLE.has(next) || (inClass && next === "-");
      out += needed ? `\\${next}` : next;
      index++;
      continue;
    }
    if (char === "[" && !inClass) inClass = true;
    else if (char === "]" && inClass) inClass = false;
    out += char;
  }
  return compiles(out, "u") ? out : pattern;
}
