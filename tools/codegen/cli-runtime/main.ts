import type { Readable } from "node:stream";
import { parseArgs } from "node:util";
import { type ParsedRequest, parseCommand, UsageError } from "./arguments.js";
import { type BulkSettings, type Fetch, ROW_HEADER, runBulk } from "./bulk.js";
import type { CliConfig, CommandSpec } from "./command-spec.js";
import { classifyStatus, classifyThrown, EXIT } from "./exit-codes.js";
import { commandHelp, toolHelp } from "./help.js";

/** The part of the generated client the tool uses: openapi-fetch's method-per-verb surface. */
export type GenericCall = (
  path: string,
  init: { params: { path: unknown; query: unknown; header: unknown }; body?: unknown },
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
export type GenericClient = Record<string, GenericCall>;

/** What a bulk run creates its client with. */
export interface ClientSettings {
  fetch?: Fetch;
  rateLimit?: { limit: number; intervalMs: number } | false;
}

export interface Io {
  argv: string[];
  /** Standard input as a stream (bulk mode reads `-` from it). */
  stdin?: Readable;
  /** Whether stderr is a terminal (bulk mode redraws a progress line). */
  stderrIsTTY?: boolean;
  /** Ctrl-C: a bulk run stops starting rows, lets those in flight finish and writes its journal. */
  signal?: AbortSignal;
  env: Record<string, string | undefined>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => string;
}

/** JSON:API error items' pointers → messages, by the pointer's last segment (as the client's ValidationError). */
function fieldErrors(body: unknown): Record<string, string[]> | undefined {
  const errors = (body as { errors?: unknown })?.errors;
  if (!Array.isArray(errors)) return undefined;
  const fields: Record<string, string[]> = {};
  for (const item of errors) {
    const pointer = item?.source?.pointer;
    if (typeof pointer !== "string") continue;
    const field = pointer.split("/").filter(Boolean).at(-1) ?? pointer;
    const messages = fields[field] ?? [];
    messages.push(String(item.detail ?? item.title ?? "invalid"));
    fields[field] = messages;
  }
  return Object.keys(fields).length > 0 ? fields : undefined;
}

function requestIdOf(headers: Headers): string | undefined {
  for (const name of ["x-request-id", "request-id"]) {
    const value = headers.get(name);
    if (value) return value;
  }
  return undefined;
}

/**
 * Runs the tool on one command line and returns its exit code. Everything it prints goes through
 * `io`, so tests run it in-process as well as through the built bin.
 */
export async function runCli(
  config: CliConfig,
  commands: readonly CommandSpec[],
  createClient: (settings?: ClientSettings) => GenericClient,
  io: Io,
): Promise<number> {
  const fail = (code: number, error: Record<string, unknown>) => {
    io.stderr(`${JSON.stringify({ error }, null, 2)}\n`);
    return code;
  };
  const [resource, command, ...rest] = io.argv;
  if (resource === undefined || resource === "--help" || resource === "-h" || resource === "help") {
    (resource === undefined ? io.stderr : io.stdout)(`${toolHelp(config, commands)}\n`);
    return resource === undefined ? EXIT.usage : EXIT.ok;
  }
  if (resource === "--version") {
    io.stdout(`${config.version}\n`);
    return EXIT.ok;
  }
  const alias = config.imports.find((i) => i.resource === resource && i.command === command);
  const bulkTarget = alias
    ? commands.find((c) => c.resource === alias.target.resource && c.command === alias.target.command)
    : rest.includes("--bulk") || rest.some((a) => a.startsWith("--bulk="))
      ? commands.find((c) => c.resource === resource && c.command === command && c.body === "object")
      : undefined;
  if (bulkTarget) {
    try {
      return await runBulkCommand(
        config,
        bulkTarget,
        `${resource} ${command}`,
        rest,
        Boolean(alias),
        alias?.unknownInto,
        createClient,
        io,
        fail,
      );
    } catch (error) {
      if (error instanceof UsageError) {
        return fail(EXIT.usage, {
          class: "UsageError",
          message: `${error.message} (see ${config.bin} ${resource} ${command} --help)`,
        });
      }
      throw error;
    }
  }
  const spec = commands.find((c) => c.resource === resource && c.command === command);
  if (!spec) {
    const known = commands.filter((c) => c.resource === resource).map((c) => c.command);
    const message =
      known.length > 0
        ? `unknown command "${resource} ${command ?? ""}": ${resource} has ${known.join(", ")}`
        : `unknown resource "${resource}": run ${config.bin} --help for the commands`;
    return fail(EXIT.usage, { class: "UsageError", message });
  }
  let request: ParsedRequest;
  try {
    request = parseCommand(spec, rest, io.readStdin);
  } catch (error) {
    if (error instanceof UsageError) {
      return fail(EXIT.usage, {
        class: "UsageError",
        message: `${error.message} (see ${config.bin} ${resource} ${command} --help)`,
      });
    }
    throw error;
  }
  if (request.help) {
    io.stdout(`${commandHelp(config, spec)}\n`);
    return EXIT.ok;
  }
  if (config.apiKeyEnv && !io.env[config.apiKeyEnv]) {
    const message = `no API key: set ${config.apiKeyEnv}. ${config.apiKeyHelp ?? ""}`.trim();
    return fail(EXIT.auth, { class: `${config.errorPrefix}Error`, message });
  }
  const { operation } = request;
  try {
    const client = createClient();
    const call = client[operation.method] as GenericCall;
    const init: Parameters<GenericCall>[1] = {
      params: { path: request.path, query: request.query, header: request.header },
    };
    if (request.body !== undefined) init.body = request.body;
    const { data, error, response } = await call(operation.path, init);
    if (response.ok) {
      if (data !== undefined) io.stdout(`${JSON.stringify(data, null, 2)}\n`);
      return EXIT.ok;
    }
    const { errorClass, code } = classifyStatus(response.status, config.errorPrefix);
    const items = (error as { errors?: unknown })?.errors;
    const first = Array.isArray(items) ? items[0] : undefined;
    return fail(code, {
      class: errorClass,
      status: response.status,
      message: String(
        first?.detail ?? first?.title ?? `${operation.method} ${operation.path} answered ${response.status}`,
      ),
      requestId: requestIdOf(response.headers),
      fieldErrors: fieldErrors(error),
      body: error,
    });
  } catch (error) {
    const { errorClass, code } = classifyThrown(error, config.errorPrefix);
    return fail(code, { class: errorClass, message: error instanceof Error ? error.message : String(error) });
  }
}

const BULK_OPTIONS = {
  bulk: { type: "string" },
  format: { type: "string" },
  map: { type: "string", multiple: true },
  "unknown-into": { type: "string" },
  concurrency: { type: "string" },
  journal: { type: "string" },
  rejects: { type: "string" },
  "resend-in-doubt": { type: "boolean" },
  "progress-every": { type: "string" },
  "rate-limit": { type: "string" },
  method: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/** `--rate-limit 50/1000` (requests per milliseconds) or `off`; undefined keeps the client's default. */
function rateLimitOf(text: string | undefined): ClientSettings["rateLimit"] {
  if (text === undefined) return undefined;
  if (text === "off") return false;
  const match = /^(\d+)\/(\d+)$/.exec(text);
  if (!match)
    throw new UsageError(`--rate-limit: expected <requests>/<milliseconds> or off, got ${JSON.stringify(text)}`);
  return { limit: Number(match[1]), intervalMs: Number(match[2]) };
}

/** Bulk mode: `<command> --bulk <file>`, or a named import (`orders import <file>`). */
async function runBulkCommand(
  config: CliConfig,
  spec: CommandSpec,
  invoked: string,
  argv: string[],
  positional: boolean,
  defaultUnknownInto: string | undefined,
  createClient: (settings?: ClientSettings) => GenericClient,
  io: Io,
  fail: (code: number, error: Record<string, unknown>) => number,
): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof BULK_OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: BULK_OPTIONS, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(`${bulkHelp(config, spec, invoked, positional)}\n`);
    return EXIT.ok;
  }
  const file = positional ? positionals[0] : values.bulk;
  if (!file || positionals.length > (positional ? 1 : 0))
    throw new UsageError(positional ? "expected one file (or - for standard input)" : "--bulk needs a file");
  const format = (values.format ?? (/\.(nd)?jsonl?$/i.test(file) ? "ndjson" : "csv")) as BulkSettings["format"];
  if (format !== "csv" && format !== "ndjson")
    throw new UsageError(`--format: expected csv or ndjson, got ${JSON.stringify(format)}`);
  const maps = new Map<string, string>();
  for (const entry of values.map ?? []) {
    const at = entry.indexOf("=");
    if (at <= 0) throw new UsageError(`--map: expected column=field, got ${JSON.stringify(entry)}`);
    maps.set(entry.slice(0, at), entry.slice(at + 1));
  }
  const rateLimit = rateLimitOf(values["rate-limit"]);
  const concurrency =
    values.concurrency === undefined ? (rateLimit ? rateLimit.limit : 32) : Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new UsageError(`--concurrency: expected a positive integer, got ${values.concurrency}`);
  const operation = spec.operations.find(
    (op) => op.method === String(values.method ?? spec.operations[0]?.method).toUpperCase(),
  );
  if (!operation) throw new UsageError(`--method: expected ${spec.operations.map((op) => op.method).join(" or ")}`);
  if (config.apiKeyEnv && !io.env[config.apiKeyEnv]) {
    return fail(EXIT.auth, {
      class: `${config.errorPrefix}Error`,
      message: `no API key: set ${config.apiKeyEnv}. ${config.apiKeyHelp ?? ""}`.trim(),
    });
  }
  const stem = file === "-" ? "stdin" : file;
  const settings: BulkSettings = {
    file,
    format,
    maps,
    unknownInto: values["unknown-into"] ?? defaultUnknownInto,
    concurrency,
    journalPath: values.journal ?? `${stem}.journal`,
    rejectsPath: values.rejects ?? `${stem}.rejects.${format}`,
    resendInDoubt: values["resend-in-doubt"] ?? false,
    progress: io.stderrIsTTY ? "tty" : "plain",
    progressEveryMs: values["progress-every"] === undefined ? 10_000 : Number(values["progress-every"]) * 1000,
  };
  if (file === "-" && !values.journal) {
    throw new UsageError("reading standard input: name the journal with --journal <file>, so that a rerun can resume");
  }
  const { summary, code, fatal } = await runBulk(
    spec,
    operation,
    (fetch) => {
      const client = createClient({ fetch, ...(rateLimit === undefined ? {} : { rateLimit }) });
      const call = client[operation.method] as GenericCall;
      return (body, row, signal) =>
        call(operation.path, {
          params: { path: {}, query: {}, header: {} },
          body,
          headers: { [ROW_HEADER]: String(row) },
          signal,
        } as Parameters<GenericCall>[1]);
    },
    settings,
    {
      stdin: io.stdin ?? (process.stdin as Readable),
      stderr: io.stderr,
      signal: io.signal ?? new AbortController().signal,
    },
    config.errorPrefix,
  );
  io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
  if (fatal) io.stderr(`${JSON.stringify({ error: fatal }, null, 2)}\n`);
  return code;
}

