// @ts-check
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleForDiff } from "../src/bundle.js";
import { specCheck } from "../src/spec-check.js";
import { causesOf, parseErrors, snapshotSamples } from "../src/type-gate.js";
import { FIXTURES } from "./support/paths.js";
import { writeRepoConfig } from "./support/repo-config.js";

const GATE = join(FIXTURES, "type-gate");

/** @type {string} */
let work;
/** @type {Record<string, any>} */
let released;
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "type-gate-"));
  const bundle = await bundleForDiff(readFileSync(join(FIXTURES, "our-spec.yaml"), "utf8"), {
    work,
    name: "released",
    overlays: join(work, "no-overlays"),
  });
  released = JSON.parse(readFileSync(bundle, "utf8"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * A repo-shaped folder whose last release had `sample.ts` among its docs samples (or as its
 * consumer fixture), whose current spec is the released one after `edit`, and whose SDK is built
 * as `sdk` (a .d.ts of ours).
 *
 * @param {{ sdk: string, bump: string, where: "released-samples" | "consumer-fixture", edit: (params: Record<string, any>) => void }} options
 */
function repoWith({ sdk, bump, where, edit }) {
  const root = mkdtempSync(join(work, "repo-"));
  writeRepoConfig(root);
  const current = structuredClone(released);
  edit(current.components.schemas.UpsertContactParams);
  for (const dir of ["spec/dist", "spec/released", ".changeset", "packages/client/dist"])
    mkdirSync(join(root, dir), { recursive: true });
  writeFileSync(join(root, "spec/dist/openapi.json"), JSON.stringify(current));
  writeFileSync(join(root, "spec/released/openapi.json"), JSON.stringify(released));
  writeFileSync(
    join(root, ".changeset/drop.md"),
    `---\n"@hatch-api/types": ${bump}\n"@hatch-api/client": ${bump}\n---\n\nA change.\n`,
  );
  cpSync(join(GATE, sdk), join(root, "packages/client/dist/index.d.ts"));
  if (where === "released-samples") {
    mkdirSync(join(root, "packages/docs/samples/quick-start"), { recursive: true });
    cpSync(join(GATE, "sample.ts"), join(root, "packages/docs/samples/quick-start/sample.ts"));
  } else {
    mkdirSync(join(root, "spec/type-gate"), { recursive: true });
    cpSync(join(GATE, "sample.ts"), join(root, "spec/type-gate/consumer.ts"));
  }
  return root;
}

describe("spec:check's type gate: code written against the last release, compiled against the new SDK", () => {
  it("reports the breaks a major release makes, naming file, line and the API change", async () => {
    const root = repoWith({
      sdk: "sdk-after.d.ts",
      bump: "major",
      where: "released-samples",
      edit: (params) => delete params.properties.status,
    });
    expect(await snapshotSamples(root)).toBe(1);
    const logged = /** @type {string[]} */ ([]);
    const result = await specCheck({ root, log: (text) => logged.push(text) });
    expect(result.breaks?.map((item) => [item.file, item.line])).toEqual([
      ["spec/released/samples/quick-start/sample.ts", 8],
    ]);
    expect(logged.join("\n")).toMatch(/the pending major release \(drop \(major\)\) says so/);
    expect(logged.join("\n")).toMatch(/caused by \(major\) POST \/v1\/contacts, request body: status: /);
  });

  it("fails a compile break under a changeset lower than major, naming file, line and the API change", async () => {
    // oasdiff rates a deprecation minor; an SDK that drops deprecated properties breaks callers.
    const root = repoWith({
      sdk: "sdk-after.d.ts",
      bump: "minor",
      where: "consumer-fixture",
      edit: (params) => {
        params.properties.status.deprecated = true;
      },
    });
    const error = await specCheck({ root, log: () => {} }).then(
      () => null,
      (caught) => caught,
    );
    expect(error?.message).toMatch(/no longer compiles against the new SDK, but the pending changesets give a minor/);
    expect(error?.message).toMatch(/spec\/type-gate\/consumer\.ts:8: TS2353: .*'status'/);
    expect(error?.message).toMatch(/caused by \(minor\) POST \/v1\/contacts, request body: status: .*deprecated/i);
    expect(error?.message).toContain("Make the changeset major");
  });

  it("passes when the old code still compiles against the new SDK", async () => {
    const root = repoWith({
      sdk: "sdk-before.d.ts",
      bump: "minor",
      where: "consumer-fixture",
      edit: (params) => {
        params.properties.status.deprecated = true;
      },
    });
    const logged = /** @type {string[]} */ ([]);
    const result = await specCheck({ root, log: (text) => logged.push(text) });
    expect(result.breaks).toEqual([]);
    expect(logged.join("\n")).toContain("compile against the new SDK");
  });
});

describe("type gate helpers", () => {
  it("reads tsc's errors and finds the API change each one names", () => {
    const output =
      "/r/spec/type-gate/consumer.ts(8,5): error TS2353: Object literal may only specify known properties, and 'status' does not exist in type 'ContactInput'.\n";
    const [item] = parseErrors(output, "/r");
    expect(item).toEqual({
      file: "spec/type-gate/consumer.ts",
      line: 8,
      message: expect.stringMatching(/^TS2353: /),
    });
    const change = /** @type {import("../src/classify.js").ApiChange} */ ({
      level: "major",
      kind: "removed",
      operation: "POST /v1/contacts",
      target: "request body: status",
      text: "Removed the request property `status`.",
      rule: "oasdiff request-property-removed (WARN)",
    });
    const other = { ...change, target: "request body: email" };
    expect(causesOf(item?.message ?? "", [change, other])).toEqual([change]);
  });
});
