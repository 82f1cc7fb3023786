// @ts-check
// Redocly itself never reaches the network, even for a $ref the spec checks would not see.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startRecordingServer } from "@hatch-api/test-support";
import { afterAll, beforeAll, expect, it } from "vitest";
import { cleanRedoclyOutput, runRedocly } from "../src/index.js";

/** @type {Awaited<ReturnType<typeof startRecordingServer>>} */
let server;
/** @type {string} */
let dir;
beforeAll(async () => {
  server = await startRecordingServer("type: string\n");
  dir = mkdtempSync(join(tmpdir(), "redocly-test-"));
});
afterAll(async () => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  await server?.close();
});

it("runs with the network off: a remote $ref fails without a request", async () => {
  const spec = join(dir, "openapi.json");
  writeFileSync(
    spec,
    JSON.stringify({
      openapi: "3.0.3",
      info: { title: "t", version: "1" },
      paths: {},
      components: { schemas: { Remote: { $ref: `${server.url}/remote.yaml` } } },
    }),
  );
  const { code, output } = await runRedocly(["bundle", spec, "-o", join(dir, "out.json")], { cwd: dir });
  expect(server.hits).toEqual([]);
  expect(code, output).not.toBe(0);
  expect(output).toMatch(/network access is off during a build/);
});

it("drops Redocly's cheering and its ignore-file hint", () => {
  const text =
    "validating x...\n\nWoohoo! Your API description is valid. 🎉\n\nrun `redocly lint --generate-ignore-file` to add all problems to the ignore file.\n";
  expect(cleanRedoclyOutput(text)).toBe("validating x...\n\n");
});
