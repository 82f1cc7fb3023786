/** What the generator records about one operation, for the command that calls it. */

export type ValueType = "string" | "number" | "integer" | "boolean";

export interface OptionSpec {
  /** The option as typed: `--<name>` (a body field's dotted path, or a parameter's name). */
  name: string;
  /** Where the value goes. */
  in: "path" | "query" | "header" | "body";
  /** The parameter's name, or the body field's path of property names. */
  key: string[];
  type: ValueType;
  /** An array of `type`: the option may be repeated. */
  multiple: boolean;
  required: boolean;
  description?: string;
  enum?: Array<string | number | boolean>;
}

export interface OperationRef {
  operationId: string;
  method: "GET" | "PUT" | "POST" | "DELETE" | "OPTIONS" | "HEAD" | "PATCH" | "TRACE";
  path: string;
}

export interface CommandSpec {
  /** `<resource> <command>`, as typed. */
  resource: string;
  command: string;
  summary?: string;
  description?: string;
  /** The operations the command calls; with more than one, `--method` picks (the first by default). */
  operations: OperationRef[];
  options: OptionSpec[];
  /** `json`: a JSON body (`--data` and body options); `object` also means it is a JSON object. */
  body: "none" | "json" | "object";
  bodyRequired: boolean;
}

/** The generated names of the command-line tool (from the SDK config). */
export interface CliConfig {
  bin: string;
  title: string;
  packageName: string;
  version: string;
  apiKeyEnv?: string | undefined;
  /** The environment variable the client reads its base URL from (a mock, a staging server). */
  baseUrlEnv: string;
  apiKeyHelp?: string | undefined;
  /** The prefix of the client's API-specific error classes (`<prefix>ApiError`). */
  errorPrefix: string;
  /** Named bulk commands (`orders import <file>`): a command with a JSON object body, run in bulk mode. */
  imports: ImportSpec[];
}

export interface ImportSpec {
  resource: string;
  command: string;
  /** The command whose operation each row calls. */
  target: { resource: string; command: string };
  /** Where columns that are no body field go by default (`--unknown-into`). */
  unknownInto?: string;
}
