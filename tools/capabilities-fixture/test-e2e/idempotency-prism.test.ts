// Contract test against Prism (@sdkit/mock serving the fixture's document): the built fixture SDK's
// `messages.send` (x-sdk-idempotency-key) asks Prism for a 500 on its first attempt
// (`Prefer: code=500`) and for the declared 201 on the retry; both carry the same key.
import { fileURLToPath } from "node:url";
import { createHatchClient } from "@hatch-api/capabilities-fixture";
import { type MockServer, startMock } from "@sdkit/mock";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

let mock: MockServer | undefined;

beforeAll(async () => {
  mock = await startMock({
    specPath: fileURLToPath(new URL("../src/generated/spec/openapi.json", import.meta.url)),
    log: false,
  });
});
afterAll(async () => {
  await mock?.stop();
});

/** A client whose middleware records each attempt's key and status, forcing a 500 on attempt `failing`. */
function recordingClient(failing: number[]) {
  const attempts: Array<{ key: string | null; status: number }> = [];
  const hatch = createHatchClient({
    apiKey: "contract-test-key",
    baseUrl: (mock as MockServer).url,
    rateLimit: false,
    maxRetries: 2,
    middleware: [
      async (request, next, context) => {
        const headers = new Headers(request.headers);
        if (failing.includes(context.attempt)) headers.set("Prefer", "code=500");
        const response = await next(new Request(request, { headers }));
        attempts.push({ key: request.headers.get("idempotency-key"), status: response.status });
        return response;
      },
    ],
  });
  return { hatch, attempts };
}

describe("idempotency keys against Prism", () => {
  test("a send answered 500 is retried with the same key, and Prism accepts every attempt", async () => {
    const { hatch, attempts } = recordingClient([1, 2]);
    const sent = await hatch.messages.send({ contactId: "4856cea1", body: "Your estimate is ready." });
    expect(sent).toEqual({ data: { id: "msg_8f2c41" } });
    expect(attempts.map((attempt) => attempt.status)).toEqual([500, 500, 201]);
    expect(attempts[0]?.key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(new Set(attempts.map((attempt) => attempt.key)).size).toBe(1);
  });

  test("each call has its own key, and the caller's key is sent as given", async () => {
    const { hatch, attempts } = recordingClient([]);
    await hatch.messages.send({ contactId: "c1", body: "one" });
    await hatch.messages.send({ contactId: "c1", body: "two" });
    await hatch.messages.send(
      { contactId: "c1", body: "three" },
      { headers: { "Idempotency-Key": "order-7-reminder" } },
    );
    expect(attempts.map((attempt) => attempt.status)).toEqual([201, 201, 201]);
    expect(attempts[0]?.key).not.toBe(attempts[1]?.key);
    expect(attempts[2]?.key).toBe("order-7-reminder");
  });
});
