// Code a typical customer writes against @hatch-api/client. `pnpm spec:check` compiles it (with the
// last release's docs samples) against the SDK built from the current spec: if it stops compiling,
// the pending changesets must make a major release. Edit it only to cover more of the surface.
import { createHatchClient, HatchApiError, ValidationError } from "@hatch-api/client";

const hatch = createHatchClient({ apiKey: "type-gate-placeholder-key" });

export async function sendLead(): Promise<string> {
  const contact = await hatch.contacts.upsert({
    source: "custom:website-quote-form",
    firstName: "Dana",
    lastName: "Whitfield",
    email: "dana.whitfield@example.com",
    phoneNumber: "6364618187",
    externalID: "lead-20931",
    externalContactID: "crm-contact-7712",
    status: "new",
    externalCreatedAt: "2026-11-02T15:04:05Z",
    externalUpdatedAt: "2026-11-02T15:04:05Z",
    details: { service: "water heater replacement" },
  });
  const id: string = contact.id;
  return id;
}

export function explain(error: unknown): string {
  if (error instanceof ValidationError) return Object.keys(error.fieldErrors).join(", ");
  if (error instanceof HatchApiError) return String(error.status);
  return "unknown";
}
