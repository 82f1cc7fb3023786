// @ts-check
// The docs site works offline: it loads nothing from another host. Real documents carry remote
// assets anyway (the API directory adds an `x-logo` image URL to nearly every document; descriptions
// embed images by URL). Rather than fail the build on the document's own content, each is dropped
// (a logo) or replaced by a plain link to it (an image in a description), with a warning naming it.

/** An absolute or protocol-relative URL: loading it reaches another host. */
const REMOTE = /^\s*(?:[a-z][a-z0-9+.-]*:)?\/\//i;

/**
 * @typedef {{ pointer: string, url: string, action: string }} RemoteAsset
 */

/** @param {string} segment */
const escapeSegment = (segment) => segment.replaceAll("~", "~0").replaceAll("/", "~1");

/**
 * Markdown images `![alt](url "title")` and HTML `<img src=…>` with a remote URL become links.
 *
 * @param {string} text
 * @param {(url: string) => void} found
 */
export function unlinkRemoteImages(text, found) {
  return text
    .replace(/!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g, (whole, alt, url) => {
      if (!REMOTE.test(url)) return whole;
      found(url);
      return `[${alt || "image"}](${url})`;
    })
    .replace(/<img\b[^>]*?\bsrc\s*=\s*(["']?)([^"'\s>]+)\1[^>]*>/gi, (whole, _quote, url) => {
      if (!REMOTE.test(url)) return whole;
      found(url);
      const alt = /\balt\s*=\s*(["'])(.*?)\1/i.exec(whole)?.[2];
      return `<a href="${url}">${alt || "image"}</a>`;
    });
}

/**
 * Removes the remote assets of a docs bundle in place: an `x-logo` whose `url` is remote, and
 * remote images in every `description`. Returns what it removed, for the build's warnings.
 *
 * @param {any} spec
 * @returns {RemoteAsset[]}
 */
export function dropRemoteAssets(spec) {
  /** @type {RemoteAsset[]} */
  const removed = [];
  /** @param {any} node @param {string} pointer */
  const walk = (node, pointer) => {
    if (node === null || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      const at = `${pointer}/${escapeSegment(key)}`;
      if (
        key === "x-logo" &&
        value &&
        typeof value === "object" &&
        typeof value.url === "string" &&
        REMOTE.test(value.url)
      ) {
        removed.push({ pointer: at, url: value.url, action: "dropped" });
        delete node[key];
      } else if (key === "description" && typeof value === "string") {
        node[key] = unlinkRemoteImages(value, (url) =>
          removed.push({ pointer: at, url, action: "replaced by a link" }),
        );
      } else walk(value, at);
    }
  };
  walk(spec, "");
  return removed;
}

/**
 * The build's warning lines: one per asset (the first few), so the author knows what to host locally.
 *
 * @param {RemoteAsset[]} removed
 */
export function remoteAssetWarnings(removed) {
  if (removed.length === 0) return [];
  return [
    `docs: ${removed.length} remote asset(s) in the document, not loaded by the offline site (host them with the docs to show them):`,
    ...removed.slice(0, 10).map((asset) => `  #${asset.pointer}: ${asset.url} (${asset.action})`),
    ...(removed.length > 10 ? [`  … and ${removed.length - 10} more`] : []),
  ];
}
