import { createHatchClient, type Middleware } from "@hatch-api/client";

// Runs around every attempt (retries included): it may change the request, answer it itself, or
// look at the response. context.log goes to the client's logger with the API key redacted.
const timing: Middleware = async (request, next, context) => {
  const started = Date.now();
  const response = await next(request);
  context.log("hatch call", { request, status: response.status, attempt: context.attempt, ms: Date.now() - started });
  return response;
};

const hatch = createHatchClient({ apiKey: process.env.HATCH_API_KEY, middleware: [timing], logger: console });
const contact = await hatch.contacts.upsert({ source: "custom:website-quote-form", phoneNumber: "6364618187" });
console.log(`Hatch contact ${contact.id}`);
