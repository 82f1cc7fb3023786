import { describe, expect, expectTypeOf, test } from "vitest";
import {
  createShopClient,
  ShopError,
  signWebhook,
  WebhookHeaderError,
  WebhookPayloadError,
  WebhookSignatureError,
  WebhookTimestampError,
  WebhookVerificationError,
} from "../test/.generated/capabilities/sdk/index.js";
import type { WebhookEvent } from "../test/.generated/capabilities/types/index.js";
import * as withoutWebhooks from "../test/.generated/sdk/index.js";

// The capabilities fixture (OpenAPI 3.1) declares two webhooks, order.created and refund.created;
// the main fixture declares none.
const SECRET = `whsec_${btoa("shop-webhook-signing-key-0123456")}`;
const shop = createShopClient({
  apiKey: "shop-test-key",
  baseUrl: "https://api.shop.test",
  fetch: async () => new Response(),
});

async function delivery(event: unknown, { secret = SECRET, timestamp = Math.floor(Date.now() / 1000) } = {}) {
  const body = JSON.stringify(event);
  const id = `msg_${timestamp}`;
  const headers = new Headers({
    "webhook-id": id,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": await signWebhook({ id, timestamp, body, secret }),
  });
  return { body, headers };
}

describe("client.webhooks.unwrap (generated SDK)", () => {
  test("returns the typed event of a signed delivery", async () => {
    const sent = {
      type: "refund.created",
      timestamp: "2026-01-02T03:04:05Z",
      data: { id: "re_1", orderId: "or_1", amount: 250 },
    };
    const { body, headers } = await delivery(sent);
    const event = await shop.webhooks.unwrap(body, headers, { secret: SECRET });
    expectTypeOf(event).toEqualTypeOf<WebhookEvent>();
    expect(event).toEqual(sent);
    // The union narrows on the document's `type` constant.
    if (event.type === "refund.created") expect(event.data.orderId).toBe("or_1");
    else throw new Error("narrowing failed");
  });

  test("every failure is a WebhookVerificationError (and the SDK's base error) naming its reason", async () => {
    const { body, headers } = await delivery({ type: "order.created", timestamp: "t", data: { id: "o", total: 1 } });
    // Thunks: each promise is created when its case runs (no rejection left unhandled meanwhile).
    const cases: Array<[() => Promise<unknown>, new (...args: never[]) => Error, string]> = [
      [() => shop.webhooks.unwrap(body, new Headers(), { secret: SECRET }), WebhookHeaderError, "missing-header"],
      [
        async () => shop.webhooks.unwrap(body, (await delivery({}, { timestamp: 1 })).headers, { secret: SECRET }),
        WebhookTimestampError,
        "timestamp-too-old",
      ],
      [
        () => shop.webhooks.unwrap(body.replace('"total":1', '"total":2'), headers, { secret: SECRET }),
        WebhookSignatureError,
        "no-matching-signature",
      ],
      [
        async () => {
          const unknown = await delivery({ type: "order.deleted", timestamp: "t", data: {} });
          return shop.webhooks.unwrap(unknown.body, unknown.headers, { secret: SECRET });
        },
        WebhookPayloadError,
        "unknown-event",
      ],
    ];
    for (const [run, errorClass, reason] of cases) {
      const error = await run().then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(errorClass);
      expect(error).toBeInstanceOf(WebhookVerificationError);
      expect(error).toBeInstanceOf(ShopError);
      expect((error as WebhookVerificationError).reason).toBe(reason);
      expect((error as Error).name).toBe(errorClass.name);
    }
  });

  test("an SDK whose document has no webhooks has no webhooks member and no webhook exports", () => {
    const client = withoutWebhooks.createAcmeClient({ apiKey: "k", fetch: async () => new Response() });
    expect("webhooks" in client).toBe(false);
    expect(Object.keys(withoutWebhooks).filter((name) => /webhook/i.test(name))).toEqual([]);
  });
});
