import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { buildModel, mediaExample, parameterExample } from "@sdkit/codegen";
import { type MockServer, startMock } from "@sdkit/mock";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { COMMANDS } from "../src/generated/commands.js";
import { CLI_CONFIG } from "../src/generated/config.js";
import { EXIT } from "../src/generated/runtime/exit-codes.js";

// The built bin (dist/, what `npm i -g` installs), every command and each operation it calls, against
// Prism on the bundled spec: the request the command line makes must be one the spec accepts (Prism
// validates it), and the answer is printed as JSON. Values come from the spec's own examples.

const specPath = fileURLToPath(new URL("../../../spec/dist/openapi.json", import.meta.url));
const bin = fileURLToPath(new URL("../dist/bin.mjs", import.meta.url));
const spec = JSON.parse(readFileSync(specPath, "utf8"));
const model = buildModel(spec, specPath);
const run = promisify(execFile);

let mock: MockServer | undefined;
beforeAll(async () => {
  mock = await startMock({ specPath, log: false });
});
afterAll(async () => {
  await mock?.stop();
});

async function hatch(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      env: { ...process.env, [`${CLI_CONFIG.apiKeyEnv}`]: "sk_test_cli", ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const cases = COMMANDS.flatMap((command) =>
  command.operations.map((operation) => ({
    command,
    operation,
    name: `${command.resource} ${command.command} (${operation.method})`,
  })),
);

describe("every operation's command against Prism", () => {
  test.each(cases)("$name", async ({ command, operation }) => {
    const m = model.byId.get(operation.operationId);
    if (!m) throw new Error(`no model for ${operation.operationId}`);
    const args = [command.resource, command.command, "--method", operation.method];
    for (const param of [...m.pathParams, ...m.queryParams, ...m.headerParams]) {
      if (!param.required) continue;
      const value = parameterExample(spec, param.parameter);
      for (const item of Array.isArray(value) ? value : [value]) args.push(`--${param.name}`, String(item));
    }
    if (m.body) args.push("--data", JSON.stringify(mediaExample(spec, m.body.mediaObject) ?? {}));
    const baseUrl = (mock as MockServer).url;
    const result = await hatch(args, { [CLI_CONFIG.baseUrlEnv]: baseUrl });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(EXIT.ok);
    if (m.success?.media) expect(() => JSON.parse(result.stdout)).not.toThrow();
  });

  test("the built bin's --help lists every command with its summary, and each command's help its options", async () => {
    const top = await hatch(["--help"]);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain(`Usage: ${CLI_CONFIG.bin} <resource> <command>`);
    for (const command of COMMANDS) {
      expect(top.stdout).toContain(`${command.resource} ${command.command}`);
      if (command.summary) expect(top.stdout).toContain(command.summary.split("\n")[0]);
    }
    const first = COMMANDS[0];
    if (!first) return;
    const help = await hatch([first.resource, first.command, "--help"]);
    expect(help.code).toBe(0);
    for (const option of first.options) expect(help.stdout).toContain(`--${option.name} <`);
    for (const operation of first.operations) expect(help.stdout).toContain(`${operation.method} ${operation.path}`);
  });

  test("a body Prism finds invalid exits with the validation code and the field errors on stderr", async () => {
    const command = COMMANDS.find((c) => c.bodyRequired && c.options.some((o) => o.in === "body" && o.required));
    if (!command) return;
    const baseUrl = (mock as MockServer).url;
    const result = await hatch([command.resource, command.command, "--data", "{}"], {
      [CLI_CONFIG.baseUrlEnv]: baseUrl,
    });
    expect(result.code).toBe(EXIT.invalid);
    expect(result.stdout).toBe("");
    const { error } = JSON.parse(result.stderr);
    expect(error.class).toBe("ValidationError");
    expect(Object.keys(error.fieldErrors ?? {})).not.toHaveLength(0);
  });
});
