// @ts-check
// The contract bindings send a request body that is not JSON (a form, a file upload, raw bytes)
// the way the SDK methods do: with the client core's encoder for that kind of body, re-emitted next
// to the bindings. Every name they import must be one that file exports, or the scaffolded repo's
// lint (tsc) fails for every document with such an operation.
import { describe, expect, it } from "vitest";
import { renderTarget } from "../src/generate.js";
import { CONTRACT_OPTIONS, tinySpec } from "./helpers.js";

/** @param {string} media */
const body = (media) => ({
  tags: ["things"],
  requestBody: {
    required: true,
    content: { [media]: { schema: { type: "object", properties: { name: { type: "string" } } } } },
  },
});

/** Names a generated module imports from `./core/body-encoding.js`. */
const importedEncoders = (/** @type {string} */ source) =>
  [...source.matchAll(/^import \{ ([^}]+) \} from "\.\/core\/body-encoding\.js";$/gm)].flatMap((match) =>
    /** @type {string} */ (match[1]).split(",").map((name) => name.trim()),
  );

/** Names a generated TypeScript module exports as functions or constants. */
const exportedNames = (/** @type {string} */ source) =>
  [...source.matchAll(/^export (?:async )?(?:function|const) (\w+)/gm)].map((match) => match[1]);

describe("contract bindings of operations whose body is not JSON", () => {
  it("import from the emitted body encoder only names it exports, one encoder per kind of body", async () => {
    const files = await renderTarget(
      "contract",
      tinySpec({
        "POST /messages": { operationId: "sendMessage", ...body("application/x-www-form-urlencoded") },
        "POST /files": { operationId: "uploadFile", ...body("multipart/form-data") },
        "PUT /blobs": { operationId: "putBlob", ...body("application/octet-stream") },
        "POST /notes": { operationId: "createNote", ...body("application/json") },
      }),
      CONTRACT_OPTIONS,
    );
    const encoder = files.get("core/body-encoding.ts");
    expect(encoder, "the encoder is emitted next to the bindings").toBeDefined();
    const exported = exportedNames(String(encoder));
    const operations = String(files.get("operations.ts"));
    const imported = [...importedEncoders(operations), ...importedEncoders(String(files.get("client.ts")))];
    expect(imported.sort()).toEqual(["encodeForm", "encodeMultipart", "encodeRaw"]);
    for (const name of imported) expect(exported).toContain(name);
    // Each operation encodes with its own kind's encoder; the JSON one needs none.
    const entry = (/** @type {string} */ id) => operations.slice(operations.indexOf(`operationId: "${id}"`));
    expect(entry("sendMessage")).toMatch(/^[\s\S]*?bodySerializer: \(body: unknown\) => encodeForm\(body\)/);
    expect(entry("uploadFile")).toMatch(/^[\s\S]*?bodySerializer: \(body: unknown\) => encodeMultipart\(body\)/);
    expect(entry("putBlob")).toMatch(/^[\s\S]*?bodySerializer: \(body: unknown\) => encodeRaw\(body\)/);
  });

  it("emit no encoder and import none when every body is JSON", async () => {
    const files = await renderTarget(
      "contract",
      tinySpec({ "POST /notes": { operationId: "createNote", ...body("application/json") } }),
      CONTRACT_OPTIONS,
    );
    expect(files.has("core/body-encoding.ts")).toBe(false);
    expect(importedEncoders(String(files.get("operations.ts")))).toEqual([]);
    expect(String(files.get("operations.ts"))).not.toContain("bodySerializer");
  });
});
