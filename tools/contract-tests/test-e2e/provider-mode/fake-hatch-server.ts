import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeHatchServer {
  url: string;
  /** Requests that reached this server (through Prism's proxy). */
  requests: number;
  close(): Promise<void>;
}

/**
 * A stand-in for the Hatch API on 127.0.0.1: checks the bearer key, validates the body like the
 * real API would, and answers with JSON:API errors. `breakSuccess` makes its 200 violate the spec
 * (`data.id` as a number) to prove the contract suite catches a provider that drifts.
 */
export async function startFakeHatchServer(options: {
  apiKey: string;
  breakSuccess?: boolean;
}): Promise<FakeHatchServer> {
  const state = { requests: 0 };
  const server = createServer(async (request, response) => {
    state.requests += 1;
    let raw = "";
    for await (const chunk of request) raw += chunk;
    if (request.url !== "/v1/contacts" || (request.method !== "POST" && request.method !== "PUT")) {
      return send(response, 404, { errors: [jsonApiError("Not found", "no such route", "/")] });
    }
    if (request.headers.authorization !== `Bearer ${options.apiKey}`) {
      return send(response, 401, { errors: [jsonApiError("Unauthorized", "A valid API key is required.", "/")] });
    }
    const problems = validateContact(raw);
    if (problems.length > 0) return send(response, 422, { errors: problems });
    return send(response, 200, { data: { id: options.breakSuccess ? 42 : randomUUID() } });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function validateContact(raw: string) {
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return [jsonApiError("Invalid body", "is not JSON", "/data")];
  }
  const problems = [];
  if (typeof body.source !== "string")
    problems.push(jsonApiError("Invalid value", "is required", "/data/attributes/source"));
  if (body.email != null && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(String(body.email))) {
    problems.push(jsonApiError("Invalid value", "is not a valid email address", "/data/attributes/email"));
  }
  return problems;
}

function jsonApiError(title: string, detail: string, pointer: string) {
  return { title, detail, source: { pointer } };
}

function send(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}
