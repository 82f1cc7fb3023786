// @ts-check
// Some documents key operations by a path holding a URI fragment, AWS's above all:
// `/#X-Amz-Target=Service.Action`, `/#Action=AssumeRole`, `/things/{id}/export#type`. The fragment
// only tells operations on the same path apart (by a header, or a query parameter, the request
// carries); the request itself goes to the path before it, and a URL's fragment is never sent.
// Whatever derives a request URL or a name from a path key reads it through this.

/**
 * A path key split at its fragment: `/things/{id}/export#type` → `{ path: "/things/{id}/export",
 * fragment: "type" }`. `path` is `/` for a key that is only a fragment (`/#Action=AssumeRole`, or
 * `#Action=AssumeRole`); `fragment` is undefined for a key without one.
 *
 * @param {string} key
 * @returns {{ path: string, fragment: string | undefined }}
 */
export function splitPathFragment(key) {
  const hash = key.indexOf("#");
  if (hash === -1) return { path: key, fragment: undefined };
  return { path: key.slice(0, hash) || "/", fragment: key.slice(hash + 1) };
}

/**
 * The path a request for an operation keyed by `key` goes to: the key without its fragment.
 *
 * @param {string} key
 */
export function pathBeforeFragment(key) {
  return splitPathFragment(key).path;
}
