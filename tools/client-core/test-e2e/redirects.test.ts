import { afterEach, describe, expect, test } from "vitest";
import { AcmeApiError, createAcmeClient } from "../test/.generated/sdk/index.js";
import { type LocalServer, startServer } from "../test/helpers/local-server.js";
import { contact } from "../test/helpers/observed-client.js";
import { outcomeOf } from "../test/helpers/outcome.js";

// The API never redirects. A redirect (a misconfigured proxy, a hijacked DNS name) must not turn
// the upsert into a request to another origin, with or without the body and key (defect 5).

const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function redirecting(status: number) {
  const elsewhere = await startServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ data: { id: "someone-elses-id" } }));
  });
  servers.push(elsewhere);
  const api = await startServer((_req, res) => {
    res.writeHead(status, { location: `${elsewhere.url}/v1/contacts`, "x-request-id": "req-redirect" });
    res.end();
  });
  servers.push(api);
  const acme = createAcmeClient({ apiKey: "local-key", baseUrl: api.url, rateLimit: false });
  return { acme, api, elsewhere };
}

describe("redirects are errors naming the location", () => {
  test.each([301, 302, 303, 307, 308])("%i on contacts.upsert and acme.POST", async (status) => {
    const { acme, api, elsewhere } = await redirecting(status);
    for (const call of [
      (): Promise<unknown> => acme.contacts.upsert(contact),
      (): Promise<unknown> => acme.POST("/v1/contacts", { body: contact }),
    ]) {
      const { error } = await outcomeOf(call());
      expect(error).toBeInstanceOf(AcmeApiError);
      expect(error).toMatchObject({ status, requestId: "req-redirect" });
      expect((error as Error).message).toContain(`a redirect to "${elsewhere.url}/v1/contacts"`);
      expect((error as Error).message).toMatch(/never redirects/);
    }
    expect(api.requests).toHaveLength(2); // one per call: a redirect is not retried
    expect(elsewhere.requests).toHaveLength(0);
  });
});
