// @ts-check
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDocument } from "../src/load-document.js";
import { rawDocument, removeHatchDocuments } from "../test/support/hatch-document.js";
import { startServer } from "../test/support/http-server.js";
import { FIXTURES } from "../test/support/paths.js";

const hatchYaml = readFileSync(join(FIXTURES, "hatch-today.yaml"), "utf8");
/** @type {Awaited<ReturnType<typeof startServer>>} */
let server;
/** @type {Set<NodeJS.Timeout>} */
const timers = new Set();

beforeAll(async () => {
  server = await startServer({
    "/openapi.yaml": (_request, response) =>
      response.writeHead(200, { "content-type": "application/yaml" }).end(hatchYaml),
    // Headers at once, then the body trickles: the timeout must cover the body read too.
    "/slow": (_request, response) => {
      response.writeHead(200, { "content-type": "application/yaml" });
      response.write("openapi: 3.0.0\n");
      const timer = setInterval(() => response.write("# still coming\n"), 50);
      timers.add(timer);
      response.on("close", () => clearInterval(timer));
    },
    // No Content-Length: the limit must hold while reading.
    "/huge": (_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      const chunk = `${"x".repeat(1023)}\n`;
      for (let i = 0; i < 256; i++) response.write(chunk);
      response.end();
    },
    "/huge-declared": (_request, response) =>
      response.writeHead(200, { "content-length": String(10 * 1024 * 1024) }).end(),
    "/page": (_request, response) =>
      response.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>Hatch</title>"),
    "/swagger": (_request, response) => response.writeHead(200).end('{ "swagger": "2.0", "paths": {} }'),
  });
});
afterAll(async () => {
  for (const timer of timers) clearInterval(timer);
  await server.close();
  removeHatchDocuments();
});

const limits = { timeoutMs: 1_000, maxBytes: 64 * 1024 };

describe("loadDocument from a URL", () => {
  it("downloads and parses a YAML document", async () => {
    const { document, version } = await loadDocument(`${server.url}/openapi.yaml`, limits);
    expect(version).toBe("3.0.0");
    expect(Object.keys(document.paths)).toEqual(["/v1/contacts"]);
  });

  it("gives up on a slow body after the timeout", async () => {
    await expect(loadDocument(`${server.url}/slow`, limits)).rejects.toThrow(
      `${server.url}/slow: download timed out after 1000 ms`,
    );
  });

  it("refuses a body over the size limit, declared or not", async () => {
    await expect(loadDocument(`${server.url}/huge`, limits)).rejects.toThrow(
      /download refused: the document is larger than 65536 bytes/,
    );
    await expect(loadDocument(`${server.url}/huge-declared`, limits)).rejects.toThrow(/larger than 65536 bytes/);
  });

  it("names the HTTP status of a failed download", async () => {
    await expect(loadDocument(`${server.url}/missing.yaml`, limits)).rejects.toThrow(
      `${server.url}/missing.yaml: download failed: HTTP 404 Not Found`,
    );
  });

  it("says what is wrong with a page that is not OpenAPI", async () => {
    await expect(loadDocument(`${server.url}/page`, limits)).rejects.toThrow(/not an OpenAPI document/);
    await expect(loadDocument(`${server.url}/swagger`, limits)).rejects.toThrow(/Swagger 2\.0 is not supported/);
  });

  it("reports an unreachable host", async () => {
    const closed = await startServer({});
    const url = `${closed.url}/openapi.yaml`;
    await closed.close();
    await expect(loadDocument(url, limits)).rejects.toThrow(
      new RegExp(`${url.replace(/[.]/g, "\\.")}: unreachable \\(ECONNREFUSED\\)`),
    );
  });
});

describe("loadDocument from a file", () => {
  it("names a missing file", async () => {
    await expect(loadDocument("/nonexistent/hatch.yaml")).rejects.toThrow("/nonexistent/hatch.yaml: no such file");
  });

  it("reports invalid JSON and invalid YAML with the parser's position", async () => {
    await expect(loadDocument(rawDocument('{ "openapi": "3.0.0", ', "broken.json"))).rejects.toThrow(
      /broken\.json:1:\d+: is not valid JSON/,
    );
    await expect(loadDocument(rawDocument("openapi: 3.0.0\npaths:\n  /a: [unclosed\n"))).rejects.toThrow(
      /openapi\.yaml:\d+:\d+: is not valid YAML/,
    );
  });

  it("refuses a YAML alias bomb and a file over the size limit", async () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (const [i, name] of [..."bcdefghij"].entries())
      levels.push(`${name}: &${name} [${Array(10).fill(`*${"abcdefghij"[i]}`).join(", ")}]`);
    await expect(loadDocument(rawDocument(`openapi: 3.1.0\n${levels.join("\n")}\n`))).rejects.toThrow(
      /openapi\.yaml: YAML aliases expand too far/,
    );
    await expect(
      loadDocument(rawDocument(`openapi: 3.1.0\npaths: {}\nx: "${"y".repeat(4096)}"\n`), { maxBytes: 1024 }),
    ).rejects.toThrow(/openapi\.yaml: 0\.0 MB is over the 0\.0 MB limit/);
  });

  it("refuses other OpenAPI versions and documents without paths, naming the pointer", async () => {
    await expect(loadDocument(rawDocument("openapi: 2.5.0\npaths: {}\n"))).rejects.toThrow(
      /#\/openapi: unsupported OpenAPI version "2\.5\.0"/,
    );
    await expect(loadDocument(rawDocument("openapi: 3.1.0\ninfo: {}\n"))).rejects.toThrow(
      /#\/paths: not an OpenAPI document: no paths object/,
    );
  });
});
