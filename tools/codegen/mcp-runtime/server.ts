import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { CallToolRequestSchema, ErrorCode, ListToolsRequestSchema, McpError } from "@modelcontextprotocol/sdk/types.js";
import { bodySerializerFor, requestFor } from "./request.js";
import { errorClassFor, failure, fieldErrors, messageOf, requestIdOf, success, type ToolResult } from "./results.js";
import type { McpConfig, ToolSpec } from "./tool-spec.js";

/** The part of the generated client the server uses: openapi-fetch's method-per-verb surface. */
export type GenericCall = (
  path: string,
  init: {
    params: { path: unknown; query: unknown; header: unknown };
    body?: unknown;
    bodySerializer?: (body: unknown) => BodyInit;
    headers?: Record<string, string>;
    parseAs?: "json" | "text" | "blob";
  },
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
export type GenericClient = Record<string, GenericCall>;

/**
 * Calls one tool through the client (its rate limiter, retries, timeouts and key redaction) and
 * turns the answer into a tool result: the body as JSON text, or a tool error (`isError`) with the
 * client's error class, the status, the API's message and its field errors. A tool error is for the
 * model to read and act on; nothing here throws for an API answer.
 */
export async function callTool(
  config: McpConfig,
  tool: ToolSpec,
  args: Record<string, unknown> | undefined,
  client: () => GenericClient,
): Promise<ToolResult> {
  try {
    const parts = requestFor(tool, args);
    const call = client()[tool.method] as GenericCall;
    const serializer = bodySerializerFor(tool);
    const headers: Record<string, string> = {};
    if (serializer && tool.bodyMediaType) headers["Content-Type"] = tool.bodyMediaType;
    const answer = tool.responseMediaType;
    // The client asks for JSON by default; a text or binary answer is asked for by its own type.
    if (answer) headers.Accept = answer;
    const { data, error, response } = await call(tool.path, {
      params: { path: parts.path, query: parts.query, header: parts.header },
      ...(parts.body === undefined ? {} : { body: parts.body }),
      ...(serializer ? { bodySerializer: serializer } : {}),
      ...(Object.keys(headers).length > 0 ? { headers } : {}),
      ...(answer ? { parseAs: /^text\//i.test(answer) ? ("text" as const) : ("blob" as const) } : {}),
    });
    if (response.ok) {
      // A binary body is no text for a model: say what came instead of dumping bytes.
      if (data instanceof Blob) return success(`${data.type || answer} body of ${data.size} bytes`);
      return success(data);
    }
    const requestId = requestIdOf(response.headers);
    const fields = fieldErrors(error);
    return failure({
      class: errorClassFor(response.status, config.errorPrefix),
      status: response.status,
      message: messageOf(error, `${tool.method} ${tool.path} answered ${response.status}`),
      ...(requestId ? { requestId } : {}),
      ...(fields ? { fieldErrors: fields } : {}),
      ...(error === undefined ? {} : { body: error }),
    });
  } catch (error) {
    // The client's own errors (no key, connection, timeout, an unreadable body) and bad arguments.
    const name = error instanceof Error ? error.name : "Error";
    return failure({ class: name, message: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * The MCP server: `tools/list` answers every generated tool, `tools/call` calls one. The client is
 * created at the first call and shared by every call after it, so concurrent calls share one rate
 * limiter, as they share the API's limit.
 */
export function createMcpServer(
  config: McpConfig,
  tools: readonly ToolSpec[],
  createClient: () => GenericClient,
  env: Record<string, string | undefined>,
): Server {
  const server = new Server(
    { name: config.name, title: config.title, version: config.version },
    {
      capabilities: { tools: {} },
      instructions: `Tools of ${config.title}'s API, one per operation. Arguments: each parameter by name, and the JSON request body as "body". An API error comes back as a tool error whose JSON names the error class, the HTTP status, the API's message and fieldErrors (field → messages).`,
    },
  );
  const byName = new Map(tools.map((tool) => [tool.name, tool]));
  let client: GenericClient | undefined;
  const clientOnce = () => {
    if (config.apiKeyEnv && !env[config.apiKeyEnv]) {
      // The class the client itself throws for a missing key.
      const error = new Error(
        `no API key: set ${config.apiKeyEnv} in the server's environment. ${config.apiKeyHelp ?? ""}`.trim(),
      );
      error.name = `${config.errorPrefix}Error`;
      throw error;
    }
    client ??= createClient();
    return client;
  };
  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: tools.map((tool) => ({
      name: tool.name,
      ...(tool.title ? { title: tool.title } : {}),
      description: tool.description,
      inputSchema: tool.inputSchema,
      annotations: tool.annotations,
    })),
  }));
  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    const tool = byName.get(request.params.name);
    if (!tool) {
      throw new McpError(ErrorCode.InvalidParams, `unknown tool ${JSON.stringify(request.params.name)}`);
    }
    return callTool(config, tool, request.params.arguments, clientOnce);
  });
  return server;
}

/** Serves over standard input and output (what an MCP client's `command` runs). Logs go to stderr only. */
export async function serveStdio(server: Server): Promise<void> {
  await server.connect(new StdioServerTransport());
}
