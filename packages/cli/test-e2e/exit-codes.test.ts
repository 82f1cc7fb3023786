import { createHatchClient } from "@hatch-api/client";
import { afterEach, describe, expect, test } from "vitest";
import { COMMANDS } from "../src/generated/commands.js";
import { CLI_CONFIG } from "../src/generated/config.js";
import type { CommandSpec } from "../src/generated/runtime/command-spec.js";
import { EXIT } from "../src/generated/runtime/exit-codes.js";
import { type GenericClient, runCli } from "../src/generated/runtime/main.js";
import { requiredArgs, startServer } from "./helpers.js";

// In-process runs of the generated tool against a 127.0.0.1 server (the built bin is run in
// prism.test.ts): each error class's exit code, what goes to stdout and stderr, how options make
// the request. Generic over the generated commands, so a new operation keeps this suite valid.

let server: Awaited<ReturnType<typeof startServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A command with a JSON object body: the one the body tests use. */
const bodyCommand = COMMANDS.find((c) => c.body === "object") as CommandSpec;

async function run(
  argv: string[],
  baseUrl: string,
  env: Record<string, string | undefined> = { [CLI_CONFIG.apiKeyEnv ?? "K"]: "sk_test" },
) {
  let stdout = "";
  let stderr = "";
  const createClient = () =>
    createHatchClient({ apiKey: "sk_test", baseUrl, maxRetries: 0, rateLimit: false }) as unknown as GenericClient;
  const code = await runCli(CLI_CONFIG, COMMANDS, createClient, {
    argv,
    env,
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    readStdin: () => '{"fromStdin": true}',
  });
  return { code, stdout, stderr };
}

const jsonApi = (status: number, pointer: string) => ({
  errors: [{ status: String(status), title: "Invalid", detail: `bad ${pointer}`, source: { pointer } }],
});

describe("exit codes, one per error class", () => {
  test.each([
    [400, "BadRequestError", EXIT.invalid],
    [401, "AuthenticationError", EXIT.auth],
    [403, "PermissionDeniedError", EXIT.auth],
    [404, "NotFoundError", EXIT.notFound],
    [409, "ConflictError", EXIT.api],
    [418, `${CLI_CONFIG.errorPrefix}ApiError`, EXIT.api],
    [422, "ValidationError", EXIT.invalid],
    [429, "RateLimitError", EXIT.rateLimited],
    [503, "ServerError", EXIT.server],
  ])("%i → %s, exit %i, the error as JSON on stderr and nothing on stdout", async (status, errorClass, code) => {
    server = await startServer((_req, res) => {
      res.writeHead(status, { "content-type": "application/json", "x-request-id": "req_1" });
      res.end(JSON.stringify(jsonApi(status, "/data/attributes/email")));
    });
    const spec = COMMANDS[0] as CommandSpec;
    const result = await run([spec.resource, spec.command, ...requiredArgs(spec)], server.url);
    expect(result.code).toBe(code);
    expect(result.stdout).toBe("");
    const { error } = JSON.parse(result.stderr);
    expect(error).toMatchObject({ class: errorClass, status, requestId: "req_1" });
    if (status === 422) expect(error.fieldErrors).toEqual({ email: ["bad /data/attributes/email"] });
  });

  test("no complete response → connection exit code", async () => {
    server = await startServer(() => {});
    const url = server.url;
    await server.close();
    server = undefined;
    const spec = COMMANDS[0] as CommandSpec;
    const result = await run([spec.resource, spec.command, ...requiredArgs(spec)], url);
    expect(result.code).toBe(EXIT.connection);
    expect(JSON.parse(result.stderr).error.class).toBe(`${CLI_CONFIG.errorPrefix}ConnectionError`);
  });

  test("no key in the environment → auth exit code, before any request", async () => {
    server = await startServer((_req, res) => res.end("{}"));
    const spec = COMMANDS[0] as CommandSpec;
    const result = await run([spec.resource, spec.command, ...requiredArgs(spec)], server.url, {});
    if (!CLI_CONFIG.apiKeyEnv) return;
    expect(result.code).toBe(EXIT.auth);
    expect(result.stderr).toContain(CLI_CONFIG.apiKeyEnv);
    expect(server.received).toHaveLength(0);
  });

  test.each([
    [["nope"], "unknown resource"],
    [[COMMANDS[0]?.resource ?? "", "nope"], "unknown command"],
    [[COMMANDS[0]?.resource ?? "", COMMANDS[0]?.command ?? "", "--no-such-option", "1"], "Unknown option"],
    [[COMMANDS[0]?.resource ?? "", COMMANDS[0]?.command ?? "", "--method", "BREW"], "--method"],
  ])("a bad command line (%j) → usage exit code, nothing sent", async (argv, message) => {
    server = await startServer((_req, res) => res.end("{}"));
    const result = await run(argv, server.url);
    expect(result.code).toBe(EXIT.usage);
    expect(JSON.parse(result.stderr).error.message).toContain(message);
    expect(server.received).toHaveLength(0);
  });
});

