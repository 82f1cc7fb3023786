import { type AcmeClientOptions, createAcmeClient } from "../.generated/sdk/index.js";

export interface ObservedCall {
  method: string;
  url: string;
  headers: Headers;
  body: string;
  /** `performance.now()` when the request reached the fetch (fake under fake timers). */
  at: number;
  signal: AbortSignal;
}

/** Answers one call: a Response, or a thrown error standing in for a network failure. */
export type Reply = (call: ObservedCall, index: number) => Response | Promise<Response>;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

export const ok = (id = "4856cea1-0fdc-458b-9e76-57b9bbd4c891") => json(200, { data: { id } });

export function jsonApiErrors(status: number, errors: Array<{ title?: string; detail: string; pointer: string }>) {
  return json(status, {
    errors: errors.map((e) => ({
      title: e.title ?? "Invalid value",
      detail: e.detail,
      source: { pointer: e.pointer },
    })),
  });
}

/**
 * A client whose fetch is an in-memory function recording every request it receives, so tests see
 * exactly what would go on the wire (after retries, headers and the limiter) without global mocks.
 * `replies` are used in order; the last one repeats.
 */
export function createObservedClient(replies: Reply | Reply[], options: AcmeClientOptions = {}) {
  const calls: ObservedCall[] = [];
  const list = Array.isArray(replies) ? replies : [replies];
  const fetch = async (request: Request): Promise<Response> => {
    const call: ObservedCall = {
      method: request.method,
      url: request.url,
      headers: request.headers,
      body: await request.text(),
      at: performance.now(),
      signal: request.signal,
    };
    calls.push(call);
    const index = calls.length - 1;
    const reply = list[Math.min(index, list.length - 1)] as Reply;
    return reply(call, index);
  };
  const client = createAcmeClient({
    apiKey: "test-key",
    baseUrl: "https://api.test.example",
    rateLimit: false,
    ...options,
    fetch,
  });
  return { client, calls };
}

/** A reply that never answers but honours the request's signal, like a real fetch on a hung socket. */
export const hang: Reply = (call) =>
  new Promise<Response>((_, reject) => {
    call.signal.addEventListener("abort", () => reject(call.signal.reason), { once: true });
  });

export const contact = { source: "custom:website-quote-form", firstName: "Dana", phoneNumber: "6364618187" };
