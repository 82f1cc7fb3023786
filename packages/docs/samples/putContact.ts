import { createHatchClient } from "@hatch-api/client";

const hatch = createHatchClient({ apiKey: process.env.HATCH_API_KEY });

// PUT /v1/contacts through the typed request surface:
// errors come back as values instead of exceptions.
const { data, error, response } = await hatch.PUT("/v1/contacts", {
  body: {
    source: "custom:website-quote-form",
    phoneNumber: "6364618187",
    status: "estimate scheduled",
  },
});

if (error) {
  // A JSON:API error document: source.pointer names the field.
  for (const problem of error.errors) {
    const field = problem.source.pointer;
    console.error(`${response.status} ${problem.title}: ${problem.detail} (${field})`);
  }
} else {
  console.log(`Hatch contact ${data.data.id}`);
}
