import { createHmac } from "node:crypto";
import { describe, expect, test } from "vitest";
import { constantTimeEqual, parseSignatures, secretBytes, signWebhook, toBase64 } from "../src/webhook-signature.ts";
import {
  matchesEvent,
  type UnwrapOptions,
  unwrapWebhook,
  type WebhookErrorClasses,
  type WebhookEventEntry,
  type WebhookFailureReason,
  type WebhookHeaders,
} from "../src/webhooks.ts";

// The core on its own (no generated SDK): the error classes are the caller's, as the generated
// client file passes its own.
class Refused extends Error {
  constructor(
    message: string,
    readonly reason: WebhookFailureReason,
    readonly header?: string,
  ) {
    super(message);
  }
}
class HeaderRefused extends Refused {}
class TimestampRefused extends Refused {}
class SignatureRefused extends Refused {}
class PayloadRefused extends Refused {}
const ERRORS: WebhookErrorClasses = {
  Header: HeaderRefused,
  Timestamp: TimestampRefused,
  Signature: SignatureRefused,
  Payload: PayloadRefused,
  Verification: Refused,
};

const EVENTS: WebhookEventEntry[] = [
  {
    name: "order.created",
    shapes: [{ type: "object", required: ["type", "data"], consts: { type: "order.created" } }],
  },
  { name: "order.paid", shapes: [{ type: "object", required: ["type", "data"], consts: { type: "order.paid" } }] },
];

const SECRET = `whsec_${Buffer.from("a-32-byte-key-for-these-tests-00").toString("base64")}`;
const OLD_SECRET = `whsec_${Buffer.from("the-previous-key-being-rotated-1").toString("base64")}`;
const NOW = 1_800_000_000;
const BODY = JSON.stringify({ type: "order.created", data: { id: "or_1", total: 990 } });

/** An independent signer (node:crypto, not the code under test). */
function nodeSignature(secret: string, id: string, timestamp: number | string, body: string) {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  return `v1,${createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64")}`;
}

function signed(body = BODY, { secret = SECRET, id = "msg_1", timestamp = NOW } = {}) {
  return {
    "webhook-id": id,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": nodeSignature(secret, id, timestamp, body),
  };
}

const options = (extra: Partial<UnwrapOptions> = {}): UnwrapOptions => ({ secret: SECRET, now: NOW * 1000, ...extra });

async function refusal(body: unknown, headers: WebhookHeaders, opts = options()): Promise<Refused> {
  try {
    const event = await unwrapWebhook(body as string, headers, opts, EVENTS, ERRORS);
    throw new Error(`expected a refusal, got the event ${JSON.stringify(event)}`);
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    // A refusal never carries the parsed body: nothing in it but the message and the reason.
    expect(Object.values(error).every((value) => typeof value === "string" || value === undefined)).toBe(true);
    return error;
  }
}

describe("Standard Webhooks signatures", () => {
  test("the published test vector of the Standard Webhooks specification", async () => {
    const signature = await signWebhook({
      id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
      timestamp: 1614265330,
      body: '{"test": 2432232314}',
      secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    });
    expect(signature).toBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  });

  test("signWebhook agrees with node:crypto for text and bytes", async () => {
    const bytes = new TextEncoder().encode(BODY);
    expect(await signWebhook({ id: "m", timestamp: NOW, body: bytes, secret: SECRET })).toBe(
      nodeSignature(SECRET, "m", NOW, BODY),
    );
  });

  test("secrets: whsec_ prefix optional, non-base64 refused", () => {
    expect(secretBytes(SECRET)).toEqual(secretBytes(SECRET.slice("whsec_".length)));
    expect(secretBytes("whsec_not base64!")).toBeUndefined();
    expect(secretBytes("whsec_")).toBeUndefined();
  });

  test("the header's v1 entries are read, other versions and junk skipped", () => {
    const a = toBase64(new Uint8Array([1, 2, 3]));
    const b = toBase64(new Uint8Array([4, 5]));
    expect(parseSignatures(`v1,${a} v1a,${b} v2,${b}  garbage v1,${b} v1,%%%`)).toEqual([
      new Uint8Array([1, 2, 3]),
      new Uint8Array([4, 5]),
    ]);
  });

  test("constantTimeEqual compares every byte", () => {
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true);
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([0, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2, 3]))).toBe(false);
  });
});

