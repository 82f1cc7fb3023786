import { describe, expect, test } from "vitest";
import type { FetchLike } from "./.generated/sdk/core/definition.js";
import { createClient } from "./.generated/sdk/core/openapi-fetch.js";
import { createOperationCaller, type OperationDescriptor } from "./.generated/sdk/core/operation.js";
import { type CallSettings, createTransport } from "./.generated/sdk/core/transport.js";
import { AcmeError, AcmeTimeoutError, NotFoundError } from "./.generated/sdk/index.js";
import type { paths } from "./.generated/types/index.js";
import { sdk, transportOptions } from "./helpers/definition.js";

// The hand-written `call` every generated method goes through, on operations the fixture spec does
// not have yet (path, query and header parameters; unwrap), with an in-memory fetch.

function caller(reply: (request: Request) => Response | Promise<Response>) {
  const seen: Request[] = [];
  const settingsSeen: CallSettings[] = [];
  const fetch: FetchLike = async (request) => {
    seen.push(request);
    return reply(request);
  };
  const options = transportOptions({ apiKey: "op-key", fetch, timeoutMs: 5_000, maxRetries: 0 });
  const base = createTransport(options);
  const transport = (settings?: CallSettings) => {
    if (settings) settingsSeen.push(settings);
    return base(settings);
  };
  const api = createClient<paths, "application/json">({ baseUrl: "https://op.test", fetch: base() });
  return { call: createOperationCaller(api, transport, options.redact, sdk), seen, settingsSeen };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

const getNote: OperationDescriptor = {
  operationId: "getNote",
  sdkName: "notes.get",
  method: "get",
  path: "/v1/contacts/{contactId}/notes/{noteId}",
};

describe("the operation caller", () => {
  test("serialises path, query and header parameters, and resolves to the body", async () => {
    const { call, seen } = caller(() => json(200, { text: "hi" }));
    const result = await call<{ text: string }>(getNote, {
      path: { contactId: "c/1 2", noteId: 7 },
      query: { include: "author", limit: 2 },
      header: { "X-Trace": "t-1" },
    });
    expect(result).toEqual({ text: "hi" });
    const [request] = seen;
    expect(request?.method).toBe("GET");
    expect(request?.url).toBe("https://op.test/v1/contacts/c%2F1%202/notes/7?include=author&limit=2");
    expect(request?.headers.get("x-trace")).toBe("t-1");
    expect(request?.headers.get("authorization")).toBe("Bearer op-key");
  });

  test("unwraps the declared member, and refuses a body without what its schema requires", async () => {
    const unwrapped = { ...getNote, unwrap: "data", unwrapRequires: ["id"] };
    expect(await caller(() => json(200, { data: { id: "n-1" } })).call(unwrapped, {})).toEqual({ id: "n-1" });
    await expect(caller(() => json(200, { data: { text: "x" } })).call(unwrapped, {})).rejects.toThrow(
      /responded 200 without a note id .* for notes\.get/,
    );
    await expect(caller(() => json(200, {})).call(unwrapped, {})).rejects.toThrow(AcmeError);
  });

  test("throws the error class of the status", async () => {
    const { call } = caller(() =>
      json(404, { errors: [{ title: "Not found", detail: "no note", source: { pointer: "/" } }] }),
    );
    const error = await call(getNote, { path: { contactId: "c", noteId: "n" } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotFoundError);
  });

  test("hands per-call transport settings to the transport, and nothing that shapes the request", async () => {
    const { call, settingsSeen } = caller(() => json(200, {}));
    await call(getNote, { path: { contactId: "c", noteId: "n" } }, { timeoutMs: 1_234 });
    await call(getNote, { path: { contactId: "c", noteId: "n" } }, {
      signal: new AbortController().signal,
      method: "GET",
    } as never);
    expect(settingsSeen).toEqual([{ timeoutMs: 1_234 }]);
  });

  test("a per-call timeout applies", async () => {
    const { call } = caller(
      (request) =>
        new Promise<Response>((_, reject) =>
          request.signal.addEventListener("abort", () => reject(request.signal.reason)),
        ),
    );
    await expect(call(getNote, { path: { contactId: "c", noteId: "n" } }, { timeoutMs: 20 })).rejects.toBeInstanceOf(
      AcmeTimeoutError,
    );
  });
});

describe("a success body that is not JSON", () => {
  test("is asked for by its media type and read as text", async () => {
    const { call, seen } = caller(() => new Response("Keep it logically awesome.", { status: 200 }));
    const zen = { ...getNote, responseMediaType: "text/plain" };
    await expect(call(zen, { path: { contactId: "c", noteId: "n" } })).resolves.toBe("Keep it logically awesome.");
    expect(seen[0]?.headers.get("accept")).toBe("text/plain");
  });

  test("is read as a Blob when it is not text (a file, an archive)", async () => {
    const bytes = new Uint8Array([80, 75, 3, 4]);
    const { call, seen } = caller(() => new Response(bytes, { status: 200 }));
    const archive = { ...getNote, responseMediaType: "application/zip" };
    const body = await call<Blob>(archive, { path: { contactId: "c", noteId: "n" } });
    expect(new Uint8Array(await body.arrayBuffer())).toEqual(bytes);
    expect(seen[0]?.headers.get("accept")).toBe("application/zip");
  });

  test("still gets its errors as the mapped class", async () => {
    const { call } = caller(() => json(404, { message: "no zen today" }));
    const zen = { ...getNote, responseMediaType: "text/plain" };
    await expect(call(zen, { path: { contactId: "c", noteId: "n" } })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("an operation that declares several response media types", () => {
  const csvExport = {
    ...getNote,
    responseMediaType: "text/csv",
    accept: "text/csv, application/json;q=0.9",
  };

  test("sends its Accept value: the success type first, the others at a lower quality", async () => {
    const { call, seen } = caller(() => new Response("item,amount\nwidget,3\n", { status: 200 }));
    await expect(call(csvExport, { path: { contactId: "c", noteId: "n" } })).resolves.toBe("item,amount\nwidget,3\n");
    expect(seen[0]?.headers.get("accept")).toBe("text/csv, application/json;q=0.9");
  });

  test("reads the error the server negotiated in another type as the mapped class", async () => {
    const { call } = caller(() => json(404, { errors: [{ title: "Not found", detail: "no report" }] }));
    const error = await call(csvExport, { path: { contactId: "c", noteId: "n" } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).status).toBe(404);
  });

  test("a JSON operation with an Accept of its own sends it and still parses JSON", async () => {
    const problem = { ...getNote, accept: "application/json, application/problem+json;q=0.9" };
    const { call, seen } = caller(() => json(200, { text: "hi" }));
    await expect(call(problem, { path: { contactId: "c", noteId: "n" } })).resolves.toEqual({ text: "hi" });
    expect(seen[0]?.headers.get("accept")).toBe("application/json, application/problem+json;q=0.9");
  });
});

describe("a method several verbs share", () => {
  const variants = {
    POST: { ...getNote, sdkName: "notes.save", method: "post" as const },
    PUT: { ...getNote, sdkName: "notes.save", method: "put" as const },
  };
  const path = { contactId: "c", noteId: "n" };

  test("sends the operation of the chosen verb", async () => {
    const { call, seen } = caller(() => json(200, {}));
    await call(variants, { path }, {}, "PUT");
    expect(seen[0]?.method).toBe("PUT");
  });

  test.each([["GET"], ["post"], [undefined], ["__proto__"]])(
    "refuses %s before sending, naming the verbs it takes",
    async (verb) => {
      const { call, seen } = caller(() => json(200, {}));
      const refused = call(variants, { path }, {}, verb);
      await expect(refused).rejects.toThrow(AcmeError);
      await expect(refused).rejects.toThrow(`notes.save: method must be "POST" or "PUT", got ${JSON.stringify(verb)}`);
      expect(seen).toHaveLength(0);
    },
  );
});

describe("a body that is not JSON", () => {
  const saveNote: OperationDescriptor = { ...getNote, sdkName: "notes.save", method: "post" };
  const path = { contactId: "c", noteId: "n" };

  test("is sent with its media type, through the operation's encoder", async () => {
    const { call, seen } = caller(() => json(200, {}));
    const form = {
      ...saveNote,
      bodyMediaType: "application/x-www-form-urlencoded",
      encodeBody: (body: unknown) => new URLSearchParams(body as Record<string, string>),
    };
    await call(form, { path, body: { text: "hi there" } });
    expect(seen[0]?.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
    expect(await seen[0]?.text()).toBe("text=hi+there");
    // Only an answer that is not JSON sets Accept; this one is left to the client's default.
    expect(seen[0]?.headers.get("accept")).toBe(null);
  });

  test("multipart leaves Content-Type to fetch, which adds the boundary", async () => {
    const { call, seen } = caller(() => json(200, {}));
    const multipart = {
      ...saveNote,
      bodyMediaType: "multipart/form-data",
      encodeBody: (body: unknown) => {
        const form = new FormData();
        form.set("text", String((body as { text: string }).text));
        return form;
      },
    };
    await call(multipart, { path, body: { text: "hi" } });
    expect(seen[0]?.headers.get("content-type")).toMatch(/^multipart\/form-data; boundary=/);
  });
});
