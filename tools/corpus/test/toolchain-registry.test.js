// @ts-check
import { describe, expect, it } from "vitest";
import { buildCommand, DEFAULT_BUILD_COMMAND, quickStartCommands } from "../src/readme-commands.js";
import { registryUserconfig, repoEnv } from "../src/toolchain-registry.js";

describe("installing a scaffolded repo's toolchain from the run's registry", () => {
  it("writes an npmrc that sends only the @sdkit scope to the local registry, with its token", () => {
    expect(registryUserconfig("http://127.0.0.1:4873/", "tok")).toBe(
      "@sdkit:registry=http://127.0.0.1:4873/\n//127.0.0.1:4873/:_authToken=tok\n",
    );
  });

  it("refuses a registry that is not on the loopback interface", () => {
    expect(() => registryUserconfig("https://registry.npmjs.org/", "tok")).toThrow(/registry\.npmjs\.org/);
  });

  it("gives each stage the caller's environment without pnpm's script settings, plus the npmrc", () => {
    const env = repoEnv(
      {
        PATH: "/bin",
        npm_config_registry: "https://elsewhere.invalid/",
        pnpm_config_store_dir: "/x",
        npm_lifecycle_event: "corpus",
        TURBO_HASH: "1",
        VITEST_WORKER_ID: "3",
        NODE_OPTIONS: "--inspect",
      },
      { userconfig: "/run/npmrc" },
    );
    expect(env).toEqual({
      PATH: "/bin",
      CI: "true",
      TURBO_TELEMETRY_DISABLED: "1",
      REDOCLY_TELEMETRY: "off",
      npm_config_userconfig: "/run/npmrc",
      pnpm_config_prefer_offline: "true",
      pnpm_config_minimum_release_age: "0",
    });
  });

  it("sets no registry settings when no registry is up (generate-only)", () => {
    const env = repoEnv({ PATH: "/bin", npm_config_userconfig: "/home/.npmrc" });
    expect(env).toEqual({ PATH: "/bin", CI: "true", TURBO_TELEMETRY_DISABLED: "1", REDOCLY_TELEMETRY: "off" });
  });
});

describe("the scaffolded README's commands", () => {
  const readme = [
    "# X",
    "",
    "## Quick start (Node 20.19+)",
    "",
    "1. Install and build:",
    "",
    "   ```sh",
    "   pnpm install --frozen-lockfile && pnpm build",
    "   ```",
    "",
    "2. Lint and test:",
    "",
    "   ```sh",
    "   pnpm lint && pnpm test",
    "   ```",
    "",
    "## Upgrading the toolchain",
    "",
    "```sh",
    "pnpm -r up",
    "```",
  ].join("\n");

  it("are the Quick start's sh blocks in order, and no other section's", () => {
    expect(quickStartCommands(readme)).toEqual([
      "pnpm install --frozen-lockfile && pnpm build",
      "pnpm lint && pnpm test",
    ]);
    expect(buildCommand(readme)).toBe("pnpm install --frozen-lockfile && pnpm build");
  });

  it("fall back to the documented build command when the README has no Quick start", () => {
    expect(quickStartCommands("# X\n\n## Usage\n\n```sh\nrm -rf /\n```\n")).toEqual([]);
    expect(buildCommand("")).toBe(DEFAULT_BUILD_COMMAND);
  });
});
