/** What the generator records about one operation, for the MCP tool that calls it. */

export type HttpMethod = "GET" | "PUT" | "POST" | "DELETE" | "OPTIONS" | "HEAD" | "PATCH" | "TRACE";

/** Where one top-level argument of a tool goes in the request. */
export interface ArgumentSpec {
  /** The argument's name in the tool's input schema (the parameter's name, made safe for every MCP client). */
  property: string;
  in: "path" | "query" | "header" | "body";
  /** The parameter's name in the request (for the body: the property itself). */
  name: string;
  required: boolean;
}

/** MCP's tool annotations, from the HTTP method (hints for the client: it asks before a destructive call). */
export interface ToolAnnotations {
  title?: string;
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
  openWorldHint: boolean;
}

/** A JSON Schema of an object (an MCP tool's input), self-contained: component schemas are in `$defs`. */
export interface InputSchema {
  type: "object";
  properties: Record<string, object>;
  required?: string[];
  additionalProperties: false;
  $defs?: Record<string, object>;
  [keyword: string]: unknown;
}

export interface ToolSpec {
  /** The tool's name: `<resource>_<method>` of the SDK method (`_<verb>` for a merged method's other verbs). */
  name: string;
  title?: string;
  description: string;
  operationId: string;
  /** The SDK method the tool corresponds to (`pets.upsert`). */
  sdkMethod: string;
  tags: string[];
  method: HttpMethod;
  path: string;
  inputSchema: InputSchema;
  annotations: ToolAnnotations;
  arguments: ArgumentSpec[];
  /** The request body's media type when it is not JSON (a form is encoded, text sent as is). */
  bodyMediaType?: string;
  /** The success body's media type when it is not JSON: asked for by it, and read as text (or described, when binary). */
  responseMediaType?: string;
}

/** The generated names of the MCP server (from the SDK config). */
export interface McpConfig {
  /** The server's name in MCP's `initialize` (the bin's name). */
  name: string;
  title: string;
  packageName: string;
  version: string;
  apiKeyEnv?: string | undefined;
  baseUrlEnv: string;
  /** The environment variable that turns the client's debug log on (`debug`): written to stderr. */
  logEnv: string;
  apiKeyHelp?: string | undefined;
  /** The prefix of the client's API-specific error classes (`<prefix>ApiError`). */
  errorPrefix: string;
}
