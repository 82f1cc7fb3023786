// @ts-check
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { dropPublishConfig } from "../src/seed-dependencies.js";

/** @type {string} */
let dir;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "drop-publish-config-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it("drops a third-party package's publishConfig, so its seeded copy publishes where we say", async () => {
  const manifest = join(dir, "package.json");
  writeFileSync(
    manifest,
    JSON.stringify({ name: "dep", version: "1.0.0", publishConfig: { registry: "https://registry.npmjs.org/" } }),
  );
  await dropPublishConfig(manifest);
  expect(JSON.parse(readFileSync(manifest, "utf8"))).toEqual({ name: "dep", version: "1.0.0" });
});

it("leaves a manifest without publishConfig byte for byte", async () => {
  const manifest = join(dir, "package.json");
  const text = '{"name":"dep","version":"1.0.0"}';
  writeFileSync(manifest, text);
  await dropPublishConfig(manifest);
  expect(readFileSync(manifest, "utf8")).toBe(text);
});
