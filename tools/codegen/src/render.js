// @ts-check
import { isIdentifier } from "./naming.js";

/**
 * A JavaScript/TypeScript literal for a JSON value, laid out like hand-written code: unquoted
 * keys where they are identifiers, two-space indentation, one property per line.
 *
 * @param {unknown} value
 * @param {string} [indent] the indentation of the line the literal starts on
 * @returns {string}
 */
export function tsLiteral(value, indent = "") {
  if (value === null || typeof value !== "object") return value === undefined ? "undefined" : JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[\n${value.map((item) => `${inner}${tsLiteral(item, inner)},`).join("\n")}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return "{}";
  // A small flat object reads better on one line: `{ method: "PUT" }`.
  const flat = entries.every(([, item]) => item === null || typeof item !== "object");
  const oneLine = `{ ${entries.map(([key, item]) => `${propertyKey(key)}: ${tsLiteral(item)}`).join(", ")} }`;
  if (flat && entries.length <= 3 && oneLine.length <= 60) return oneLine;
  const lines = entries.map(([key, item]) => `${inner}${propertyKey(key)}: ${tsLiteral(item, inner)},`);
  return `{\n${lines.join("\n")}\n${indent}}`;
}

/** @param {string} key */
export function propertyKey(key) {
  return isIdentifier(key) || /^(0|[1-9][0-9]*)$/.test(key) ? key : JSON.stringify(key);
}

/**
 * A JSDoc block from lines of text (a summary, a description, ...), safe against `*\/` in them.
 *
 * @param {Array<string | undefined>} paragraphs
 * @param {string} indent
 */
export function jsDoc(paragraphs, indent = "") {
  const lines = paragraphs
    .filter((text) => typeof text === "string" && text.trim() !== "")
    .flatMap((text, index) => [...(index > 0 ? [""] : []), ...String(text).trim().split("\n")])
    .map((line) => line.replaceAll("*/", "*\\/").trimEnd());
  if (lines.length === 0) return "";
  return `${indent}/**\n${lines.map((line) => (line ? `${indent} * ${line}` : `${indent} *`)).join("\n")}\n${indent} */\n`;
}

/** A double-quoted shell word (`$VAR` still expands): escapes `\`, `"` and backticks. @param {string} text */
export function shellDoubleQuoted(text) {
  return `"${text.replace(/[\\"`]/g, "\\$&")}"`;
}

/** Quotes a literal value for a double-quoted shell word: `$` is escaped too. @param {string} text */
export function shellLiteral(text) {
  return `"${text.replace(/[\\"`$]/g, "\\$&")}"`;
}

/** A single-quoted shell word. @param {string} text */
export function shellSingleQuoted(text) {
  return `'${text.replaceAll("'", "'\\''")}'`;
}
