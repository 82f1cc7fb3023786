// @ts-check
import { readFile, stat } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { credentialKeyFor, publishNpmrc, TOKEN_REFERENCE, writePublishUserconfig } from "../src/npmrc.js";

describe("publish .npmrc", () => {
  it("keys the token by host and path, as npm and pnpm look it up", () => {
    expect(credentialKeyFor("https://registry.npmjs.org/")).toBe("//registry.npmjs.org/");
    expect(credentialKeyFor("http://127.0.0.1:4873/")).toBe("//127.0.0.1:4873/");
    expect(credentialKeyFor("https://npm.example.com/api/npm/hatch/")).toBe("//npm.example.com/api/npm/hatch/");
  });

  it("references the NPM_TOKEN variable instead of holding a token", () => {
    expect(TOKEN_REFERENCE).toBe(`$${"{"}NPM_TOKEN}`);
    expect(publishNpmrc("http://127.0.0.1:4873/")).toBe(
      `registry=http://127.0.0.1:4873/\n//127.0.0.1:4873/:_authToken=${TOKEN_REFERENCE}\n`,
    );
  });

  it("writes a private temp file outside the repo and removes it", async () => {
    const previous = process.env.NPM_TOKEN;
    process.env.NPM_TOKEN = "npm_thisMustNeverBeWrittenToDisk000000000";
    try {
      const userconfig = await writePublishUserconfig("https://registry.npmjs.org/");
      expect(userconfig.path).not.toContain(process.cwd());
      const text = await readFile(userconfig.path, "utf8");
      expect(text).toContain(`//registry.npmjs.org/:_authToken=${TOKEN_REFERENCE}`);
      expect(text).not.toContain(process.env.NPM_TOKEN);
      expect((await stat(userconfig.path)).mode & 0o077).toBe(0);
      await userconfig.remove();
      await expect(stat(userconfig.path)).rejects.toThrow(/ENOENT/);
    } finally {
      if (previous === undefined) delete process.env.NPM_TOKEN;
      else process.env.NPM_TOKEN = previous;
    }
  });
});
