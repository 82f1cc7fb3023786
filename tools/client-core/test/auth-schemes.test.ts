import { describe, expect, test } from "vitest";
import { AcmeError, type AuthOption, createAcmeClient } from "./.generated/sdk/index.js";
import { createObservedClient, json, ok } from "./helpers/observed-client.js";
import { outcomeOf } from "./helpers/outcome.js";

// Each OpenAPI security scheme the core supports, as it reaches the wire (issue 10).

const body = { source: "custom:crm", phoneNumber: "6364618187" };

async function sentWith(auth: AuthOption | undefined, apiKey: string | undefined = "the-api-key") {
  const { client, calls } = createObservedClient(() => ok(), { apiKey, auth });
  await client.contacts.upsert(body);
  await client.POST("/v1/contacts", { body });
  expect(calls).toHaveLength(2);
  return calls;
}

describe("security schemes on the wire", () => {
  test("default: HTTP bearer with the API key (the fixture's scheme)", async () => {
    for (const call of await sentWith(undefined)) {
      expect(call.headers.get("authorization")).toBe("Bearer the-api-key");
      expect(new URL(call.url).search).toBe("");
    }
  });

  test("HTTP bearer with its own token", async () => {
    for (const call of await sentWith({ type: "bearer", token: "tok-123" }, undefined)) {
      expect(call.headers.get("authorization")).toBe("Bearer tok-123");
    }
  });

  test("HTTP basic: base64 of username:password, the password defaulting to the API key", async () => {
    for (const call of await sentWith({ type: "basic", username: "acme" })) {
      expect(call.headers.get("authorization")).toBe(`Basic ${btoa("acme:the-api-key")}`);
    }
    for (const call of await sentWith({ type: "basic", username: "dana", password: "pa55" }, undefined)) {
      expect(call.headers.get("authorization")).toBe(`Basic ${btoa("dana:pa55")}`);
    }
  });

  test("API key in a header", async () => {
    for (const call of await sentWith({ type: "apiKey", in: "header", name: "X-API-Key" })) {
      expect(call.headers.get("x-api-key")).toBe("the-api-key");
      expect(call.headers.get("authorization")).toBeNull();
    }
  });

  test("API key in the query, alongside the request's own parameters", async () => {
    for (const call of await sentWith({ type: "apiKey", in: "query", name: "api_key" })) {
      const url = new URL(call.url);
      expect(url.pathname).toBe("/v1/contacts");
      expect(url.searchParams.get("api_key")).toBe("the-api-key");
      expect(call.headers.get("authorization")).toBeNull();
    }
  });

  test("several schemes together (a security requirement naming two)", async () => {
    const auth: AuthOption = [
      { type: "apiKey", in: "header", name: "X-App-Id", value: "app-7" },
      { type: "apiKey", in: "query", name: "key" },
      { type: "bearer", token: "session-9" },
    ];
    for (const call of await sentWith(auth)) {
      expect(call.headers.get("x-app-id")).toBe("app-7");
      expect(new URL(call.url).searchParams.get("key")).toBe("the-api-key");
      expect(call.headers.get("authorization")).toBe("Bearer session-9");
    }
  });

  test("a caller's per-request header cannot replace the scheme's", async () => {
    const { client, calls } = createObservedClient(() => ok(), {
      auth: { type: "apiKey", in: "header", name: "X-API-Key", value: "right" },
    });
    await client.POST("/v1/contacts", { body, headers: { "X-API-Key": "wrong" } });
    expect(calls[0]?.headers.get("x-api-key")).toBe("right");
  });

  test("a key sent in the query never shows in an error or a log line", async () => {
    const secret = "qk_live_8f2b9c1d7e6a5b4c";
    const lines: string[] = [];
    const { client } = createObservedClient(
      (call) => json(401, { message: `bad key in ${call.url}` }, { "x-echo": call.url }),
      {
        apiKey: secret,
        auth: { type: "apiKey", in: "query", name: "key" },
        logger: { debug: (message, details) => lines.push(`${message} ${JSON.stringify(details)}`) },
      },
    );
    const { error } = await outcomeOf(client.contacts.upsert(body));
    expect(error).toBeInstanceOf(AcmeError);
    expect((error as Error).message).toContain("key=[REDACTED]");
    expect(JSON.stringify(error)).not.toContain(secret);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).not.toContain(secret);
  });
});

describe("auth option checks", () => {
  test.each([
    [{ type: "apiKey", in: "cookie", name: "k" }, /`auth\.in` must be "header" or "query"/],
    [{ type: "apiKey", in: "header", name: "bad name" }, /`auth\.name` must be a valid header name/],
    [{ type: "basic", username: "a:b" }, /`auth\.username` must be a non-empty string without `:`/],
    [{ type: "digest" }, /`auth\.type` must be "bearer", "basic" or "apiKey"/],
    [[], /`auth` must name at least one scheme/],
    [[{ type: "bearer" }, { type: "basic", username: "u" }], /`auth` sets the authorization header twice/],
  ])("%j is refused at construction", (auth, message) => {
    expect(() => createAcmeClient({ apiKey: "k", fetch: async () => ok(), auth: auth as AuthOption })).toThrow(message);
  });

  test("a scheme with no secret of its own and no API key names what is missing", () => {
    expect(() => createAcmeClient({ apiKey: undefined, fetch: async () => ok(), auth: { type: "bearer" } })).toThrow(
      /`auth\.token` is missing/,
    );
  });

  test("a secret with a line break is refused without being echoed", () => {
    const create = () => createAcmeClient({ fetch: async () => ok(), auth: { type: "bearer", token: "tok-secret\n" } });
    expect(create).toThrow(/`auth\.token` contains whitespace/);
    expect(() => create()).not.toThrow(/tok-secret/);
  });
});
