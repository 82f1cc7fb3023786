// @ts-check
// The corpus slice `pnpm test` runs (the full sample runs in `pnpm corpus`): three real documents
// of different kinds through lint, bundle and every generator, as `pnpm corpus --generate-only`
// does. About a minute on the 2-core CI machine, no install and no server.
//   - twilio.com/twilio_messaging_v1: the directory's x-logo, HTTP basic auth, form bodies
//   - openai.com: a schema named like an operation's generated alias (CreateAnswerResponse)
//   - oas-examples/3.1/security: OpenAPI 3.1, every kind of security scheme
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { listDocuments, onlyDocuments } from "../src/documents.js";
import { createGenerateLane } from "../src/generate-lane.js";

const SLICE = ["twilio.com/twilio_messaging_v1", "openai.com", "oas-examples/3.1/security"];
const work = await mkdtemp(join(tmpdir(), "corpus-slice-"));
const toolchain = new URL("../../../", import.meta.url).pathname;
// One worker for the three, as the sweep keeps one per slot.
const lane = createGenerateLane({ heapMb: 2048, toolchain });
afterAll(async () => {
  lane.close();
  await rm(work, { recursive: true, force: true });
});
const documents = onlyDocuments(listDocuments(), SLICE);

it.each(documents.map((doc) => [doc.name, doc]))(
  "%s lints, bundles and generates every target, within 2 GB",
  async (_name, doc) => {
    const result = await lane.run(doc, { work, timeoutMs: 240_000 });
    expect(result.failure).toBeUndefined();
    expect(result.ok).toBe(true);
    expect(result.peakMb ?? 0).toBeLessThan(2048);
  },
  300_000,
);
