import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { CommandSpec, OperationRef, OptionSpec } from "./command-spec.js";

/** A command line the tool cannot use; exits with the usage code. */
export class UsageError extends Error {
  override name = "UsageError";
}

export interface ParsedRequest {
  operation: OperationRef;
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  header: Record<string, unknown>;
  body: unknown;
  help: boolean;
}

/** Options every command takes besides its own. */
const COMMON = {
  data: { type: "string" },
  help: { type: "boolean", short: "h" },
  method: { type: "string" },
} as const;

/** Turns one option's text into its schema type; a wrong value names the option and what it expects. */
export function convertValue(option: OptionSpec, text: string): unknown {
  let value: unknown = text;
  if (option.type === "number" || option.type === "integer") {
    const number = Number(text);
    if (text.trim() === "" || !Number.isFinite(number) || (option.type === "integer" && !Number.isInteger(number))) {
      throw new UsageError(
        `--${option.name}: expected ${option.type === "integer" ? "an integer" : "a number"}, got ${JSON.stringify(text)}`,
      );
    }
    value = number;
  } else if (option.type === "boolean") {
    if (text !== "true" && text !== "false")
      throw new UsageError(`--${option.name}: expected true or false, got ${JSON.stringify(text)}`);
    value = text === "true";
  }
  if (option.enum && !option.enum.includes(value as string | number | boolean)) {
    throw new UsageError(
      `--${option.name}: expected one of ${option.enum.map((v) => JSON.stringify(v)).join(", ")}, got ${JSON.stringify(text)}`,
    );
  }
  return value;
}

/** Reads `--data`: inline JSON, `@file.json`, or `@-` for standard input. */
export function readData(text: string, readStdin: () => string): unknown {
  let source = text;
  let where = "--data";
  if (text.startsWith("@")) {
    const file = text.slice(1);
    where = file === "-" ? "--data @- (standard input)" : `--data @${file}`;
    try {
      source = file === "-" ? readStdin() : readFileSync(file, "utf8");
    } catch (error) {
      throw new UsageError(`${where}: cannot read it: ${(error as Error).message}`);
    }
  }
  try {
    return JSON.parse(source);
  } catch (error) {
    throw new UsageError(`${where}: not valid JSON: ${(error as Error).message}`);
  }
}

/** Sets `value` at `path` in `target`, creating objects on the way; refuses to go through a non-object. */
export function setPath(target: Record<string, unknown>, path: string[], value: unknown, option: string): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (next === undefined) node[key] = {};
    else if (typeof next !== "object" || next === null || Array.isArray(next)) {
      throw new UsageError(`--${option}: --data sets ${key} to a value that is not an object`);
    }
    node = node[key] as Record<string, unknown>;
  }
  node[path.at(-1) as string] = value;
}

/** Parses a command's arguments (after `<resource> <command>`) into the request it describes. */
export function parseCommand(spec: CommandSpec, argv: string[], readStdin: () => string): ParsedRequest {
  const options: Record<string, { type: "string" | "boolean"; multiple?: boolean; short?: string }> = { ...COMMON };
  for (const option of spec.options) options[option.name] = { type: "string", multiple: option.multiple };
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({ args: argv, options, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const first = spec.operations[0] as OperationRef;
  if (values.help) return { operation: first, path: {}, query: {}, header: {}, body: undefined, help: true };
  let operation = first;
  if (values.method !== undefined) {
    const method = String(values.method).toUpperCase();
    const chosen = spec.operations.find((op) => op.method === method);
    if (!chosen) {
      throw new UsageError(
        `--method: expected ${spec.operations.map((op) => op.method).join(" or ")}, got ${JSON.stringify(values.method)}`,
      );
    }
    operation = chosen;
  }
  const request: ParsedRequest = { operation, path: {}, query: {}, header: {}, body: undefined, help: false };
  let body: unknown;
  if (values.data !== undefined) {
    if (spec.body === "none") throw new UsageError("--data: this command sends no body");
    body = readData(String(values.data), readStdin);
  }
  for (const option of spec.options) {
    const given = values[option.name] as string | string[] | undefined;
    if (given === undefined) continue;
    const value = Array.isArray(given) ? given.map((text) => convertValue(option, text)) : convertValue(option, given);
    if (option.in === "body") {
      if (body === undefined) body = {};
      if (typeof body !== "object" || body === null || Array.isArray(body)) {
        throw new UsageError(`--${option.name}: --data is not a JSON object, so no field can be set on it`);
      }
      setPath(body as Record<string, unknown>, option.key, value, option.name);
    } else {
      request[option.in][option.key[0] as string] = value;
    }
  }
  const missing = spec.options
    .filter(
      (option) => option.required && option.in !== "body" && request[option.in][option.key[0] as string] === undefined,
    )
    .map((option) => `--${option.name}`);
  if (spec.bodyRequired && body === undefined) missing.push("a body (--data or the body options)");
  if (missing.length > 0) throw new UsageError(`missing ${missing.join(", ")}`);
  request.body = body;
  return request;
}
