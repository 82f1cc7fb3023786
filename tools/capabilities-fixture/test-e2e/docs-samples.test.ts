// The docs bundle of the fixture's document (what @sdkit/docs renders as the API reference): one
// generated sample per capability the document uses, each on its operation or webhook.
import { fileURLToPath } from "node:url";
import { buildDocsBundle } from "@sdkit/docs";
import { describe, expect, test } from "vitest";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

describe("docs samples of the capabilities", async () => {
  const docs = await buildDocsBundle({
    specPath: here("../src/generated/spec/openapi.json"),
    samplesDir: here("../samples"),
  });
  const typescript = (operation: { "x-codeSamples"?: Array<{ lang: string; source: string }> }) =>
    operation["x-codeSamples"]?.find((sample) => sample.lang === "typescript")?.source ?? "";

  test("pagination: the list's sample iterates every contact with for await", () => {
    expect(typescript(docs.paths["/v1/contacts"].get)).toContain("for await (const item of hatch.contacts.list()) {");
  });

  test("idempotency: the send's sample passes an idempotencyKey and says retries reuse it", () => {
    const sample = typescript(docs.paths["/v1/messages"].post);
    expect(sample).toContain("idempotencyKey:");
    expect(sample).toContain("every retry reuses it");
  });

  test("webhooks: the inbound-message webhook's sample is a handler that unwraps it", () => {
    const sample = typescript(docs["x-webhooks"]["message.received"].post);
    expect(sample).toContain("await hatch.webhooks.unwrap(await request.text(), request.headers, {");
    expect(sample).toContain("error instanceof WebhookVerificationError");
  });
});
