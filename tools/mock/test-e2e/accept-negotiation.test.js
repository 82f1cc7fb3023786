// @ts-check
// A CSV export whose errors are JSON, against the real mock: asked only for `text/csv`, Prism
// cannot answer the declared 404 in an acceptable type and serves the CSV success instead; asked
// with the Accept value the generated clients send (the success type first, the others at a lower
// quality), it answers the 404 as JSON and the success as CSV.
import { fileURLToPath } from "node:url";
import { acceptHeaderOf } from "@sdkit/codegen";
import { readSpecFile } from "@sdkit/openapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMock } from "../src/index.js";

const specPath = fileURLToPath(new URL("../test/fixtures/csv-export.yaml", import.meta.url));
const spec = /** @type {Record<string, any>} */ ((await readSpecFile(specPath)).document);
const operation = spec.paths["/reports/{reportId}/csv"].get;
const accept = /** @type {string} */ (acceptHeaderOf(spec, operation, "text/csv"));

describe("Accept negotiation against the mock", () => {
  /** @type {import("../src/index.js").MockServer} */
  let mock;
  beforeAll(async () => {
    mock = await startMock({ specPath, host: "127.0.0.1", port: 0, log: false });
  });
  afterAll(() => mock?.stop());

  /** @param {string} acceptValue @param {string} prefer */
  async function getCsv(acceptValue, prefer) {
    const response = await fetch(`${mock.url}/reports/r-1/csv`, { headers: { accept: acceptValue, prefer } });
    return { status: response.status, type: response.headers.get("content-type") ?? "", body: await response.text() };
  }

  it("the generated Accept names the CSV first and JSON after it", () => {
    expect(accept).toBe("text/csv, application/json;q=0.9");
  });

  it("answers the declared 404 as JSON, the document's error example", async () => {
    const answer = await getCsv(accept, "code=404");
    expect(answer.status).toBe(404);
    expect(answer.type).toMatch(/^application\/json/);
    expect(JSON.parse(answer.body)).toEqual(operation.responses["404"].content["application/json"].example);
  });

  it("still answers the success as CSV", async () => {
    const answer = await getCsv(accept, "code=200");
    expect(answer.status).toBe(200);
    expect(answer.type).toMatch(/^text\/csv/);
    expect(answer.body).toBe(operation.responses["200"].content["text/csv"].example);
  });

  it("without the lower-quality JSON, the 404 cannot be negotiated (why the clients send it)", async () => {
    const answer = await getCsv("text/csv", "code=404");
    expect(answer.status).not.toBe(404);
  });
});
