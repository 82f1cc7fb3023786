// @ts-check
// The error classes of `webhooks.unwrap`, rendered into the generated client file only for a
// document that declares webhooks. They live there, beside the configured base class they extend,
// because the webhook module reaches the client file through the resources: a class declared in
// the webhook module would extend the base before the client file had run (an import cycle).

/**
 * @param {{ error: string }} names the configured names (clientFileNames)
 * @returns {string}
 */
export function renderWebhookErrorClasses(names) {
  return `
/** Why \`webhooks.unwrap\` refused a request (the \`reason\` of its errors). */
export type WebhookFailureReason = import("./core/webhooks.js").WebhookFailureReason;

/** \`webhooks.unwrap\` refused a request: \`reason\` says why. Answer such a request with a 4xx and do not act on it. */
export class WebhookVerificationError extends ${names.error} {
  override name = "WebhookVerificationError";
  /** Why: \`missing-header\`, \`invalid-timestamp\`, \`timestamp-too-old\`, \`timestamp-in-future\`, \`no-matching-signature\`, \`invalid-secret\`, \`no-webcrypto\`, \`body-not-raw\`, \`invalid-json\` or \`unknown-event\`. */
  declare readonly reason: WebhookFailureReason;

  constructor(message: string, reason: WebhookFailureReason) {
    super(message);
    this.reason = reason;
  }
}

/** A Standard Webhooks header (\`webhook-id\`, \`webhook-timestamp\`, \`webhook-signature\`) is missing or empty. */
export class WebhookHeaderError extends WebhookVerificationError {
  override name = "WebhookHeaderError";
  /** The missing header's name. */
  declare readonly header: string;

  constructor(message: string, reason: WebhookFailureReason, header: string) {
    super(message, reason);
    this.header = header;
  }
}

/** \`webhook-timestamp\` is not a Unix time, or is further from now than the tolerance (a replay). */
export class WebhookTimestampError extends WebhookVerificationError {
  override name = "WebhookTimestampError";
}

/** No signature of \`webhook-signature\` matches the body under the secret(s) given. */
export class WebhookSignatureError extends WebhookVerificationError {
  override name = "WebhookSignatureError";
}

/** The signed body is not JSON, or is none of the events the API document declares. */
export class WebhookPayloadError extends WebhookVerificationError {
  override name = "WebhookPayloadError";
}
`;
}
