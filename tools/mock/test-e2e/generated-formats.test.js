// @ts-check
// Prism generates values (`dynamic=true`, and the contract tests' answers where a document's
// example breaks its schema) that its own format check refused for `url` and `byte`: every such
// answer came with a spec violation of Prism's making (learnifier.com's contract tests failed on
// it). The served copy says the same in forms both read alike (generatable-formats.js).
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startMock } from "../src/index.js";

const specPath = fileURLToPath(new URL("../test/fixtures/generated-formats.json", import.meta.url));

/** @type {import("../src/index.js").MockServer} */
let mock;
beforeAll(async () => {
  mock = await startMock({ specPath, host: "127.0.0.1", port: 0, log: false });
});
afterAll(() => mock?.stop());

it("generates url and byte values its own checks accept", async () => {
  for (let i = 0; i < 15; i++) {
    const answer = await fetch(`${mock.url}/assets`, { headers: { prefer: "dynamic=true" } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("sl-violations")).toBeNull();
    const asset = /** @type {{ link: string, content: string, sizes: { data: string }[] }} */ (await answer.json());
    expect(URL.canParse(asset.link), asset.link).toBe(true);
    for (const value of [asset.content, ...asset.sizes.map((size) => size.data)]) {
      expect(value, value).toMatch(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/);
    }
  }
});

it("still checks what the client sends: base64 accepted, anything else refused", async () => {
  /** @param {unknown} content */
  const post = (content) =>
    fetch(`${mock.url}/assets`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ content }),
    });
  for (const content of ["aGVsbG8=", "aGVsbG8gd29ybGQh", ""]) expect((await post(content)).status, content).toBe(204);
  for (const content of ["not base64!", "aGVsbG8"]) expect((await post(content)).status, content).toBe(422);
});
