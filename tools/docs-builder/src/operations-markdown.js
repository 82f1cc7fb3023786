// @ts-check
import { securityRequirementsOf } from "@sdkit/openapi";
import { deref, flattenSchema, typeLabel } from "./openapi-schema.js";
import { operationsInDocumentOrder } from "./operations.js";

/**
 * The reference as Markdown, for `reference.md` and `llms-full.txt`: every operation with its
 * parameters, request body fields, responses (with their body fields and headers) and code
 * samples. Built from the docs bundle, so the samples are the ones the reference shows and the
 * tests type-check.
 *
 * @param {any} docsSpec the spec with x-codeSamples
 * @param {{ headingLevel?: number, referenceUrl?: (operationId: string) => string }} [options] `headingLevel` of each
 *   operation (its parts go one level deeper)
 */
export function operationsMarkdown(docsSpec, { headingLevel = 2, referenceUrl } = {}) {
  const h = (/** @type {number} */ extra) => "#".repeat(Math.min(headingLevel + extra, 6));
  const out = [];
  for (const { operationId, method, path } of operationsInDocumentOrder(docsSpec)) {
    const operation = docsSpec.paths[path][method];
    const pathItem = docsSpec.paths[path];
    out.push(`${h(0)} ${operation.summary ?? operationId}`, "");
    out.push(`\`${method.toUpperCase()} ${path}\` (operationId \`${operationId}\`)`, "");
    if (referenceUrl) out.push(`In the reference: ${referenceUrl(operationId)}`, "");
    if (operation.deprecated) out.push("**Deprecated.**", "");
    if (typeof operation.description === "string") out.push(operation.description.trim(), "");
    out.push(...securityLines(docsSpec, operation));

    const parameters = [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])]
      .map((parameter) => deref(docsSpec, parameter))
      .filter((parameter) => parameter && typeof parameter.name === "string");
    if (parameters.length > 0) {
      out.push(
        `${h(1)} Parameters`,
        "",
        "| name | in | type | required | description |",
        "| --- | --- | --- | --- | --- |",
      );
      for (const parameter of parameters) {
        const schema = deref(docsSpec, parameter.schema);
        out.push(
          row([
            code(parameter.name),
            parameter.in ?? "",
            typeLabel(docsSpec, schema),
            parameter.required ? "yes" : "no",
            oneLine(parameter.description),
          ]),
        );
      }
      out.push("");
    }

    const body = deref(docsSpec, operation.requestBody);
    if (body && typeof body === "object" && body.content) {
      out.push(`${h(1)} Request body`, "");
      if (typeof body.description === "string") out.push(oneLine(body.description), "");
      for (const [mediaType, media] of Object.entries(body.content)) {
        out.push(`Content type \`${mediaType}\`${body.required ? ", required" : ""}.`, "");
        out.push(...fieldsTable(docsSpec, /** @type {any} */ (media)?.schema));
      }
    }

    out.push(`${h(1)} Responses`, "");
    for (const [status, raw] of Object.entries(operation.responses ?? {})) {
      const response = deref(docsSpec, raw);
      out.push(`${h(2)} ${status}`, "");
      if (typeof response?.description === "string") out.push(oneLine(response.description), "");
      const headers = Object.entries(response?.headers ?? {});
      if (headers.length > 0) {
        out.push("| header | type | description |", "| --- | --- | --- |");
        for (const [name, header] of /** @type {Array<[string, any]>} */ (headers)) {
          const resolved = deref(docsSpec, header);
          out.push(
            row([code(name), typeLabel(docsSpec, deref(docsSpec, resolved?.schema)), oneLine(resolved?.description)]),
          );
        }
        out.push("");
      }
      for (const [mediaType, media] of Object.entries(response?.content ?? {})) {
        out.push(`Content type \`${mediaType}\`.`, "");
        out.push(...fieldsTable(docsSpec, /** @type {any} */ (media)?.schema));
        const example = exampleOf(docsSpec, media);
        if (example !== undefined) out.push("Example:", "", fence("json", JSON.stringify(example, null, 2)), "");
      }
    }

    const samples = Array.isArray(operation["x-codeSamples"]) ? operation["x-codeSamples"] : [];
    for (const sample of samples) {
      if (typeof sample?.source !== "string") continue;
      out.push(`${h(1)} ${sample.label ?? sample.lang} sample`, "", fence(sample.lang ?? "", sample.source), "");
    }
  }
  return out.join("\n");
}

/**
 * @param {any} spec
 * @param {any} operation
 */
function securityLines(spec, operation) {
  const requirements = securityRequirementsOf(spec, operation);
  if (requirements.length === 0) return ["Authentication: none.", ""];
  const names = requirements.flatMap((requirement) => Object.keys(requirement));
  const described = names.map((/** @type {string} */ name) => {
    const scheme = deref(spec, spec.components?.securitySchemes?.[name]);
    if (scheme?.type === "http" && scheme.scheme === "bearer") return "`Authorization: Bearer <api key>`";
    if (scheme?.type === "apiKey") return `API key in the ${scheme.in} \`${scheme.name}\``;
    return `\`${name}\``;
  });
  return [`Authentication: ${described.join(" or ")}.`, ""];
}

/**
 * @param {any} spec
 * @param {any} schema
 */
function fieldsTable(spec, schema) {
  const fields = flattenSchema(spec, schema);
  if (fields.length === 0) {
    const resolved = deref(spec, schema);
    return resolved ? [`Body: ${typeLabel(spec, resolved)}.`, ""] : [];
  }
  const lines = ["| field | type | required | description |", "| --- | --- | --- | --- |"];
  for (const field of fields) {
    const type = field.nullable ? `${field.type}, nullable` : field.type;
    lines.push(row([code(field.name), type, field.required ? "yes" : "no", field.description]));
  }
  return [...lines, ""];
}

/**
 * @param {any} spec
 * @param {any} media
 */
function exampleOf(spec, media) {
  if (!media || typeof media !== "object") return undefined;
  if (media.example !== undefined) return media.example;
  const first = Object.values(media.examples ?? {})[0];
  return deref(spec, first)?.value;
}

/** @param {unknown} text */
function oneLine(text) {
  return typeof text === "string" ? text.trim().replace(/\s*\n\s*/g, " ") : "";
}

/** @param {string} text */
function code(text) {
  return `\`${text}\``;
}

/** @param {string[]} cells */
function row(cells) {
  return `| ${cells.map((cell) => cell.replaceAll("|", "\\|")).join(" | ")} |`;
}

/**
 * A fence longer than any backtick run in the code, so a sample with ``` in it stays whole.
 *
 * @param {string} lang
 * @param {string} source
 */
function fence(lang, source) {
  const longest = Math.max(2, ...[...source.matchAll(/`+/g)].map((match) => match[0].length));
  const marks = "`".repeat(longest + 1);
  return `${marks}${lang}\n${source.trimEnd()}\n${marks}`;
}
