// @ts-check
// The SDK's `webhooks` member (webhook-events.ts): `unwrap`, typed with the document's event union,
// and the table of events it checks a verified body against. Generated only for a document with
// webhooks; the SDK's resources import it, so an SDK without webhooks carries none of this.
import { jsDoc } from "../render.js";

/** The generated module's file name (not a resource name: those are identifiers). */
export const WEBHOOKS_FILE = "webhook-events.ts";

/**
 * @param {{
 *   webhooks: import("../webhooks.js").WebhookModel[],
 *   unionName: string,
 *   typesModule: string,
 *   header: string,
 * }} input
 */
export function webhooksFile({ webhooks, unionName, typesModule, header }) {
  const entries = webhooks.map((webhook) => {
    const shapes = JSON.stringify(webhook.shapes);
    return `  { name: ${JSON.stringify(webhook.name)}, shapes: ${shapes} },`;
  });
  return `// ${header}
import type { ${unionName} } from ${JSON.stringify(typesModule)};
import { WebhookHeaderError, WebhookPayloadError, WebhookSignatureError, WebhookTimestampError, WebhookVerificationError } from "./client.js";
import { type UnwrapOptions, unwrapWebhook, type WebhookEventEntry, type WebhookHeaders } from "./core/webhooks.js";

/** The document's webhooks, and what a body of each looks like (from its schema). */
const EVENTS: readonly WebhookEventEntry[] = [
${entries.join("\n")}
];

${jsDoc(["Verifies the webhook requests the API sends to your server."])}export interface Webhooks {
${jsDoc(
  [
    "Verifies a webhook request (Standard Webhooks: `webhook-id`, `webhook-timestamp` within `toleranceSeconds`, a `v1` HMAC-SHA256 `webhook-signature` by one of the secrets) and returns its event. Pass the raw body exactly as received: a re-serialised object does not verify.",
    `Events: ${webhooks.map((webhook) => `\`${webhook.name}\``).join(", ")}.`,
    "@throws {WebhookVerificationError} a subclass naming the reason (`WebhookHeaderError`, `WebhookTimestampError`, `WebhookSignatureError`, `WebhookPayloadError`); never an unverified event",
  ],
  "  ",
)}  unwrap(rawBody: string | Uint8Array | ArrayBuffer, headers: WebhookHeaders, options: UnwrapOptions): Promise<${unionName}>;
}

// The error classes are read when unwrap runs, not when this module loads: the client file that
// declares them imports this module through the resources.
export const webhooks: Webhooks = {
  unwrap(rawBody, headers, options) {
    return unwrapWebhook(rawBody, headers, options, EVENTS, {
      Header: WebhookHeaderError,
      Timestamp: WebhookTimestampError,
      Signature: WebhookSignatureError,
      Payload: WebhookPayloadError,
      Verification: WebhookVerificationError,
    }) as Promise<${unionName}>;
  },
};
`;
}
