// @ts-check
import { readFileSync } from "node:fs";
import { deref as derefIn } from "@sdkit/openapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultSpecPath, startMock } from "../src/index.js";

// Expectations come from the spec itself (required fields, string fields, the 422 example), so the
// test holds for any legitimate change to the contact schema.
const spec = JSON.parse(readFileSync(defaultSpecPath(), "utf8"));
/** @param {any} node @returns {any} */
const deref = (node) => derefIn(spec, node);
const operation = spec.paths["/v1/contacts"].post;
const bodySchema = deref(deref(operation.requestBody).content["application/json"].schema);
const example422 = deref(operation.responses["422"]).content["application/json"].example;
/** The example's pointer prefix: the spec says a pointer's last segment is the field's name. */
const prefix = example422.errors[0].source.pointer.replace(/\/[^/]*$/, "");
const required = /** @type {string[]} */ (bodySchema.required);
const stringFields = Object.entries(bodySchema.properties)
  .filter(([, schema]) => deref(schema).type === "string")
  .map(([name]) => name);
/** A valid body: every required field set from the schema's own examples. */
const validBody = Object.fromEntries(required.map((name) => [name, deref(bodySchema.properties[name]).example]));

/**
 * @param {string} url
 * @param {unknown} body
 * @param {Record<string, string>} [headers]
 */
async function upsert(url, body, headers = {}) {
  const response = await fetch(`${url}/v1/contacts`, {
    method: "POST",
    headers: { authorization: "Bearer test-key", "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

/** @param {{ errors: Array<{ title: unknown, detail: unknown, source: { pointer: unknown } }> }} document */
function pointersOf(document) {
  for (const error of document.errors) {
    expect(typeof error.title).toBe("string");
    expect(typeof error.detail).toBe("string");
  }
  return document.errors.map((error) => error.source.pointer).sort();
}

describe.each([false, true])("the mock's 422 (dynamic: %s)", (dynamic) => {
  /** @type {import("../src/index.js").MockServer} */
  let mock;
  beforeAll(async () => {
    mock = await startMock({ dynamic, log: false });
  });
  afterAll(() => mock?.stop());

  it("names exactly the missing required fields of an empty body", async () => {
    expect(required.length).toBeGreaterThan(0);
    const { status, body } = await upsert(mock.url, {});
    expect(status).toBe(422);
    expect(pointersOf(body)).toEqual(required.map((name) => `${prefix}/${name}`).sort());
  });

  it("names exactly the fields sent with the wrong type", async () => {
    const body = { ...validBody, ...Object.fromEntries(stringFields.map((name) => [name, 42])) };
    const answer = await upsert(mock.url, body);
    expect(answer.status).toBe(422);
    expect(pointersOf(answer.body)).toEqual(stringFields.map((name) => `${prefix}/${name}`).sort());
    // Prism's own diagnosis stays available in its header.
    expect(answer.headers.get("sl-violations")).toContain("must be");
  });

  it("answers a valid body as the spec says", async () => {
    const { status, body } = await upsert(mock.url, validBody);
    expect(status).toBe(200);
    expect(typeof body.data.id).toBe("string");
  });
});

describe("what the rewriting proxy leaves alone", () => {
  /** @type {import("../src/index.js").MockServer} */
  let mock;
  beforeAll(async () => {
    mock = await startMock({ log: false });
  });
  afterAll(() => mock?.stop());

  it("keeps a 422 forced with Prefer as the spec's example", async () => {
    const { status, body } = await upsert(mock.url, validBody, { prefer: "code=422" });
    expect(status).toBe(422);
    expect(body).toEqual(example422);
  });

  it("keeps other statuses and their headers", async () => {
    const limited = await upsert(mock.url, validBody, { prefer: "code=429" });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).not.toBeNull();
    const anonymous = await upsert(mock.url, validBody, { authorization: "" });
    expect(anonymous.status).toBe(401);
  });

  it("listens in front of Prism, which keeps a private port", () => {
    expect(mock.url).not.toBe(mock.prismUrl);
    expect(new URL(mock.prismUrl).hostname).toBe("127.0.0.1");
  });
});

it("with errors: true (Prism still answers a declared 422 with its example), reports the real violations too", async () => {
  const mock = await startMock({ errors: true, log: false });
  try {
    const { status, body } = await upsert(mock.url, {});
    expect(status).toBe(422);
    expect(pointersOf(body)).toEqual(required.map((name) => `${prefix}/${name}`).sort());
  } finally {
    await mock.stop();
  }
});
