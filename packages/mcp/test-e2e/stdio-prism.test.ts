import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { buildModel, mediaExample, parameterExample } from "@sdkit/codegen";
import { type MockServer, startMock } from "@sdkit/mock";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { MCP_CONFIG } from "../src/generated/config.js";
import type { ToolSpec } from "../src/generated/runtime/tool-spec.js";
import { TOOLS } from "../src/generated/tools.js";

// The built bin (dist/, what an MCP client's config runs), spawned by the MCP SDK's own client over
// stdio, against Prism on the bundled spec: every tool is listed as generated, and every tool's call
// is a request the spec accepts (Prism validates it) whose answer comes back as the tool's result.
// Argument values come from the spec's own examples, so a new operation is covered as it lands.

const specPath = fileURLToPath(new URL("../../../spec/dist/openapi.json", import.meta.url));
const bin = fileURLToPath(new URL("../dist/bin.mjs", import.meta.url));
const spec = JSON.parse(readFileSync(specPath, "utf8"));
const model = buildModel(spec, specPath);

let mock: MockServer | undefined;
const clients: Client[] = [];
/** What the servers wrote to stderr, and the errors the clients saw on the protocol channel. */
const stderr: string[] = [];
const protocolErrors: Error[] = [];

/** An MCP client connected to a freshly spawned server with `env` (the key and the mock's URL by default). */
async function connect(env: Record<string, string> = {}): Promise<Client> {
  const client = new Client({ name: "e2e", version: "0.0.0" });
  const base: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    [MCP_CONFIG.baseUrlEnv]: (mock as MockServer).url,
  };
  if (MCP_CONFIG.apiKeyEnv) base[MCP_CONFIG.apiKeyEnv] = "sk_test_mcp";
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [bin],
    env: { ...base, ...env },
    stderr: "pipe",
  });
  clients.push(client);
  client.onerror = (error) => protocolErrors.push(error);
  await client.connect(transport);
  transport.stderr?.on("data", (chunk: Buffer) => stderr.push(chunk.toString()));
  return client;
}

let client: Client;
beforeAll(async () => {
  mock = await startMock({ specPath, log: false });
  // With the client's debug log on: it must go to stderr, never into the protocol on stdout.
  client = await connect({ [MCP_CONFIG.logEnv]: "debug" });
});
afterAll(async () => {
  for (const c of clients) await c.close().catch(() => undefined);
  await mock?.stop();
});

/** Arguments for a tool from the spec's examples: every parameter it requires, and the body. */
function exampleArguments(tool: ToolSpec): Record<string, unknown> {
  const m = model.byId.get(tool.operationId);
  if (!m) throw new Error(`no operation ${tool.operationId} in ${specPath}`);
  const args: Record<string, unknown> = {};
  for (const argument of tool.arguments) {
    if (argument.in === "body") {
      if (m.body) args[argument.property] = mediaExample(spec, m.body.mediaObject) ?? {};
      continue;
    }
    const list = argument.in === "path" ? m.pathParams : argument.in === "query" ? m.queryParams : m.headerParams;
    const param = list.find((p) => p.name === argument.name);
    if (param && argument.required) args[argument.property] = parameterExample(spec, param.parameter);
  }
  return args;
}

function errorOf(result: Awaited<ReturnType<Client["callTool"]>>) {
  const [first] = result.content as Array<{ type: string; text: string }>;
  return JSON.parse(first?.text ?? "{}").error;
}

describe("the built MCP server over stdio, against Prism", () => {
  test("lists one tool per generated operation, with its schema and the method's annotations", async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(TOOLS.map((t) => t.name));
    expect(tools.length).toBeGreaterThan(0);
    for (const tool of tools) {
      const spec = TOOLS.find((t) => t.name === tool.name) as ToolSpec;
      expect(tool.inputSchema.type).toBe("object");
      expect(tool.description).toContain(`${spec.method} ${spec.path}`);
      expect(tool.annotations?.readOnlyHint).toBe(spec.method === "GET" || spec.method === "HEAD");
      expect(tool.annotations?.destructiveHint).toBe(spec.method === "DELETE");
      if (spec.method === "PUT") expect(tool.annotations?.idempotentHint).toBe(true);
    }
    const server = client.getServerVersion();
    expect(server?.name).toBe(MCP_CONFIG.name);
  });

  test.each(TOOLS.map((tool) => ({ tool, name: `${tool.name} (${tool.method} ${tool.path})` })))(
    "$name answers from the mock",
    async ({ tool }) => {
      const result = await client.callTool({ name: tool.name, arguments: exampleArguments(tool) });
      const [first] = result.content as Array<{ type: string; text: string }>;
      expect(result.isError, first?.text).toBeFalsy();
      const m = model.byId.get(tool.operationId);
      if (m?.success?.media && /json/i.test(m.success.media)) expect(() => JSON.parse(first?.text ?? "")).not.toThrow();
    },
  );

  const invalid = TOOLS.filter((tool) => {
    const m = model.byId.get(tool.operationId);
    return m?.body?.required && m.errorKeys.some((key) => key === "422" || key === "400");
  });
  test.runIf(invalid.length > 0)("a body the API refuses is a tool error carrying its field errors", async () => {
    for (const tool of invalid) {
      const body = tool.arguments.find((a) => a.in === "body") as { property: string };
      const args = { ...exampleArguments(tool), [body.property]: {} };
      const result = await client.callTool({ name: tool.name, arguments: args });
      expect(result.isError).toBe(true);
      const error = errorOf(result);
      expect([400, 422]).toContain(error.status);
      expect(error.class).toBe(error.status === 422 ? "ValidationError" : "BadRequestError");
      expect(Object.keys(error.fieldErrors ?? {})).not.toHaveLength(0);
    }
  });

  test("the client's debug log went to stderr, and the protocol channel carried nothing else", () => {
    expect(stderr.join("")).toContain(TOOLS[0]?.path.split("{")[0]);
    expect(protocolErrors).toEqual([]);
  });

  test("an argument the tool does not have is a tool error naming the tool's arguments", async () => {
    const tool = TOOLS[0] as ToolSpec;
    const result = await client.callTool({ name: tool.name, arguments: { ...exampleArguments(tool), bogus: 1 } });
    expect(result.isError).toBe(true);
    expect(errorOf(result).message).toContain("unknown argument bogus");
  });

  test.runIf(Boolean(MCP_CONFIG.apiKeyEnv))(
    "without the key in its environment, the server still lists its tools and each call says what to set",
    async () => {
      const keyless = await connect({ [MCP_CONFIG.apiKeyEnv as string]: "" });
      expect((await keyless.listTools()).tools).toHaveLength(TOOLS.length);
      const tool = TOOLS[0] as ToolSpec;
      const result = await keyless.callTool({ name: tool.name, arguments: exampleArguments(tool) });
      expect(result.isError).toBe(true);
      expect(errorOf(result).message).toContain(`set ${MCP_CONFIG.apiKeyEnv}`);
      expect(errorOf(result).class).toBe(`${MCP_CONFIG.errorPrefix}Error`);
    },
  );
});
