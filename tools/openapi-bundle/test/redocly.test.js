// @ts-check
// Redocly itself never reaches the network, even for a $ref the spec checks would not see.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { cleanRedoclyOutput, runRedocly } from "../src/index.js";

const hits = /** @type {string[]} */ ([]);
const server = createServer((request, response) => {
  hits.push(request.url ?? "");
  response.end("type: string\n");
});
/** @type {string} */
let dir;
beforeAll(async () => {
  await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
  dir = mkdtempSync(join(tmpdir(), "redocly-test-"));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await new Promise((resolve) => server.close(resolve));
});

it("runs with the network off: a remote $ref fails without a request", async () => {
  const { port } = /** @type {import("node:net").AddressInfo} */ (server.address());
  const spec = join(dir, "openapi.json");
  writeFileSync(
    spec,
    JSON.stringify({
      openapi: "3.0.3",
      info: { title: "t", version: "1" },
      paths: {},
      components: { schemas: { Remote: { $ref: `http://127.0.0.1:${port}/remote.yaml` } } },
    }),
  );
  const { code, output } = await runRedocly(["bundle", spec, "-o", join(dir, "out.json")], { cwd: dir });
  expect(hits).toEqual([]);
  expect(code, output).not.toBe(0);
  expect(output).toMatch(/network access is off during a build/);
});

it("drops Redocly's cheering and its ignore-file hint", () => {
  const text =
    "validating x...\n\nWoohoo! Your API description is valid. 🎉\n\nrun `redocly lint --generate-ignore-file` to add all problems to the ignore file.\n";
  expect(cleanRedoclyOutput(text)).toBe("validating x...\n\n");
});
