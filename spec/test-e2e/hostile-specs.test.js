// @ts-check
// Hostile specs: each must stop lint and bundle with a clear error naming the file (and line or
// pointer), end in bounded time, touch no network, and leave the previous bundle byte-for-byte
// intact. Circular $refs are legitimate OpenAPI: they must bundle, and generating types from the
// bundle must finish.
import { closeSync, cpSync, openSync, readFileSync, writeFileSync, writeSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { readTree, runNode, startRecordingServer } from "@hatch-api/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copySpecSources, removeDir, runBundleCli } from "../test/run-cli.js";

/** @type {string} */
let goodBundle;
/** The "remote" server: a build must never request anything from it (its `hits` stay empty). */
/** @type {Awaited<ReturnType<typeof startRecordingServer>>} */
let server;
/** @type {string} */
let remote;
/** @type {string[]} */
let hits;

beforeAll(async () => {
  server = await startRecordingServer("description: fetched\n");
  remote = server.url;
  hits = server.hits;
  const work = copySpecSources();
  const { code, output } = runBundleCli(["bundle", "--config", "redocly.yaml", "--out", "dist", "openapi.yaml"], work);
  expect(code, output).toBe(0);
  goodBundle = join(work, "dist");
});
afterAll(async () => {
  removeDir(join(goodBundle, ".."));
  await server.close();
});

/**
 * Copies the spec, lets `edit` break it, and runs lint and bundle over a previous good bundle.
 *
 * @param {(work: string, specPath: string) => void} edit
 */
function lintAndBundle(edit) {
  const work = copySpecSources();
  try {
    cpSync(goodBundle, join(work, "dist"), { recursive: true });
    const before = readTree(join(work, "dist"), { encoding: "base64" });
    edit(work, join(work, "openapi.yaml"));
    const lint = runBundleCli(["lint", "--config", "redocly.yaml", "openapi.yaml"], work);
    const bundle = runBundleCli(["bundle", "--config", "redocly.yaml", "--out", "dist", "openapi.yaml"], work);
    return {
      lint,
      bundle,
      distIntact: JSON.stringify(readTree(join(work, "dist"), { encoding: "base64" })) === JSON.stringify(before),
    };
  } finally {
    removeDir(work);
  }
}

/**
 * @param {string} specPath
 * @param {string} find
 * @param {string} replace
 */
function replaceIn(specPath, find, replace) {
  const text = readFileSync(specPath, "utf8");
  expect(text, `the edit no longer applies to spec/openapi.yaml: ${find}`).toContain(find);
  writeFileSync(specPath, text.replace(find, replace));
}

/**
 * @param {ReturnType<typeof lintAndBundle>} result
 * @param {RegExp} message
 */
function expectRefused({ lint, bundle, distIntact }, message) {
  expect(lint.code, lint.output).toBe(1);
  expect(bundle.code, bundle.output).toBe(1);
  expect(lint.output).toMatch(message);
  expect(bundle.output).toMatch(message);
  expect(bundle.output).toMatch(/nothing was written/);
  expect(distIntact).toBe(true);
}

/** The types generator the build runs (openapi-codegen's `types` target). */
const codegenCli = join(createRequire(import.meta.url).resolve("@sdkit/codegen/package.json"), "../src/cli.js");

const unauthorizedRef = '$ref: "#/components/responses/Unauthorized"';

describe("a hostile spec", () => {
  it("with a $ref to a URL fails without fetching it", () => {
    hits.length = 0;
    const result = lintAndBundle((_work, spec) =>
      replaceIn(spec, unauthorizedRef, `$ref: "${remote}/unauthorized.yaml"`),
    );
    expectRefused(
      result,
      /openapi\.yaml #\/paths\/~1v1~1contacts\/(post|put)\/responses\/401: \$ref "http:\/\/127\.0\.0\.1:\d+\/unauthorized\.yaml" points at a URL/,
    );
    expect(hits).toEqual([]);
  });

  it("with a $ref in a referenced file to a URL fails without fetching it", () => {
    hits.length = 0;
    const result = lintAndBundle((work, spec) => {
      writeFileSync(
        join(work, "unauthorized.yaml"),
        `description: nested\ncontent:\n  application/json:\n    schema:\n      $ref: "${remote}/schema.yaml"\n`,
      );
      replaceIn(spec, unauthorizedRef, '$ref: "./unauthorized.yaml"');
    });
    expectRefused(result, /unauthorized\.yaml #\/content\/application~1json\/schema: \$ref .* points at a URL/);
    expect(hits).toEqual([]);
  });

  it("with a $ref to a file outside the spec folder fails", () => {
    // /etc/hostname exists: the refusal is about where it is, not whether it can be read.
    const result = lintAndBundle((_work, spec) =>
      replaceIn(spec, unauthorizedRef, '$ref: "../../../../../../etc/hostname"'),
    );
    expectRefused(
      result,
      /openapi\.yaml #\/paths\/~1v1~1contacts\/(post|put)\/responses\/401: \$ref "(\.\.\/)+etc\/hostname" leaves the spec folder/,
    );
  });

  it("with a YAML alias bomb fails before expanding it", () => {
    const levels = ["x-lol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"];
    for (let i = 1; i <= 9; i += 1)
      levels.push(
        `x-lol${i}: &l${i} [${Array(9)
          .fill(`*l${i - 1}`)
          .join(", ")}]`,
      );
    const result = lintAndBundle((_work, spec) => replaceIn(spec, "\npaths:\n", `\n${levels.join("\n")}\npaths:\n`));
    expectRefused(result, /openapi\.yaml: YAML aliases expand too far/);
  });

  it("with bytes that are not UTF-8 fails, naming the line", () => {
    const result = lintAndBundle((_work, spec) => {
      const text = readFileSync(spec);
      const at = text.indexOf("Create or update a contact");
      writeFileSync(spec, Buffer.concat([text.subarray(0, at), Buffer.from([0xff, 0xfe]), text.subarray(at)]));
    });
    expectRefused(result, /openapi\.yaml:\d+:\d+: is not UTF-8: invalid byte 0xff/);
  });

  it("of 50 MB fails fast on the size limit, naming the option that raises it", () => {
    const result = lintAndBundle((_work, spec) => {
      const handle = openSync(spec, "a");
      const line = `  # ${"padding ".repeat(127)}\n`;
      const chunk = line.repeat(1024);
      for (let written = 0; written < 50 * 1024 * 1024; written += chunk.length) writeSync(handle, chunk);
      closeSync(handle);
    });
    expectRefused(result, /openapi\.yaml: 50\.\d MB is over the 32\.0 MB limit .*--max-size-mb/);
  });
});

describe("circular $refs", () => {
  it("bundle, and types generated from the bundle finish", async () => {
    const work = copySpecSources();
    try {
      replaceIn(
        join(work, "openapi.yaml"),
        "\n      properties:\n        source:",
        '\n      properties:\n        referrer:\n          $ref: "./people.yaml#/Person"\n        source:',
      );
      // A cycle through two files and back into itself.
      writeFileSync(
        join(work, "people.yaml"),
        'Person:\n  type: object\n  properties:\n    name:\n      type: string\n    friend:\n      $ref: "./friends.yaml#/Friend"\n',
      );
      writeFileSync(
        join(work, "friends.yaml"),
        'Friend:\n  type: object\n  properties:\n    of:\n      $ref: "./people.yaml#/Person"\n',
      );
      const bundle = runBundleCli(["bundle", "--config", "redocly.yaml", "--out", "dist", "openapi.yaml"], work);
      expect(bundle.code, bundle.output).toBe(0);
      const document = JSON.parse(readFileSync(join(work, "dist/openapi.json"), "utf8"));
      expect(JSON.stringify(document)).toMatch(/"\$ref":"#\/components\/schemas\/Person"/);

      const generated = await runNode(
        [codegenCli, "types", "--spec", join(work, "dist/openapi.json"), "--out", join(work, "generated")],
        { timeoutMs: 120_000 },
      );
      expect(generated.code, generated.output).toBe(0);
      expect(readFileSync(join(work, "generated/openapi.ts"), "utf8")).toMatch(
        /Person: \{[\s\S]*friend\?: components\["schemas"\]\["Friend"\]/,
      );
    } finally {
      removeDir(work);
    }
  });
});
