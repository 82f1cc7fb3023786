// @ts-check
import { operationsInDocumentOrder } from "./operations.js";

/**
 * The spec as Redoc gets it: the guide (`info.description`) is replaced by a short note that links
 * to the guide page. The guide page is rendered from `info.description` itself, so the text has
 * one source and the reference opens at the operations instead of repeating it.
 *
 * @param {any} docsSpec the docs bundle (the spec with x-codeSamples)
 * @param {string[]} [guideTopics] the guide's sections, named in the note
 * @returns {any} a copy
 */
export function referenceSpec(docsSpec, guideTopics = []) {
  const spec = structuredClone(docsSpec);
  spec.info = { ...spec.info, description: referenceIntro(guideTopics) };
  return spec;
}

/**
 * What the top of the reference says instead of the guide: where the guide is (and what it
 * covers: its sections), and what the reference's own search covers (the operations only).
 *
 * @param {string[]} [guideTopics]
 */
export function referenceIntro(guideTopics = []) {
  const covers = guideTopics.length > 0 ? ` (${guideTopics.join(", ")})` : "";
  return [
    "Every operation, with its fields, responses and TypeScript and curl samples.",
    `New here? Read the [guide](index.html) first${covers}, then the [quick start](quick-start.html).`,
    "The search box on this page covers the operations only; [search the whole site](search.html) " +
      "to include the guide and the quick start. Everything is also in one file: [llms-full.txt](llms-full.txt).",
  ].join("\n\n");
}

/**
 * Redoc 3's own slug of a tag (its router lower-cases every route).
 *
 * @param {string} name
 */
export function tagSlug(name) {
  return (
    name
      .toLowerCase()
      .trim()
      .replace(/&/g, "-and-")
      .replace(/[^\p{Letter}\p{Number}\s._~-]/gu, "")
      .replace(/\s+/g, "-")
      .replace(/--+/g, "-")
      .replace(/^-+|-+$/g, "") || "tag"
  );
}

/**
 * @typedef {object} ReferenceRoute
 * @property {string} route the path Redoc puts in its links' `href`, e.g. `/pets/addpet`
 * @property {string} title what the route shows, for the stub page
 * @property {string} [operationId] set on operation routes
 */

/**
 * The routes of the reference that have a link a reader can copy: one per tag and one per
 * operation under each of its tags. Redoc's links are paths (`/pets/addpet`) that only
 * its client-side router knows; the build writes a small page at each of them (see
 * `routeStubFiles`) so a pasted link opens the same view on any static host. The browser test
 * compares this list with the links of the rendered page.
 *
 * @param {any} spec
 * @returns {ReferenceRoute[]}
 */
export function referenceRoutes(spec) {
  /** @type {Map<string, ReferenceRoute>} */
  const routes = new Map();
  const add = (/** @type {ReferenceRoute} */ route) => {
    if (!routes.has(route.route)) routes.set(route.route, route);
  };
  for (const tag of spec.tags ?? []) {
    if (typeof tag?.name === "string") add({ route: `/${tagSlug(tag.name)}`, title: tag.name });
  }
  for (const { operationId, method, path } of operationsInDocumentOrder(spec)) {
    const operation = spec.paths[path][method];
    const tags = Array.isArray(operation.tags) && operation.tags.length > 0 ? operation.tags : ["other"];
    for (const tag of tags) {
      add({ route: `/${tagSlug(tag)}`, title: tag });
      add({
        route: `/${tagSlug(tag)}/${operationId.replaceAll("\\", "%5C").toLowerCase()}`,
        title: operation.summary ?? `${method.toUpperCase()} ${path}`,
        operationId,
      });
    }
  }
  return [...routes.values()];
}
