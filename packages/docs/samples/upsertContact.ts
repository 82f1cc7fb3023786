import { createHatchClient } from "@hatch-api/client";

// Keep the key on your server: read it from the environment.
const hatch = createHatchClient({ apiKey: process.env.HATCH_API_KEY });

// POST /v1/contacts: creates the contact, or updates the one
// with the same phone number (first) or email (second).
const contact = await hatch.contacts.upsert({
  source: "custom:website-quote-form",
  firstName: "Dana",
  lastName: "Whitfield",
  email: "dana.whitfield@example.com",
  phoneNumber: "6364618187",
  externalID: "lead-20931",
  details: { service: "water heater replacement" },
});

console.log(`Hatch contact ${contact.id}`);
