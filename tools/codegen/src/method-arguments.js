// @ts-check

/** @typedef {import("./model.js").OperationModel} OperationModel */
/** @typedef {import("./model.js").ParameterInfo} ParameterInfo */

/**
 * @typedef {{ kind: "path", param: ParameterInfo, required: true }
 *   | { kind: "body", required: boolean }
 *   | { kind: "query", required: boolean }} PositionalArgument
 */

/**
 * How an operation's SDK method takes its request, in one place: the SDK target declares the
 * method by it and the samples target calls the method by it, so a docs sample cannot pass fewer
 * arguments than the method requires (a required header puts `options` after an optional query,
 * which the sample must then fill with `undefined`).
 *
 * - positional: each path parameter in path order, then the body, or the query when there is no
 *   body (a body's query travels in `options.query` instead);
 * - options last: required when a header parameter is, or when the query travels in options and
 *   one of its parameters is. A required argument cannot follow an optional one, so the positional
 *   ones before required options are spelled `T | undefined` and must be passed.
 *
 * @param {OperationModel} m
 * @returns {{ positional: PositionalArgument[], queryInOptions: boolean, queryRequired: boolean,
 *   headersRequired: boolean, optionsRequired: boolean }}
 */
export function methodArguments(m) {
  const queryRequired = m.queryParams.some((param) => param.required);
  const headersRequired = m.headerParams.some((param) => param.required);
  /** @type {PositionalArgument[]} */
  const positional = m.pathParams.map((param) => ({ kind: /** @type {const} */ ("path"), param, required: true }));
  if (m.body) positional.push({ kind: "body", required: m.body.required });
  else if (m.queryParams.length > 0) positional.push({ kind: "query", required: queryRequired });
  const queryInOptions = m.body !== undefined && m.queryParams.length > 0;
  return {
    positional,
    queryInOptions,
    queryRequired,
    headersRequired,
    optionsRequired: (queryInOptions && queryRequired) || headersRequired,
  };
}
