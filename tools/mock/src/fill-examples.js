// @ts-check
// Prism's static answers come from a response's example, or else from its schema with `pattern`,
// `format` and most bounds ignored, and Prism then reports its own answer as breaking the spec
// (161 of 217 contract tests failed so on one public document). Where the document gives no
// example, the mock serves the one the generators already derive from the schema (a string its
// `pattern` matches, a value of its `format`, within its bounds, the first `enum` value), when
// that one conforms to the schema.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { conformsTo, mediaExample } from "@sdkit/codegen";
import { derefOrRef, isJsonMedia, isObject, readSpecFile } from "@sdkit/openapi";
import { responsesOf } from "./document-operations.js";
import { spellOutFormEncoding } from "./form-encoding.js";
import { dropFramingHeaders } from "./framing-headers.js";
import { generatableFormats } from "./generatable-formats.js";
import { writeStructuredHeaderExamples } from "./header-examples.js";
import { wellFormedContentKeys } from "./media-type-keys.js";
import { looseParameterAlternatives } from "./parameter-alternatives.js";
import { routeFragmentPaths } from "./path-fragment.js";
import { openSchemaKnots } from "./schema-cycles.js";
import { serveStructuredBodies, textRequestBodies } from "./structured-text-media.js";
import { typeUntypedNullables } from "./untyped-nullable.js";

/**
 * Adds a derived `example` to every JSON response media type that has none (in place).
 *
 * @param {Record<string, any>} spec
 * @returns {number} how many examples were added
 */
export function fillResponseExamples(spec) {
  let added = 0;
  for (const response of responsesOf(spec)) {
    if (!isObject(response.content)) continue;
    for (const [mediaType, media] of Object.entries(response.content)) {
      if (!isJsonMedia(mediaType) || !isObject(media) || !isObject(media.schema)) continue;
      if (media.example !== undefined || (isObject(media.examples) && Object.keys(media.examples).length > 0)) continue;
      const schema = derefOrRef(spec, media.schema);
      // A schema's own example is Prism's first choice already.
      if (!isObject(schema) || schema.example !== undefined || Array.isArray(schema.examples)) continue;
      const value = mediaExample(spec, media);
      if (value === undefined || !conformsTo(spec, media.schema, value)) continue;
      media.example = value;
      added++;
    }
  }
  return added;
}

/**
 * The spec Prism serves: a copy with media type keys well-formed (see media-type-keys.js),
 * structured bodies made servable (when `bodies`, see structured-text-media.js), derived examples
 * (when `examples`), form encodings spelled out (see form-encoding.js), text request bodies taken
 * as text (structured-text-media.js), framing headers undeclared (framing-headers.js), array and
 * object response headers given an example as their text (header-examples.js), parameters'
 * `oneOf` read as `anyOf` (parameter-alternatives.js), untyped `nullable` in a form Prism compiles
 * (untyped-nullable.js), fragment paths made routable (when `fragments`, see path-fragment.js) and
 * knots of schema cycles opened (schema-cycles.js), when any of them changed anything, in a
 * temporary folder removed by `cleanup`; else the spec itself. `fragmentRoutes` are what the front
 * proxy routes by.
 *
 * @param {string} specPath
 * @param {{ examples?: boolean, fragments?: boolean, bodies?: boolean }} [options] `examples`: fill
 *   response examples (static mocking only); `fragments`: route fragment paths (only with the mock's
 *   front proxy); `bodies`: answer structured bodies in media types Prism cannot write them in
 *   (mocking only: a proxy validates the real server's answers against the document as it is)
 * @returns {Promise<{ path: string, added: number, encodings: number, bodies: number, opened: number,
 *   fragmentRoutes: import("./path-fragment.js").FragmentRoute[], cleanup: () => Promise<void> }>}
 */
export async function specWithExamples(specPath, { examples = true, fragments = false, bodies = false } = {}) {
  const { document } = await readSpecFile(specPath);
  const unchanged = {
    path: specPath,
    added: 0,
    encodings: 0,
    bodies: 0,
    opened: 0,
    fragmentRoutes: [],
    cleanup: async () => {},
  };
  if (!isObject(document)) return unchanged;
  const mediaKeys = wellFormedContentKeys(document);
  // Before the examples: a media range served as JSON gets a derived JSON example like any other.
  const servedBodies = bodies ? serveStructuredBodies(document) : 0;
  const added = examples ? fillResponseExamples(document) : 0;
  const encodings = spellOutFormEncoding(document);
  const textRequests = textRequestBodies(document);
  const framing = dropFramingHeaders(document);
  const headerExamples = writeStructuredHeaderExamples(document);
  // After the examples, which are derived from the schemas as the document writes them.
  const parameters = looseParameterAlternatives(document);
  const nullables = typeUntypedNullables(document);
  const formats = generatableFormats(document);
  const fragmentRoutes = fragments ? routeFragmentPaths(document) : [];
  // Last: the examples above are derived from the schemas as the document writes them.
  const knots = openSchemaKnots(document);
  if (
    mediaKeys === 0 &&
    servedBodies === 0 &&
    added === 0 &&
    encodings === 0 &&
    textRequests === 0 &&
    framing === 0 &&
    headerExamples === 0 &&
    parameters === 0 &&
    nullables === 0 &&
    formats === 0 &&
    fragmentRoutes.length === 0 &&
    knots.opened === 0
  )
    return unchanged;
  const dir = await mkdtemp(join(tmpdir(), "sdkit-mock-"));
  const path = join(dir, "openapi.json");
  await writeFile(path, JSON.stringify(document));
  return {
    path,
    added,
    encodings,
    bodies: servedBodies,
    opened: knots.opened,
    fragmentRoutes,
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
