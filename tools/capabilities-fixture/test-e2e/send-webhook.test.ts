// `sdkit-mock send-webhook` (the CLI an integrator runs) against a handler on 127.0.0.1 that
// verifies with the built fixture SDK's `webhooks.unwrap`, as an integrator's server would.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createHatchClient, type WebhookEvent, WebhookVerificationError } from "@hatch-api/capabilities-fixture";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const require = createRequire(import.meta.url);
const mockPackage = dirname(require.resolve("@sdkit/mock/package.json"));
const mockCli = join(
  mockPackage,
  JSON.parse(readFileSync(join(mockPackage, "package.json"), "utf8")).bin["sdkit-mock"],
);
const specPath = fileURLToPath(new URL("../src/generated/spec/openapi.json", import.meta.url));
const spec = JSON.parse(readFileSync(specPath, "utf8"));
const documentExample = spec["x-webhooks"]["message.received"].post.requestBody.content["application/json"].example;

const SECRET = `whsec_${Buffer.from("capabilities-fixture-signing-key").toString("base64")}`;
const hatch = createHatchClient({ apiKey: "unused-here" });

/** What the handler accepted (events) and refused (reasons), in order. */
const received: Array<{ event?: WebhookEvent; refused?: string }> = [];
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", async () => {
      try {
        const event = await hatch.webhooks.unwrap(Buffer.concat(chunks), request.headers, { secret: SECRET });
        received.push({ event });
        response.writeHead(204).end();
      } catch (error) {
        if (!(error instanceof WebhookVerificationError)) throw error;
        received.push({ refused: error.reason });
        response.writeHead(400, { "content-type": "text/plain" }).end(error.reason);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  url = `http://127.0.0.1:${address.port}/webhooks`;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

/** Runs `sdkit-mock send-webhook …` (the published bin) and collects its exit code and output. */
function sendWebhook(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [mockCli, "send-webhook", "--spec", specPath, ...args], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("sdkit-mock send-webhook", () => {
  test("--list names the document's webhooks (x-webhooks of an OpenAPI 3.0 document)", async () => {
    const run = await sendWebhook(["--list"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^message\.received\tA contact sent a text message$/m);
  });

  test("the document's example, signed, is accepted by a handler verifying with unwrap", async () => {
    const before = received.length;
    const run = await sendWebhook(["message.received", "--to", url, "--secret", SECRET]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`message.received → ${url}: 204`);
    expect(received.slice(before)).toEqual([{ event: documentExample }]);
  });

  test("--data sends the caller's event instead", async () => {
    const before = received.length;
    const event = { ...documentExample, data: { ...documentExample.data, body: "Running late" } };
    const run = await sendWebhook([
      "message.received",
      "--to",
      url,
      "--secret",
      SECRET,
      "--data",
      JSON.stringify(event),
    ]);
    expect(run.code).toBe(0);
    expect(received.slice(before)).toEqual([{ event }]);
  });

  test("a handler with another secret refuses it, and the command exits 1 with the answer", async () => {
    const before = received.length;
    const other = `whsec_${Buffer.from("a-different-signing-key-entirely").toString("base64")}`;
    const run = await sendWebhook(["message.received", "--to", url, "--secret", other]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(": 400 no-matching-signature");
    expect(received.slice(before)).toEqual([{ refused: "no-matching-signature" }]);
  });

  test("an event the document does not declare, or a bad secret: a usage error, nothing sent", async () => {
    const before = received.length;
    const unknown = await sendWebhook(["message.deleted", "--to", url, "--secret", SECRET]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no webhook "message.deleted" in the document; it declares message.received');
    const badSecret = await sendWebhook(["message.received", "--to", url, "--secret", "whsec_!!"]);
    expect(badSecret.code).toBe(2);
    expect(badSecret.stderr).toContain("--secret must be a Standard Webhooks secret");
    expect(received.length).toBe(before);
  });
});
