// @ts-check
// A corpus of broken specs, each made by one edit to a copy of the real spec so that the corpus
// keeps up with it. Every one must stop lint and bundle with a message naming the file and the
// place, and must leave the previous bundle untouched.
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readTree } from "@hatch-api/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copySpecSources, removeDir, runBundleCli } from "./run-cli.js";

/**
 * @typedef {object} BrokenSpec
 * @property {string} name
 * @property {string} find Text in openapi.yaml to replace (first occurrence).
 * @property {string} replace
 * @property {RegExp[]} expect Patterns the error output must match: the file and location.
 */

/** @type {BrokenSpec[]} */
const corpus = [
  {
    name: "invalid YAML",
    find: "      operationId: upsertContact\n",
    replace: "      operationId: upsertContact\n     summary: [unclosed\n",
    expect: [/openapi\.yaml:\d+:\d+: is not valid YAML/],
  },
  {
    name: "a dangling $ref",
    find: '$ref: "#/components/responses/Unauthorized"',
    replace: '$ref: "#/components/responses/Missing"',
    expect: [/openapi\.yaml:\d+:\d+ at #\/paths\/~1v1~1contacts\/(post|put)\/responses\/401/, /Can't resolve \$ref/],
  },
  {
    name: "a duplicate operationId",
    find: "operationId: putContact",
    replace: "operationId: upsertContact",
    expect: [/openapi\.yaml:\d+:\d+ at #\/paths\/~1v1~1contacts\/post/, /operation-operationId-unique/],
  },
  {
    name: "a missing operationId",
    find: "      operationId: putContact\n",
    replace: "",
    expect: [/openapi\.yaml:\d+:\d+ at #\/paths\/~1v1~1contacts\/put\/operationId/, /operation-operationId\b/],
  },
  {
    name: "an example that violates its schema",
    find: '                phoneNumber: "6364618187"\n                externalID',
    replace: "                phoneNumber: 6364618187\n                externalID",
    expect: [/openapi\.yaml:\d+:\d+ at #\/components\/requestBodies\/UpsertContact\/.*\/newLead\/value\/phoneNumber/],
  },
  {
    name: "a $ref to a file that does not exist",
    find: '$ref: "#/components/responses/TooManyRequests"',
    replace: '$ref: "./responses/too-many-requests.yaml"',
    expect: [
      /openapi\.yaml:\d+:\d+ at #\/paths\/~1v1~1contacts\/(post|put)\/responses\/429/,
      /too-many-requests\.yaml/,
    ],
  },
];

describe("a broken spec", () => {
  /** @type {string} */
  let goodBundle;

  beforeAll(() => {
    const work = copySpecSources();
    const { code, output } = runBundleCli(
      ["bundle", "--config", "redocly.yaml", "--out", "dist", "openapi.yaml"],
      work,
    );
    expect(code, output).toBe(0);
    goodBundle = join(work, "dist");
  });
  afterAll(() => removeDir(join(goodBundle, "..")));

  it.each(corpus)("with $name fails lint and bundle, names where, and keeps dist intact", (broken) => {
    const work = copySpecSources();
    try {
      const specPath = join(work, "openapi.yaml");
      const source = readFileSync(specPath, "utf8");
      expect(source, `the corpus edit for "${broken.name}" no longer applies to spec/openapi.yaml`).toContain(
        broken.find,
      );
      writeFileSync(specPath, source.replace(broken.find, broken.replace));
      cpSync(goodBundle, join(work, "dist"), { recursive: true });
      const before = readTree(join(work, "dist"), { encoding: "base64" });

      const lint = runBundleCli(["lint", "--config", "redocly.yaml", "openapi.yaml"], work);
      expect(lint.code, lint.output).toBe(1);
      const bundle = runBundleCli(["bundle", "--config", "redocly.yaml", "--out", "dist", "openapi.yaml"], work);
      expect(bundle.code, bundle.output).toBe(1);

      for (const pattern of broken.expect) {
        expect(lint.output).toMatch(pattern);
        expect(bundle.output).toMatch(pattern);
      }
      expect(bundle.output).toMatch(/openapi-bundle: openapi\.yaml[:\d]*: .*nothing was written/);
      expect(readTree(join(work, "dist"), { encoding: "base64" })).toEqual(before);
    } finally {
      removeDir(work);
    }
  });
});
