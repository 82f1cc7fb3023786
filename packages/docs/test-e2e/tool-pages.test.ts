import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { buildModel, cliCommands, mcpTools, readSdkConfig } from "@sdkit/codegen";
import { describe, expect, it } from "vitest";
import { distDir, packageDir, readBundledSpec } from "../test/helpers.js";

// The built site's CLI and MCP pages (pnpm build, with the repository's sdk.config.json): every
// command and every tool the spec yields is on its page, so a new operation shows up there too.

const config = await readSdkConfig(join(packageDir, "../../sdk.config.json"));
const read = (file: string) => readFile(join(distDir, file), "utf8");

describe("the built docs site's CLI and MCP pages", () => {
  it.runIf(Boolean(config.cli))("the CLI page has every command, with an example invocation each", async () => {
    const spec = await readBundledSpec();
    const page = await read("cli.md");
    const bin = config.cli?.bin ?? config.name;
    const commands = cliCommands(spec, buildModel(spec));
    expect(commands.length).toBeGreaterThan(0);
    for (const command of commands) {
      expect(page).toContain(`### \`${bin} ${command.resource} ${command.command}\``);
      expect(page).toContain(`\`\`\`sh\n${bin} ${command.resource} ${command.command}`);
      for (const option of command.options) expect(page).toContain(`| \`--${option.name}\` |`);
    }
    expect(page).toContain(`| \`${config.env.apiKey}\` |`);
    expect(existsSync(join(distDir, "cli.html"))).toBe(true);
  });

  it.runIf(Boolean(config.mcp))("the MCP page has the client registration and every tool with its input", async () => {
    const spec = await readBundledSpec();
    const page = await read("mcp.md");
    const snippet = JSON.parse(/```json\n([\s\S]*?)\n```/.exec(page)?.[1] ?? "null");
    const server = snippet.mcpServers[config.name];
    expect(server.args).toContain(config.packages.mcp);
    expect(Object.keys(server.env)).toEqual([config.env.apiKey]);
    const { tools } = mcpTools(spec, buildModel(spec), config);
    for (const tool of tools) {
      expect(page).toContain(`### \`${tool.name}\``);
      expect(page).toContain(`\`${tool.method} ${tool.path}\``);
      for (const argument of tool.arguments) expect(page).toContain(`| \`${argument.property}\` |`);
    }
    expect(await read("index.html")).toContain('href="mcp.html"');
    expect(existsSync(join(distDir, "mcp.html"))).toBe(true);
  });
});
