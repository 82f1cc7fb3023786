import {
  AuthenticationError,
  createHatchClient,
  HatchConnectionError,
  HatchTimeoutError,
  RateLimitError,
  ValidationError,
} from "@hatch-api/client";

const hatch = createHatchClient({
  apiKey: process.env.HATCH_API_KEY,
  // 429, 5xx and network failures are retried for you; raise or lower the number of retries here.
  maxRetries: 3,
});

try {
  const contact = await hatch.contacts.upsert({ source: "custom:website-quote-form", email: "not-an-email" });
  console.log(`Hatch contact ${contact.id}`);
} catch (error) {
  if (error instanceof ValidationError) {
    // 422: fix the named fields; sending the same body again fails the same way.
    for (const [field, messages] of Object.entries(error.fieldErrors)) {
      console.error(`${field}: ${messages.join(", ")}`);
    }
  } else if (error instanceof RateLimitError) {
    // 429 after the retries ran out: wait at least retryAfterMs before the next request.
    console.error(`Rate limited; retry in ${error.retryAfterMs} ms`);
  } else if (error instanceof AuthenticationError) {
    // 401: the key is missing, unknown or revoked. Create a new one in the App Marketplace.
    console.error("Hatch refused the API key");
  } else if (error instanceof HatchTimeoutError || error instanceof HatchConnectionError) {
    console.error("Hatch could not be reached; the contact was not sent");
  } else {
    throw error;
  }
}
