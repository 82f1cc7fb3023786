// @ts-check
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMock } from "../src/index.js";

// The real mock (Prism behind the front proxy) on a small document of our own with the three kinds
// of fragment path AWS documents use and plain paths beside them: each request must be answered by
// its own operation (every example names the operation it belongs to).
const specPath = fileURLToPath(new URL("../test/fixtures/fragment-paths.json", import.meta.url));

/** @type {import("../src/index.js").MockServer} */
let mock;
beforeAll(async () => {
  mock = await startMock({ specPath, host: "127.0.0.1", port: 0, log: false });
});
afterAll(async () => {
  await mock?.stop();
});

/**
 * @param {string} path
 * @param {RequestInit} [init]
 */
async function answer(path, init) {
  const response = await fetch(`${mock.url}${path}`, init);
  const text = await response.text();
  /** @type {any} */
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: response.status, answeredBy: body?.answeredBy, body };
}

const amzJson = (/** @type {string} */ target) => ({
  method: "POST",
  headers: { "x-amz-target": target, "content-type": "application/json" },
  body: "{}",
});

describe("fragment paths served by the mock", () => {
  it("routes POST / by its X-Amz-Target header", async () => {
    expect(await answer("/", amzJson("Widgets.ListWidgets"))).toMatchObject({ status: 200, answeredBy: "listWidgets" });
    expect(await answer("/", amzJson("Widgets.DeleteWidget"))).toMatchObject({
      status: 200,
      answeredBy: "deleteWidget",
    });
  });

  it("routes GET / by its Action query parameter", async () => {
    expect(await answer("/?Action=DescribeWidget&WidgetId=w-1")).toMatchObject({
      status: 200,
      answeredBy: "describeWidget",
    });
  });

  it("routes by a query parameter's presence, and a request without it to the plain path", async () => {
    expect(await answer("/v1/widgets/w-1/export?type=csv")).toMatchObject({
      status: 200,
      answeredBy: "exportWidgetAs",
    });
    expect(await answer("/v1/widgets/w-1/export")).toMatchObject({ status: 200, answeredBy: "exportWidget" });
  });

  it("still validates a routed request against its operation", async () => {
    // `type` is present but not one of its enum values: Prism refuses it as that operation's.
    const refused = await answer("/v1/widgets/w-1/export?type=xml");
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).toContain("type");
  });

  it("leaves plain paths alone and answers an unknown target as Prism does", async () => {
    expect(await answer("/v1/widgets")).toMatchObject({ status: 200, answeredBy: "listAllWidgets" });
    const unknown = await answer("/", amzJson("Widgets.Unknown"));
    expect(unknown.status).toBe(404);
    expect(JSON.stringify(unknown.body)).toContain("NO_PATH_MATCHED");
  });
});