describe("unwrap", () => {
  test("a valid request returns its event: string, bytes or ArrayBuffer body; record, Headers or entries", async () => {
    const headers = signed();
    const expected = JSON.parse(BODY);
    expect(await unwrapWebhook(BODY, headers, options(), EVENTS, ERRORS)).toEqual(expected);
    const bytes = new TextEncoder().encode(BODY);
    expect(await unwrapWebhook(bytes, new Headers(headers), options(), EVENTS, ERRORS)).toEqual(expected);
    expect(await unwrapWebhook(bytes.buffer, Object.entries(headers), options(), EVENTS, ERRORS)).toEqual(expected);
    // Node's IncomingHttpHeaders: lower-case names; upper-case ones are found too.
    const upper = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toUpperCase(), v]));
    expect(await unwrapWebhook(Buffer.from(BODY), upper, options(), EVENTS, ERRORS)).toEqual(expected);
  });

  test("each missing or empty header is named", async () => {
    for (const name of ["webhook-id", "webhook-timestamp", "webhook-signature"]) {
      const headers: Record<string, string> = { ...signed() };
      delete headers[name];
      const error = await refusal(BODY, headers);
      expect(error).toBeInstanceOf(HeaderRefused);
      expect([error.reason, error.header]).toEqual(["missing-header", name]);
      expect((await refusal(BODY, { ...signed(), [name]: " " })).header).toBe(name);
    }
  });

  test("timestamps: not a number, too old, in the future; the tolerance is configurable", async () => {
    const bad = await refusal(BODY, { ...signed(), "webhook-timestamp": "2026-01-01T00:00:00Z" });
    expect([bad.constructor, bad.reason]).toEqual([TimestampRefused, "invalid-timestamp"]);
    // Six minutes old against the default five.
    const old = signed(BODY, { timestamp: NOW - 360 });
    const tooOld = await refusal(BODY, old);
    expect([tooOld.constructor, tooOld.reason]).toEqual([TimestampRefused, "timestamp-too-old"]);
    expect(tooOld.message).toContain("360 s old");
    expect(await unwrapWebhook(BODY, old, options({ toleranceSeconds: 600 }), EVENTS, ERRORS)).toEqual(
      JSON.parse(BODY),
    );
    const future = await refusal(BODY, signed(BODY, { timestamp: NOW + 301 }));
    expect(future.reason).toBe("timestamp-in-future");
    // Exactly at the tolerance is still accepted, both ways.
    await expect(
      unwrapWebhook(BODY, signed(BODY, { timestamp: NOW - 300 }), options(), EVENTS, ERRORS),
    ).resolves.toBeTruthy();
    await expect(
      unwrapWebhook(BODY, signed(BODY, { timestamp: NOW + 300 }), options(), EVENTS, ERRORS),
    ).resolves.toBeTruthy();
  });

  test("a tampered body, a wrong secret, a changed id or timestamp: no matching signature", async () => {
    const headers = signed();
    const tampered = BODY.replace("990", "1");
    for (const [body, given, opts] of [
      [tampered, headers, options()],
      [BODY, headers, options({ secret: OLD_SECRET })],
      [BODY, { ...headers, "webhook-id": "msg_2" }, options()],
      [BODY, { ...headers, "webhook-timestamp": String(NOW - 1) }, options()],
      [`${BODY} `, headers, options()],
    ] as const) {
      const error = await refusal(body, given, opts);
      expect([error.constructor, error.reason]).toEqual([SignatureRefused, "no-matching-signature"]);
    }
  });

  test("rotation: several signatures in the header, several secrets in the options", async () => {
    const byOld = signed(BODY, { secret: OLD_SECRET });
    const byNew = signed();
    // The sender signs with both while the endpoint moves to the new secret.
    const both = { ...byNew, "webhook-signature": `${byOld["webhook-signature"]} ${byNew["webhook-signature"]}` };
    expect(await unwrapWebhook(BODY, both, options(), EVENTS, ERRORS)).toEqual(JSON.parse(BODY));
    expect(await unwrapWebhook(BODY, both, options({ secret: [OLD_SECRET] }), EVENTS, ERRORS)).toEqual(
      JSON.parse(BODY),
    );
    // The receiver accepts either secret while the sender still signs with the old one.
    expect(await unwrapWebhook(BODY, byOld, options({ secret: [SECRET, OLD_SECRET] }), EVENTS, ERRORS)).toEqual(
      JSON.parse(BODY),
    );
    expect((await refusal(BODY, byOld, options({ secret: [SECRET] }))).reason).toBe("no-matching-signature");
    // Only other versions: nothing to match.
    const v1a = { ...byNew, "webhook-signature": byNew["webhook-signature"].replace("v1,", "v1a,") };
    expect((await refusal(BODY, v1a)).reason).toBe("no-matching-signature");
  });

  test("the call's own faults: a secret that is not base64, none, a parsed body", async () => {
    expect((await refusal(BODY, signed(), options({ secret: "whsec_***" }))).reason).toBe("invalid-secret");
    expect((await refusal(BODY, signed(), options({ secret: [] }))).reason).toBe("invalid-secret");
    expect((await refusal(BODY, signed(), options({ secret: [SECRET, "nope!"] }))).reason).toBe("invalid-secret");
    const parsed = await refusal(JSON.parse(BODY), signed());
    expect([parsed.constructor, parsed.reason]).toEqual([Refused, "body-not-raw"]);
    // A runtime without WebCrypto on globalThis (Node 18) is told to pass one.
    const crypto = Object.getOwnPropertyDescriptor(globalThis, "crypto");
    Object.defineProperty(globalThis, "crypto", { value: undefined, configurable: true });
    try {
      const missing = await refusal(BODY, signed());
      expect([missing.reason, missing.message]).toEqual([
        "no-webcrypto",
        "this runtime has no globalThis.crypto.subtle: pass `subtle` (node:crypto's webcrypto.subtle)",
      ]);
      const { webcrypto } = await import("node:crypto");
      const subtle = webcrypto.subtle as unknown as UnwrapOptions["subtle"];
      expect(await unwrapWebhook(BODY, signed(), options({ subtle }), EVENTS, ERRORS)).toEqual(JSON.parse(BODY));
    } finally {
      if (crypto) Object.defineProperty(globalThis, "crypto", crypto);
    }
  });

  test("a signed body that is not JSON, or none of the document's events", async () => {
    const text = "order created";
    const notJson = await refusal(text, signed(text));
    expect([notJson.constructor, notJson.reason]).toEqual([PayloadRefused, "invalid-json"]);
    for (const value of [
      { type: "order.refunded", data: {} },
      { type: "order.created" },
      [{ type: "order.created", data: {} }],
      "order.created",
      null,
    ]) {
      const body = JSON.stringify(value);
      const error = await refusal(body, signed(body));
      expect([error.constructor, error.reason]).toEqual([PayloadRefused, "unknown-event"]);
    }
    const paid = JSON.stringify({ type: "order.paid", data: {}, extra: 1 });
    expect(await unwrapWebhook(paid, signed(paid), options(), EVENTS, ERRORS)).toEqual(JSON.parse(paid));
  });

  test("invalid UTF-8 is not JSON", async () => {
    const bytes = new Uint8Array([0x7b, 0xff, 0x7d]);
    const id = "msg_1";
    const key = Buffer.from(SECRET.slice(6), "base64");
    const mac = createHmac("sha256", key)
      .update(Buffer.concat([Buffer.from(`${id}.${NOW}.`), bytes]))
      .digest("base64");
    const headers = { "webhook-id": id, "webhook-timestamp": String(NOW), "webhook-signature": `v1,${mac}` };
    expect((await refusal(bytes, headers)).reason).toBe("invalid-json");
  });
});

