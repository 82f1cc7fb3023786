// How the response checks compile a schema's `pattern`. Ajv compiles every pattern with the `u`
// flag, under which an escape ECMAScript otherwise accepts (`\:`, `\-` outside a class) is a syntax
// error: one such pattern in a document (DigitalOcean's tag names, `^[a-zA-Z0-9_\-\:]+$`) made
// every answer containing it throw instead of being checked. OpenAPI 3.0 patterns are ECMA-262
// regular expressions with no flag said, so one the `u` flag refuses is compiled without it.

function compile(pattern: string, flags: string): RegExp {
  try {
    return new RegExp(pattern, flags);
  } catch (error) {
    if (!flags.includes("u")) throw error;
    return new RegExp(pattern, flags.replace("u", ""));
  }
}

/**
 * A regular expression engine as Ajv's `code.regExp` option takes it. Its `code` names it for
 * Ajv's standalone code generation, which the checks here never use (they validate in process).
 */
export const tolerantRegExp = Object.assign(compile, { code: "tolerantRegExp" });