describe("the request a command line makes", () => {
  test("body options by dotted name override --data; JSON on stdout; exit 0", async () => {
    expect(bodyCommand).toBeDefined();
    server = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ data: { id: "c_1" } }));
    });
    const option =
      bodyCommand.options.find((o) => o.in === "body" && o.type === "string" && !o.enum) ?? bodyCommand.options[0];
    if (!option) throw new Error("no body option");
    const data = JSON.stringify({ extra: { nested: 1 }, [option.key[0] as string]: "from-data" });
    const result = await run(
      [
        bodyCommand.resource,
        bodyCommand.command,
        ...requiredArgs(bodyCommand),
        "--data",
        data,
        `--${option.name}`,
        "from-flag",
      ],
      server.url,
    );
    expect(result.code).toBe(EXIT.ok);
    expect(JSON.parse(result.stdout)).toEqual({ data: { id: "c_1" } });
    expect(result.stderr).toBe("");
    const sent = JSON.parse(server.received[0]?.body ?? "{}");
    expect(sent.extra).toEqual({ nested: 1 });
    let value: unknown = sent;
    for (const key of option.key) value = (value as Record<string, unknown>)[key];
    expect(value).toBe("from-flag");
    expect(server.received[0]?.headers.authorization).toBe("Bearer sk_test");
  });

  test("--data @- reads standard input; --method picks another operation of the command", async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end("{}");
    });
    const multi = COMMANDS.find((c) => c.body !== "none" && c.operations.length > 1) ?? bodyCommand;
    const other = multi.operations.at(-1)?.method ?? "POST";
    const result = await run(
      [multi.resource, multi.command, "--data", "@-", "--method", other.toLowerCase()],
      server.url,
    );
    expect(result.code).toBe(EXIT.ok);
    expect(server.received[0]?.method).toBe(other);
    expect(JSON.parse(server.received[0]?.body ?? "{}")).toMatchObject({ fromStdin: true });
  });

  test("a value of the wrong type, or --data that is not JSON, is a usage error naming the option", async () => {
    server = await startServer((_req, res) => res.end("{}"));
    const bad = await run([bodyCommand.resource, bodyCommand.command, "--data", "{not json"], server.url);
    expect(bad.code).toBe(EXIT.usage);
    expect(bad.stderr).toContain("--data: not valid JSON");
    const numeric = COMMANDS.flatMap((c) => c.options.map((o) => ({ c, o }))).find(({ o }) => o.type !== "string");
    if (numeric) {
      const wrong = await run(
        [numeric.c.resource, numeric.c.command, `--${numeric.o.name}`, "not-a-value"],
        server.url,
      );
      expect(wrong.code).toBe(EXIT.usage);
      expect(wrong.stderr).toContain(`--${numeric.o.name}`);
    }
    expect(server.received).toHaveLength(0);
  });
});

describe("bulk mode's command line", () => {
  test.runIf(CLI_CONFIG.imports.length > 0)(
    "each configured import command has --help naming it, and needs a file",
    async () => {
      for (const entry of CLI_CONFIG.imports) {
        const help = await run([entry.resource, entry.command, "--help"], "http://127.0.0.1:9");
        expect(help.code).toBe(EXIT.ok);
        expect(help.stdout).toContain(
          `Usage: ${CLI_CONFIG.bin} ${entry.resource} ${entry.command} <file.csv|file.ndjson|->`,
        );
        const missing = await run([entry.resource, entry.command], "http://127.0.0.1:9");
        expect(missing.code).toBe(EXIT.usage);
      }
    },
  );

  test("an unknown column stops the import before anything is sent, unless it has somewhere to go", async () => {
    server = await startServer((_req, res) => res.end("{}"));
    const { mkdtempSync, writeFileSync, rmSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(join(tmpdir(), "cli-bulk-"));
    try {
      const file = join(dir, "rows.csv");
      writeFileSync(file, "no such field\nx\n");
      const result = await run(
        [bodyCommand.resource, bodyCommand.command, "--bulk", file, "--rate-limit", "off"],
        server.url,
      );
      expect(result.code).toBe(EXIT.usage);
      expect(result.stderr).toContain("no such field");
      expect(server.received).toHaveLength(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