function bulkHelp(config: CliConfig, spec: CommandSpec, invoked: string, positional: boolean): string {
  const usage = positional ? "<file.csv|file.ndjson|->" : "--bulk <file.csv|file.ndjson|->";
  return [
    `Usage: ${config.bin} ${invoked} ${usage} [options]`,
    "",
    `  Sends one ${spec.operations.map((op) => `${op.method} ${op.path}`).join(" / ")} per row of a CSV (a header row,`,
    "  then one row per request) or NDJSON file (one JSON object per line), through the client's rate",
    "  limiter and retries. A rerun resumes: rows already answered are skipped (see --journal).",
    "",
    "Options:",
    "  --format <csv|ndjson>     default from the file's extension (csv otherwise)",
    "  --map <column=field>      send a column as a body field (dotted for nested ones); repeatable",
    "  --unknown-into <field>    put columns that are no body field into this object field",
    `  --concurrency <n>         rows in flight at once (default: the rate limit, or 32 without one)`,
    "  --rate-limit <n/ms|off>   the client's rate limit for this run (default: the API's)",
    `  --journal <file>          where progress is recorded (default: <file>.journal)`,
    `  --rejects <file>          rejected rows with their field errors in ${"_errors"} (default: <file>.rejects.<format>);`,
    "                            fix them and feed the file back",
    "  --resend-in-doubt         also send rows sent before a crash whose answer was never seen",
    "  --progress-every <s>      seconds between progress lines when stderr is not a terminal (default 10)",
    "  --method <METHOD>         which operation of the command to call",
    "",
    "Prints a summary as JSON on stdout. Exit 0 when every row was accepted, 4 when some were rejected",
    "(or are in doubt), 130 after Ctrl-C (rerun to resume), otherwise the code of the error that stopped it.",
  ].join("\n");
}
