import { createShopClient, type ShopClientOptions } from "../.generated/capabilities/sdk/index.js";

/** What the in-memory fetch of a Shop client received. */
export interface SeenRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: string;
}

/**
 * A client of the capabilities fixture (test/fixture/capabilities) over an injected fetch that
 * records each request and answers with `reply` (called with the request and its index).
 */
export function createShopTestClient(
  reply: (request: SeenRequest, index: number) => Response | Promise<Response>,
  options: ShopClientOptions = {},
) {
  const seen: SeenRequest[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    const entry = {
      method: request.method,
      url: new URL(request.url),
      headers: request.headers,
      body: request.body === null ? "" : await request.text(),
    };
    seen.push(entry);
    return reply(entry, seen.length - 1);
  };
  const client = createShopClient({ apiKey: "shop-test-key", baseUrl: "https://api.shop.test", ...options, fetch });
  return { client, seen };
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}
