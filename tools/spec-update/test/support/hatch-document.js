// @ts-check
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { FIXTURES } from "./paths.js";

/** @type {string[]} */
const dirs = [];

/** Hatch-style document with today's wire content (test/fixtures/hatch-today.yaml), as a plain object. */
export function hatchToday() {
  return /** @type {Record<string, any>} */ (parse(readFileSync(join(FIXTURES, "hatch-today.yaml"), "utf8")));
}

/**
 * Writes a variant of Hatch's document to a temp file and returns its path.
 *
 * @param {(document: Record<string, any>) => void} edit
 * @param {{ json?: boolean }} [options]
 */
export function hatchVariant(edit, options = {}) {
  const document = hatchToday();
  edit(document);
  const dir = mkdtempSync(join(tmpdir(), "hatch-doc-"));
  dirs.push(dir);
  const path = join(dir, options.json ? "openapi.json" : "openapi.yaml");
  writeFileSync(path, options.json ? JSON.stringify(document, null, 2) : stringify(document));
  return path;
}

/**
 * Writes `text` as-is to a temp file (for broken documents).
 *
 * @param {string} text
 */
export function rawDocument(text, name = "openapi.yaml") {
  const dir = mkdtempSync(join(tmpdir(), "hatch-doc-"));
  dirs.push(dir);
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

export function removeHatchDocuments() {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** @param {Record<string, any>} document */
export const contactParams = (document) => document.components.schemas.ContactParams;
