// @ts-check
// `sdkit-mock send-webhook`: one of the document's webhook events, signed as Standard Webhooks
// specifies (webhook-id, webhook-timestamp, webhook-signature: v1 HMAC-SHA256 of
// `id.timestamp.body` under the base64 key of a `whsec_` secret), sent to the integrator's own
// endpoint, so a handler can be tried locally before the API sends it anything.
import { createHmac, randomUUID } from "node:crypto";
import { UsageError } from "@sdkit/cli-kit";
import { mediaExample, webhookModels } from "@sdkit/codegen";

/**
 * @typedef {{ name: string, method: string, summary: string | undefined, mediaObject: any }} WebhookInfo
 *   a webhook of the document: its name, the method it is sent with, and its JSON Media Type Object
 */

/**
 * The document's webhooks (`webhooks`, or `x-webhooks` in 3.0) with a JSON body.
 *
 * @param {Record<string, any>} spec
 * @param {string} [file]
 * @returns {WebhookInfo[]}
 */
export function listWebhooks(spec, file) {
  return webhookModels(spec, file, new Set()).webhooks;
}

/**
 * The example event of one webhook: the document's own example, else one derived from its schema
 * (the generator's conforming example).
 *
 * @param {Record<string, any>} spec
 * @param {string} name
 * @param {string} [file]
 * @returns {{ webhook: WebhookInfo, event: unknown }}
 */
export function webhookExample(spec, name, file) {
  const webhooks = listWebhooks(spec, file);
  const webhook = webhooks.find((candidate) => candidate.name === name);
  if (webhook === undefined) {
    throw new UsageError(
      webhooks.length === 0
        ? `the document declares no webhooks (OpenAPI 3.1 \`webhooks\`, or \`x-webhooks\` in 3.0)`
        : `no webhook "${name}" in the document; it declares ${webhooks.map((w) => w.name).join(", ")}`,
    );
  }
  return { webhook, event: mediaExample(spec, webhook.mediaObject) };
}

/**
 * The headers of a signed delivery of `body`.
 *
 * @param {{ body: string, secret: string, id?: string, timestamp?: number }} input
 * @returns {Record<string, string>}
 */
export function signedHeaders({ body, secret, id = `msg_${randomUUID()}`, timestamp = Math.floor(Date.now() / 1000) }) {
  const base64 = secret.startsWith("whsec_") ? secret.slice("whsec_".length) : secret;
  if (base64 === "" || !/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) {
    throw new UsageError("--secret must be a Standard Webhooks secret: whsec_ followed by base64");
  }
  const signature = createHmac("sha256", Buffer.from(base64, "base64"))
    .update(`${id}.${timestamp}.${body}`)
    .digest("base64");
  return {
    "content-type": "application/json",
    "webhook-id": id,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": `v1,${signature}`,
  };
}

/**
 * Sends one signed event to `to` and returns what the receiver answered.
 *
 * @param {{
 *   spec: Record<string, any>, file?: string, event: string, to: string, secret: string,
 *   data?: unknown, fetch?: typeof globalThis.fetch, timeoutMs?: number,
 * }} input `data`: the event to send instead of the document's example
 */
export async function sendWebhook({
  spec,
  file,
  event,
  to,
  secret,
  data,
  fetch = globalThis.fetch,
  timeoutMs = 10_000,
}) {
  let url;
  try {
    url = new URL(to);
  } catch {
    throw new UsageError(`--to must be a URL (http://127.0.0.1:3000/webhooks), got "${to}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new UsageError(`--to must be http(s), got ${url.protocol}`);
  const { webhook, event: example } = webhookExample(spec, event, file);
  const body = JSON.stringify(data === undefined ? example : data);
  const headers = signedHeaders({ body, secret });
  const response = await fetch(url, {
    method: webhook.method.toUpperCase(),
    headers,
    body,
    signal: AbortSignal.timeout(timeoutMs),
    redirect: "manual",
  });
  return { status: response.status, body: await response.text(), sent: { headers, body } };
}
