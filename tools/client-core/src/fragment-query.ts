// Some documents (AWS's, in particular) key an operation by a path holding a URI fragment:
// `/#X-Amz-Target=Service.Action`, `/#Action=AssumeRole`, `/v1/things/{id}/export#type`. The
// fragment only tells operations on the same path apart; the wire request is the path before it.
// openapi-fetch appends the query string after the whole path, which puts it inside the fragment
// (`/#Action=AssumeRole?Version=2011-06-15`), and a fragment is never sent: the query would be
// lost. This moves it back in front of the fragment, where a URL carries its query.

/**
 * `https://h/p#frag?a=1` → `https://h/p?a=1#frag` (joined with `&` to a query already before the
 * fragment). A URL without a fragment, or whose fragment holds no `?`, is returned as it is.
 */
export function queryBeforeFragment(url: string): string {
  const hash = url.indexOf("#");
  if (hash === -1) return url;
  const question = url.indexOf("?", hash);
  if (question === -1) return url;
  const query = url.slice(question + 1);
  const beforeFragment = url.slice(0, hash);
  const fragment = url.slice(hash, question);
  if (query === "") return beforeFragment + fragment;
  const joiner = beforeFragment.includes("?") ? (beforeFragment.endsWith("?") ? "" : "&") : "?";
  return `${beforeFragment}${joiner}${query}${fragment}`;
}
