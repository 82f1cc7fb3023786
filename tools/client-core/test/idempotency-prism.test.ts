// Contract test: the capabilities fixture served by Prism (@sdkit/mock). The first attempt asks
// Prism for a 500 (`Prefer: code=500`), the retry for the declared 201; both carry the same key.
import { startMock } from "@sdkit/mock";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createShopClient } from "./.generated/capabilities/sdk/index.js";

type Mock = Awaited<ReturnType<typeof startMock>>;
let mock: Mock | undefined;

beforeAll(async () => {
  mock = await startMock({
    specPath: new URL("./fixture/capabilities/openapi.json", import.meta.url).pathname,
    log: false,
  });
}, 120_000);
afterAll(async () => {
  await mock?.stop();
});

describe("idempotency keys against Prism", () => {
  test("a POST that got a 500 is retried with the same key, and Prism accepts both attempts", async () => {
    const sent: Array<{ key: string | null; status: number }> = [];
    const shop = createShopClient({
      apiKey: "shop-test-key",
      baseUrl: (mock as Mock).url,
      rateLimit: false,
      maxRetries: 1,
      middleware: [
        async (request, next, context) => {
          const headers = new Headers(request.headers);
          if (context.attempt === 1) headers.set("Prefer", "code=500");
          const response = await next(new Request(request, { headers }));
          sent.push({ key: request.headers.get("idempotency-key"), status: response.status });
          return response;
        },
      ],
    });
    const order = await shop.orders.create({ sku: "sku-1" });
    expect(typeof order.id).toBe("string");
    expect(sent.map((attempt) => attempt.status)).toEqual([500, 201]);
    expect(sent[0]?.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent[1]?.key).toBe(sent[0]?.key);
  });
});