describe("event shapes", () => {
  test("type, required properties and constants; an entry without shapes takes any JSON", () => {
    const entry: WebhookEventEntry = {
      name: "e",
      shapes: [
        { type: "object", required: ["kind"], consts: { kind: "a" } },
        { type: "object", required: ["kind", "b"], consts: { kind: "b" } },
      ],
    };
    expect(matchesEvent({ kind: "a" }, entry)).toBe(true);
    expect(matchesEvent({ kind: "b" }, entry)).toBe(false);
    expect(matchesEvent({ kind: "b", b: 1 }, entry)).toBe(true);
    expect(matchesEvent({ kind: "c", b: 1 }, entry)).toBe(false);
    expect(matchesEvent([], { name: "list", shapes: [{ type: "array" }] })).toBe(true);
    expect(matchesEvent({}, { name: "list", shapes: [{ type: "array" }] })).toBe(false);
    expect(matchesEvent(42, { name: "any", shapes: [] })).toBe(true);
    // A constant on an optional property is checked only when the property is there.
    expect(matchesEvent({}, { name: "o", shapes: [{ type: "object", consts: { v: 1 } }] })).toBe(true);
    expect(matchesEvent({ v: 2 }, { name: "o", shapes: [{ type: "object", consts: { v: 1 } }] })).toBe(false);
  });
});
