// @ts-check
import { describe, expect, it } from "vitest";
import { scanForSecrets } from "../src/secret-scan.js";

describe("scanForSecrets", () => {
  it.each([
    ["bearer token", 'headers: { authorization: "Bearer sk_live_4f9a8b7c6d5e4f3a2b1c" }'],
    [".npmrc auth entry", "//registry.npmjs.org/:_authToken=abcdef0123456789"],
    ["HATCH_API_KEY value", "HATCH_API_KEY=hk_9f8e7d6c5b4a3210"],
    ["npm token", "token: npm_abcdefghijklmnopqrstuvwxyz0123456789"],
  ])("finds a %s", (kind, line) => {
    expect(scanForSecrets("dist/index.js", `first line\n${line}\n`)).toEqual([
      { file: "dist/index.js", kind, line: 2 },
    ]);
  });

  it.each([
    // biome-ignore lint/suspicious/noTemplateCurlyInString: client source text, as it appears in dist.
    "headers.set('authorization', `Bearer ${apiKey}`)",
    "const apiKey = options.apiKey ?? process.env.HATCH_API_KEY;",
    "export HATCH_API_KEY=<your-api-key>",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the .npmrc env-var syntax, which is the safe form.
    "//registry.npmjs.org/:_authToken=${NPM_TOKEN}",
    "Missing API key: pass apiKey or set HATCH_API_KEY.",
  ])("does not flag %j", (line) => {
    expect(scanForSecrets("README.md", line)).toEqual([]);
  });

  it("finds known secrets verbatim and reports only where they are", () => {
    const secret = "c2VjcmV0LXJlZ2lzdHJ5LXRva2Vu";
    const findings = scanForSecrets("dist/index.cjs", `a\nb ${secret} c`, [secret]);
    expect(findings).toEqual([{ file: "dist/index.cjs", kind: "known secret", line: 2 }]);
    expect(JSON.stringify(findings)).not.toContain(secret);
  });
});
