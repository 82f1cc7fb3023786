import type { CliConfig, CommandSpec } from "./command-spec.js";
import { EXIT } from "./exit-codes.js";

/** Wraps prose to `width` columns after `indent`. */
function wrap(text: string, indent: string, width = 88): string {
  const lines: string[] = [];
  for (const paragraph of text.trim().split(/\n\s*\n/)) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && indent.length + line.length + 1 + word.length > width) {
        lines.push(indent + line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) lines.push(indent + line);
    lines.push("");
  }
  return lines.join("\n").trimEnd();
}

/** `<bin> --help`: every command with its summary, and where the key comes from. */
export function toolHelp(config: CliConfig, commands: readonly CommandSpec[]): string {
  const width = Math.max(...commands.map((c) => c.resource.length + c.command.length + 1), 8);
  const rows = commands.map((c) => `  ${`${c.resource} ${c.command}`.padEnd(width)}  ${c.summary ?? ""}`.trimEnd());
  for (const i of config.imports) {
    rows.push(
      `  ${`${i.resource} ${i.command}`.padEnd(width)}  Sends each row of a CSV or NDJSON file with ${i.target.resource} ${i.target.command}`,
    );
  }
  return [
    `${config.bin}: the ${config.title} API from the command line (${config.packageName} ${config.version})`,
    "",
    `Usage: ${config.bin} <resource> <command> [options]`,
    `       ${config.bin} <resource> <command> --help`,
    "",
    "Commands:",
    ...rows,
    "",
    ...authLines(config),
    `The API's base URL may be changed with ${config.baseUrlEnv} (a mock or staging server).`,
    "",
    "Prints the response body as JSON on stdout; errors go to stderr as JSON, with an exit code per",
    `error class: ${exitSummary()}.`,
  ].join("\n");
}

function authLines(config: CliConfig): string[] {
  if (!config.apiKeyEnv) return [];
  return [`The API key is read from ${config.apiKeyEnv} (never from a flag). ${config.apiKeyHelp ?? ""}`.trimEnd(), ""];
}

function exitSummary(): string {
  return Object.entries(EXIT)
    .map(([name, code]) => `${code} ${name}`)
    .join(", ");
}

/** `<bin> <resource> <command> --help`: the operation's summary and description, and every option. */
export function commandHelp(config: CliConfig, spec: CommandSpec): string {
  const lines = [`Usage: ${config.bin} ${spec.resource} ${spec.command} [options]`, ""];
  if (spec.summary) lines.push(wrap(spec.summary, "  "), "");
  if (spec.description && spec.description.trim() !== spec.summary?.trim())
    lines.push(wrap(spec.description, "  "), "");
  lines.push(`  ${spec.operations.map((op) => `${op.method} ${op.path} (${op.operationId})`).join(", ")}`, "");
  lines.push("Options:");
  for (const option of spec.options) {
    const type = option.enum ? option.enum.map((v) => String(v)).join("|") : option.type;
    const flags = [
      option.required ? "required" : "",
      option.multiple ? "repeatable" : "",
      option.in === "body" ? "" : `${option.in} parameter`,
    ]
      .filter(Boolean)
      .join(", ");
    lines.push(`  --${option.name} <${type}>${flags ? `  (${flags})` : ""}`);
    if (option.description) lines.push(wrap(option.description, "      "));
  }
  if (spec.body !== "none") {
    lines.push(
      "  --data <json|@file.json|@->",
      "      The whole body as JSON (inline, from a file, or from standard input); options above override its fields.",
    );
  }
  if (spec.operations.length > 1) {
    lines.push(
      `  --method <${spec.operations.map((op) => op.method).join("|")}>`,
      `      Which operation to call (default ${spec.operations[0]?.method}).`,
    );
  }
  lines.push("  -h, --help", "      This help.");
  return lines.join("\n");
}
