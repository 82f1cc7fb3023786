import { type ParsedRequest, parseCommand, UsageError } from "./arguments.js";
import type { CliConfig, CommandSpec } from "./command-spec.js";
import { classifyStatus, classifyThrown, EXIT } from "./exit-codes.js";
import { commandHelp, toolHelp } from "./help.js";

/** The part of the generated client the tool uses: openapi-fetch's method-per-verb surface. */
export type GenericCall = (
  path: string,
  init: { params: { path: unknown; query: unknown; header: unknown }; body?: unknown },
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
export type GenericClient = Record<string, GenericCall>;

export interface Io {
  argv: string[];
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
  createClient: () => GenericClient,
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
