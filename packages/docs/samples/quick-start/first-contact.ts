import { createHatchClient } from "@hatch-api/client";

const hatch = createHatchClient({ apiKey: process.env.HATCH_API_KEY });

const contact = await hatch.contacts.upsert({
  source: "custom:website-quote-form",
  firstName: "Dana",
  phoneNumber: "6364618187",
});

console.log(`Hatch contact ${contact.id}`);
