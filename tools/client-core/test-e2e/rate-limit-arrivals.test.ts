import { afterEach, expect, test } from "vitest";
import { createAcmeClient, DEFAULT_RATE_LIMIT } from "../test/.generated/sdk/index.js";
import { type ArrivalLimitedServer, startArrivalLimitedServer } from "../test/helpers/arrival-limited-server.js";

// Real sockets and real time: the defect only shows where a first burst opens new connections (its
// requests arrive late) and the next burst reuses them (arriving at once). The window is scaled
// down tenfold through the public `rateLimit` option, with the server enforcing the same scaled
// limit: the limit itself (100) and the skew that caused the defect (milliseconds of connection
// set-up) are unchanged, so the property tested is the same, in 1.x s rather than 10.x s.
const limit = DEFAULT_RATE_LIMIT.limit;
const intervalMs = DEFAULT_RATE_LIMIT.intervalMs / 10;

let server: ArrivalLimitedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

test("150 concurrent upserts at the default limit draw no 429 from a server counting by arrival", async () => {
  expect(DEFAULT_RATE_LIMIT).toEqual({ limit: 100, intervalMs: 10_000 });
  server = await startArrivalLimitedServer(limit, intervalMs);
  const acme = createAcmeClient({ apiKey: "k", baseUrl: server.url, rateLimit: { limit, intervalMs }, maxRetries: 0 });
  const results = await Promise.allSettled(
    Array.from({ length: 150 }, (_, i) => acme.contacts.upsert({ source: "custom:load", externalID: String(i) })),
  );
  const failures = results.filter((r) => r.status === "rejected");
  expect(server.rejected).toBe(0);
  expect(failures).toEqual([]);
  expect(server.accepted).toBe(150);
  // The last 50 waited for the next window. How little they waited beyond it is speed, measured in
  // bench/ (import.rate.ratio) rather than asserted on wall-clock time here, where load decides it.
  const span = (server.arrivals.at(-1) as number) - (server.arrivals[0] as number);
  expect(span).toBeGreaterThanOrEqual(intervalMs);
});
