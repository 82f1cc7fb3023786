// @ts-check
// The front proxy's half of serving fragment paths (see path-fragment.js): which routable path a
// request goes to, by its path, method, headers and query.

/** @typedef {import("./path-fragment.js").FragmentRoute} FragmentRoute */

/**
 * @typedef {(method: string, target: string, headers: import("node:http").IncomingHttpHeaders) => string | undefined} FragmentRouter
 *   the request target (path and query) to forward instead of `target`, or undefined to forward it as it is
 */

/**
 * A router over `routes`. A request goes to the first route whose path template matches its path,
 * that has an operation for its method and whose condition it meets; value conditions are tried
 * before presence ones (`#type=csv` before `#type`), being the more specific.
 *
 * @param {readonly FragmentRoute[]} routes
 * @returns {FragmentRouter}
 */
export function fragmentRouter(routes) {
  if (routes.length === 0) return () => undefined;
  const ordered = [
    ...routes.filter((route) => route.condition.value !== undefined),
    ...routes.filter((route) => route.condition.value === undefined),
  ].map((route) => ({
    route,
    pattern: templatePattern(route.path),
    // The routable path is the document's path after a prefix of its own (only the prefix, for `/`).
    prefix: route.routedPath.slice(0, route.routedPath.length - (route.path === "/" ? 0 : route.path.length)),
  }));
  return (method, target, headers) => {
    const url = new URL(target, "http://mock.invalid");
    const verb = method.toLowerCase();
    for (const { route, pattern, prefix } of ordered) {
      if (!route.methods.includes(verb) || !pattern.test(url.pathname)) continue;
      if (!meetsCondition(route.condition, url.searchParams, headers)) continue;
      return `${prefix}${url.pathname === "/" ? "" : url.pathname}${url.search}`;
    }
    return undefined;
  };
}

/**
 * @param {import("./path-fragment.js").FragmentCondition} condition
 * @param {URLSearchParams} query
 * @param {import("node:http").IncomingHttpHeaders} headers Node's: names in lower case
 */
function meetsCondition({ name, value }, query, headers) {
  if (value === undefined) return query.has(name);
  if (query.getAll(name).includes(value)) return true;
  const header = headers[name.toLowerCase()];
  const values = header === undefined ? [] : Array.isArray(header) ? header : [header];
  return values.some((each) => each.trim() === value);
}

/**
 * A path template as a regular expression: `{name}` stands for one non-empty segment.
 *
 * @param {string} template
 */
function templatePattern(template) {
  const parts = template.split(/(\{[^}/]*\})/);
  const source = parts
    .map((part, index) => (index % 2 === 1 ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${source}$`);
}
