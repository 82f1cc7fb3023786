import { afterEach, describe, expect, test } from "vitest";
import {
  type AcmeClientOptions,
  AcmeConnectionError,
  AcmeError,
  AcmeResponseError,
  AcmeTimeoutError,
  createAcmeClient,
} from "../test/.generated/sdk/index.js";
import { type Handler, type LocalServer, startServer } from "../test/helpers/local-server.js";
import { contact } from "../test/helpers/observed-client.js";
import { outcomeOf } from "../test/helpers/outcome.js";

// Faults that only a real socket shows, against a node:http server on 127.0.0.1. Timeouts are
// short so a fixed client finishes quickly; the tests assert what happened, never how long it took.

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function clientFor(handler: Handler, options: AcmeClientOptions = {}) {
  server = await startServer(handler);
  return createAcmeClient({ apiKey: "local-key", baseUrl: server.url, rateLimit: false, ...options });
}

const headersThenStall: Handler = (_req, res) => {
  res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
  res.write('{"data":');
  // ...and nothing more: the socket stays open.
};

describe("the deadline covers the body (defect 1)", () => {
  test("headers then a stalled body: contacts.upsert times out", async () => {
    const acme = await clientFor(headersThenStall, { timeoutMs: 300, maxRetries: 0 });
    const { error } = await outcomeOf(acme.contacts.upsert(contact));
    expect(error).toBeInstanceOf(AcmeTimeoutError);
    expect((error as AcmeTimeoutError).timeoutMs).toBe(300);
  });

  test("headers then a stalled body: acme.POST times out too", async () => {
    const acme = await clientFor(headersThenStall, { timeoutMs: 300, maxRetries: 0 });
    const { error } = await outcomeOf(acme.POST("/v1/contacts", { body: contact }));
    expect(error).toBeInstanceOf(AcmeTimeoutError);
  });

  test("an abort during a stalled body rejects with the abort reason", async () => {
    const acme = await clientFor(headersThenStall, { timeoutMs: 60_000, maxRetries: 0 });
    const controller = new AbortController();
    const pending = outcomeOf(acme.contacts.upsert(contact, { signal: controller.signal }));
    while (server?.requests.length === 0) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 50)); // let the headers arrive
    const reason = new Error("caller gave up");
    controller.abort(reason);
    expect((await pending).error).toBe(reason);
  });

  test("a body that trickles a byte at a time cannot outlive the timeout", async () => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const acme = await clientFor(
      (_req, res) => {
        res.writeHead(200, { "content-type": "application/json" });
        timer = setInterval(() => res.write(" "), 20);
        res.on("close", () => clearInterval(timer));
      },
      { timeoutMs: 300, maxRetries: 0 },
    );
    try {
      const { error } = await outcomeOf(acme.contacts.upsert(contact));
      expect(error).toBeInstanceOf(AcmeTimeoutError);
    } finally {
      clearInterval(timer);
    }
  });

  test("an endless chunked body stops at maxResponseBytes", async () => {
    const chunk = Buffer.alloc(16 * 1024, 0x20);
    const acme = await clientFor(
      (_req, res) => {
        res.writeHead(200, { "content-type": "application/json" });
        const pump = () => {
          while (!res.destroyed && res.write(chunk)) {}
          if (!res.destroyed) res.once("drain", pump);
        };
        pump();
      },
      { maxResponseBytes: 256 * 1024, maxRetries: 0 },
    );
    const { error } = await outcomeOf(acme.contacts.upsert(contact));
    expect(error).toBeInstanceOf(AcmeResponseError);
    expect((error as Error).message).toMatch(/over maxResponseBytes \(262144 bytes\)/);
  });

  test("a declared Content-Length over the cap is refused before reading", async () => {
    const acme = await clientFor(
      (_req, res) => {
        res.writeHead(200, { "content-type": "application/json", "content-length": String(10 * 1024 * 1024) });
        res.write("{");
      },
      { maxResponseBytes: 1024, maxRetries: 0 },
    );
    const { error } = await outcomeOf(acme.POST("/v1/contacts", { body: contact }));
    expect(error).toBeInstanceOf(AcmeResponseError);
    expect((error as AcmeResponseError).status).toBe(200);
  });
});

describe("non-JSON and broken bodies are AcmeErrors (defect 2)", () => {
  const html: Handler = (_req, res) => {
    res.writeHead(200, { "content-type": "text/html", "x-request-id": "req-html" });
    res.end("<html><body>Captive portal</body></html>");
  };

  test("a 200 with HTML: AcmeResponseError naming the status, type and an excerpt", async () => {
    const acme = await clientFor(html);
    for (const call of [
      (): Promise<unknown> => acme.contacts.upsert(contact),
      (): Promise<unknown> => acme.POST("/v1/contacts", { body: contact }),
    ]) {
      const { error } = await outcomeOf(call());
      expect(error).toBeInstanceOf(AcmeResponseError);
      expect(error).toMatchObject({ status: 200, requestId: "req-html" });
      expect((error as Error).message).toMatch(
        /responded 200 with a body that is not valid JSON \(content-type text\/html\)/,
      );
      expect((error as Error).message).toContain("Captive portal");
      expect((error as Error).cause).toBeInstanceOf(SyntaxError);
    }
  });

  test("a 200 with truncated JSON (complete transfer): AcmeResponseError, not retried", async () => {
    const acme = await clientFor((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"data":{"id":"4856');
    });
    const { error } = await outcomeOf(acme.contacts.upsert(contact));
    expect(error).toBeInstanceOf(AcmeResponseError);
    expect(server?.requests).toHaveLength(1);
  });

  const resetMidBody: Handler = (_req, res) => {
    res.writeHead(200, { "content-type": "application/json", "content-length": "60" });
    res.write('{"data":{"id":');
    setTimeout(() => res.socket?.destroy(), 20);
  };

  test("a reset mid-body: AcmeConnectionError, retried when the body has a matching key", async () => {
    const acme = await clientFor(
      (req, res, body, index) => {
        if (index === 0) return resetMidBody(req, res, body, index);
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ data: { id: "after-reset" } }));
      },
      { maxRetries: 2 },
    );
    // `contact` carries a phoneNumber: a second delivery updates the contact the first created.
    await expect(acme.contacts.upsert(contact)).resolves.toEqual({ id: "after-reset" });
    expect(server?.requests).toHaveLength(2);
  });

  test("a reset mid-body without a matching key: not re-sent, the error says it may have been applied", async () => {
    const acme = await clientFor(resetMidBody, { maxRetries: 2 });
    const { error } = await outcomeOf(acme.contacts.upsert({ source: "custom:no-key", firstName: "Dana" }));
    expect(error).toBeInstanceOf(AcmeConnectionError);
    expect(error).toBeInstanceOf(AcmeError);
    expect(error).not.toBeInstanceOf(AcmeTimeoutError);
    expect((error as AcmeConnectionError).mayHaveBeenApplied).toBe(true);
    expect((error as Error).message).toMatch(/failed while reading the response/);
    expect((error as Error).message).toMatch(/may have been applied/);
    expect(server?.requests).toHaveLength(1);
  });

  test("a reset mid-body on acme.POST is a AcmeConnectionError too", async () => {
    const acme = await clientFor(resetMidBody, { maxRetries: 0 });
    const { error } = await outcomeOf(acme.POST("/v1/contacts", { body: contact }));
    expect(error).toBeInstanceOf(AcmeConnectionError);
  });
});
