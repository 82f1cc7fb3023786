import { describe, expect, test } from "vitest";
import { nextLink } from "./.generated/capabilities/sdk/core/pagination.js";
import { ServerError, ShopError } from "./.generated/capabilities/sdk/index.js";
import { createShopTestClient, jsonResponse, type SeenRequest } from "./helpers/shop-client.js";

/** Items n = 0 … total-1, with ids "i<n>". */
const items = (from: number, count: number) =>
  Array.from({ length: Math.max(0, count) }, (_, k) => ({ id: `i${from + k}`, n: from + k }));
const TOTAL = 25;

describe("pagination", () => {
  test("cursor (nextCursor in the body): for await yields every item, each page one request", async () => {
    const { client, seen } = createShopTestClient((request) => {
      const from = Number(request.url.searchParams.get("cursor") ?? 0);
      const limit = Number(request.url.searchParams.get("limit") ?? 10);
      const next = from + limit < TOTAL ? String(from + limit) : null;
      return jsonResponse(200, { data: items(from, Math.min(limit, TOTAL - from)), next_cursor: next });
    });
    const got: number[] = [];
    for await (const customer of client.customers.list({ limit: 10, email: "a@b.c" })) got.push(customer.n as number);
    expect(got).toEqual(items(0, TOTAL).map((item) => item.n));
    expect(seen.map((request) => request.url.search)).toEqual([
      "?limit=10&email=a%40b.c",
      "?limit=10&email=a%40b.c&cursor=10",
      "?limit=10&email=a%40b.c&cursor=20",
    ]);
    expect(seen.every((request) => request.headers.get("authorization") === "Bearer shop-test-key")).toBe(true);
  });

  test("Stripe's shape: starting_after is the last item's id, has_more false ends it", async () => {
    const { client, seen } = createShopTestClient((request) => {
      const after = request.url.searchParams.get("starting_after");
      const from = after === null ? 0 : Number(after.slice(1)) + 1;
      const limit = Number(request.url.searchParams.get("limit"));
      const data = items(from, Math.min(limit, TOTAL - from));
      return jsonResponse(200, { object: "list", url: "/v1/charges", data, has_more: from + limit < TOTAL });
    });
    const all = await client.charges.list({ limit: 10 }).toArray({ limit: 1000 });
    expect(all.map((charge) => charge.id)).toEqual(items(0, TOTAL).map((item) => item.id));
    expect(seen.map((request) => request.url.searchParams.get("starting_after"))).toEqual([null, "i9", "i19"]);
  });

  test("offset/limit: the offset advances by the items received; a short page ends it", async () => {
    const { client, seen } = createShopTestClient((request) => {
      const offset = Number(request.url.searchParams.get("offset") ?? 0);
      const limit = Number(request.url.searchParams.get("limit"));
      return jsonResponse(200, { items: items(offset, Math.min(limit, TOTAL - offset)), total: TOTAL });
    });
    const pages: number[] = [];
    for await (const page of client.events.list({ limit: 10 }).pages()) pages.push(page.items.length);
    expect(pages).toEqual([10, 10, 5]);
    expect(seen.map((request) => request.url.searchParams.get("offset"))).toEqual([null, "10", "20"]);
  });

  test("page number: counts up from the request's page; an empty page ends it", async () => {
    const { client, seen } = createShopTestClient((request) => {
      const page = Number(request.url.searchParams.get("page") ?? 1);
      return jsonResponse(200, { results: items((page - 1) * 10, Math.min(10, TOTAL - (page - 1) * 10)) });
    });
    const got = await client.invoices.list({ page: 2 }).toArray({ limit: 100 });
    expect(got.map((item) => item.n)).toEqual(items(10, 15).map((item) => item.n));
    expect(seen.map((request) => request.url.searchParams.get("page"))).toEqual(["2", "3", "4"]);
  });

  test("GitHub's Link headers: rel=next is followed (absolute, on the API's origin), its absence ends it", async () => {
    const base = "https://api.shop.test/repositories/1300192/issues";
    const { client, seen } = createShopTestClient((request) => {
      const page = Number(request.url.searchParams.get("page") ?? 1);
      const links = [
        `<${base}?per_page=10&page=${TOTAL / 10 + 1}>; rel="last"`,
        `<${base}?per_page=10&page=1>; rel="first"`,
      ];
      if (page * 10 < TOTAL) links.unshift(`<${base}?per_page=10&page=${page + 1}>; rel="next"`);
      return jsonResponse(200, items((page - 1) * 10, Math.min(10, TOTAL - (page - 1) * 10)), {
        link: links.join(", "),
      });
    });
    const first = await client.issues.list("octo", "repo", { per_page: 10 });
    expect(first.items).toHaveLength(10);
    expect(first.hasNextPage()).toBe(true);
    const all = [];
    for await (const issue of client.issues.list("octo", "repo", { per_page: 10 })) all.push(issue.id);
    expect(all).toEqual(items(0, TOTAL).map((item) => item.id));
    expect(seen.slice(1).map((request) => `${request.url.pathname}${request.url.search}`)).toEqual([
      "/repos/octo/repo/issues?per_page=10",
      "/repositories/1300192/issues?per_page=10&page=2",
      "/repositories/1300192/issues?per_page=10&page=3",
    ]);
  });

  test("a next link to another origin is not followed (the key would go there)", async () => {
    const { client, seen } = createShopTestClient(() =>
      jsonResponse(200, items(0, 2), { link: '<https://evil.test/steal?page=2>; rel="next"' }),
    );
    await expect(client.issues.list("o", "r").toArray({ limit: 10 })).rejects.toThrow(
      /next page is at https:\/\/evil\.test, not the API's origin/,
    );
    expect(seen).toHaveLength(1);
  });

  test("the Link parser: rel lists, unquoted rel, relative targets, no next", () => {
    expect(nextLink('<https://a.test/x?page=2>; rel="prev next"', "")).toBe("https://a.test/x?page=2");
    expect(nextLink("</x?page=3>; rel=next", "https://a.test/y")).toBe("https://a.test/x?page=3");
    expect(nextLink('<https://a.test/x?page=1>; rel="first"', "")).toBeUndefined();
    expect(nextLink(null, "")).toBeUndefined();
  });

  test("toArray stops at its limit without fetching further pages, and needs one", async () => {
    const { client, seen } = createShopTestClient((request) => {
      const from = Number(request.url.searchParams.get("cursor") ?? 0);
      return jsonResponse(200, { data: items(from, 10), next_cursor: String(from + 10) });
    });
    expect(await client.customers.list().toArray({ limit: 15 })).toHaveLength(15);
    expect(seen).toHaveLength(2);
    await expect(client.customers.list().toArray({} as never)).rejects.toThrow(/limit must be a positive integer/);
  });

  test("each page goes through retries, and errors map to their classes", async () => {
    let calls = 0;
    const { client, seen } = createShopTestClient(
      (request: SeenRequest) => {
        calls++;
        if (calls === 2) return jsonResponse(503, {});
        const from = Number(request.url.searchParams.get("cursor") ?? 0);
        return jsonResponse(200, { data: items(from, 10), next_cursor: from < 10 ? "10" : null });
      },
      { maxRetries: 1 },
    );
    expect(await client.customers.list().toArray({ limit: 100 })).toHaveLength(20);
    expect(seen.map((request) => request.url.searchParams.get("cursor"))).toEqual([null, "10", "10"]);
    const failing = createShopTestClient(() => jsonResponse(500, {}), { maxRetries: 0 });
    await expect(failing.client.customers.list().toArray({ limit: 1 })).rejects.toBeInstanceOf(ServerError);
  });

  test("each page goes through the rate limiter", async () => {
    const { client, seen } = createShopTestClient(
      (request) => {
        const from = Number(request.url.searchParams.get("cursor") ?? 0);
        return jsonResponse(200, { data: items(from, 1), next_cursor: from < 2 ? String(from + 1) : null });
      },
      { rateLimit: { limit: 2, intervalMs: 300 } },
    );
    const started = performance.now();
    const stamps: number[] = [];
    for await (const _ of client.customers.list()) stamps.push(performance.now() - started);
    expect(seen).toHaveLength(3);
    // The third page waited for the window: two starts per 300 ms.
    expect(stamps[2]).toBeGreaterThanOrEqual(250);
  });

  /**
   * Iterates every customer, aborting a moment after the third; resolves with the ids handed out
   * once the loop has rejected with the abort's reason. The page after the third item never
   * completes, so only the abort can end the loop: a loop that ignored it would hang the test.
   */
  async function iterateAbortingAfterThree(
    client: ReturnType<typeof createShopTestClient>["client"],
    controller: AbortController,
  ): Promise<string[]> {
    const got: string[] = [];
    const run = (async () => {
      for await (const customer of client.customers.list({}, { signal: controller.signal })) {
        got.push(customer.id);
        if (got.length === 3) setTimeout(() => controller.abort(new Error("stop")), 5);
      }
    })();
    await expect(run).rejects.toThrow("stop");
    return got;
  }

  test("abort mid-iteration stops at once: the page in flight rejects, no further page is asked for", async () => {
    const controller = new AbortController();
    const { client, seen } = createShopTestClient((request) => {
      const from = Number(request.url.searchParams.get("cursor") ?? 0);
      if (from === 0) return jsonResponse(200, { data: items(0, 3), next_cursor: "3" });
      // The second page hangs until aborted.
      return new Promise<Response>(() => {});
    });
    const got = await iterateAbortingAfterThree(client, controller);
    expect(got).toEqual(["i0", "i1", "i2"]);
    expect(seen).toHaveLength(2);
    // Aborted before: nothing is requested.
    const before = seen.length;
    await expect(client.customers.list({}, { signal: controller.signal }).toArray({ limit: 5 })).rejects.toThrow(
      "stop",
    );
    expect(seen).toHaveLength(before);
  });

  test("abort while a page's body is still arriving stops at once too: its items are not handed out", async () => {
    const controller = new AbortController();
    const { client, seen } = createShopTestClient((request) => {
      const from = Number(request.url.searchParams.get("cursor") ?? 0);
      if (from === 0) return jsonResponse(200, { data: items(0, 3), next_cursor: "3" });
      // The second page: headers and part of a declared body, then nothing (a stalled socket).
      const body = new ReadableStream<Uint8Array>({
        start(stream) {
          stream.enqueue(new TextEncoder().encode('{"data":[{"id":"i3","n":3}'));
        },
      });
      return new Response(body, { headers: { "content-type": "application/json", "content-length": "1000" } });
    });
    const got = await iterateAbortingAfterThree(client, controller);
    expect(got).toEqual(["i0", "i1", "i2"]);
    expect(seen).toHaveLength(2);
  });

  test("breaking out of for await requests nothing more; the same cursor twice is an error, not a loop", async () => {
    const { client, seen } = createShopTestClient(() => jsonResponse(200, { data: items(0, 5), next_cursor: "same" }));
    for await (const _ of client.customers.list({ cursor: "x" })) break;
    expect(seen).toHaveLength(1);
    await expect(client.customers.list({ cursor: "same" }).toArray({ limit: 100 })).rejects.toBeInstanceOf(ShopError);
  });

  test("a page without its item array is a clear error", async () => {
    const { client } = createShopTestClient(() => jsonResponse(200, { rows: [] }));
    await expect(client.customers.list().toArray({ limit: 1 })).rejects.toThrow(
      /customers\.list: the page body has no item array at data/,
    );
  });
});

describe("the item iterator", () => {
  /** Two items a page (cursor style), "i0" … "i4"; `hold` keeps a page's response until released. */
  const twoAPage = () => {
    const holds: Array<() => void> = [];
    const fixture = createShopTestClient(async (request) => {
      const from = Number(request.url.searchParams.get("cursor") ?? 0);
      if (from > 0) await new Promise<void>((resolve) => holds.push(resolve));
      const next = from + 2 < 5 ? String(from + 2) : null;
      return jsonResponse(200, { data: items(from, Math.min(2, 5 - from)), next_cursor: next });
    });
    /** Lets the held responses go, once there is one (failing fast when no request arrives). */
    const release = async () => {
      for (let waited = 0; holds.length === 0; waited++) {
        if (waited > 2000) throw new Error("no page request is waiting to be released");
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      for (const resolve of holds.splice(0)) resolve();
    };
    return { ...fixture, release };
  };

  test("next() called again while a page is on its way waits for it: each page fetched once, each item once", async () => {
    const { client, seen, release } = twoAPage();
    const iterator = client.customers.list({ limit: 2 })[Symbol.asyncIterator]();
    expect((await iterator.next()).value?.id).toBe("i0");
    expect((await iterator.next()).value?.id).toBe("i1");
    // Page 2 is requested by the first of these; the others queue behind it.
    const results = Promise.all([iterator.next(), iterator.next(), iterator.next(), iterator.next()]);
    await release();
    await release();
    const got = await results;
    expect(got.map((result) => (result.done ? "done" : result.value.id))).toEqual(["i2", "i3", "i4", "done"]);
    expect(seen.map((request) => request.url.searchParams.get("cursor"))).toEqual([null, "2", "4"]);
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
    expect(seen).toHaveLength(3);
  });

  test("return() while a page is on its way: that page's items are not handed out, nothing more is fetched", async () => {
    const { client, seen, release } = twoAPage();
    const iterator = client.customers.list({ limit: 2 })[Symbol.asyncIterator]();
    await iterator.next();
    await iterator.next();
    const inFlight = iterator.next();
    expect(await iterator.return?.()).toEqual({ done: true, value: undefined });
    await release();
    expect(await inFlight).toEqual({ done: true, value: undefined });
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
    expect(seen).toHaveLength(2);
  });

  test("a failed page rejects the next() waiting for it and those queued behind it; the next next() asks again", async () => {
    let failures = 1;
    const { client, seen } = createShopTestClient(
      (request) => {
        const from = Number(request.url.searchParams.get("cursor") ?? 0);
        if (from > 0 && failures-- > 0) return jsonResponse(500, {});
        return jsonResponse(200, { data: items(from, 2), next_cursor: from === 0 ? "2" : null });
      },
      { maxRetries: 0 },
    );
    const iterator = client.customers.list({ limit: 2 })[Symbol.asyncIterator]();
    await iterator.next();
    await iterator.next();
    const [first, queued] = await Promise.allSettled([iterator.next(), iterator.next()]);
    expect(first.status === "rejected" && first.reason).toBeInstanceOf(ServerError);
    expect(queued.status === "rejected" && queued.reason).toBeInstanceOf(ServerError);
    expect(seen).toHaveLength(2);
    expect((await iterator.next()).value?.id).toBe("i2");
    expect((await iterator.next()).value?.id).toBe("i3");
    expect((await iterator.next()).done).toBe(true);
    expect(seen.map((request) => request.url.searchParams.get("cursor"))).toEqual([null, "2", "2"]);
  });

  test("empty pages in between are skipped over (a Link-paged list may send one with a next link)", async () => {
    const base = "https://api.shop.test/repos/o/r/issues";
    const { client, seen } = createShopTestClient((request) => {
      const page = Number(request.url.searchParams.get("page") ?? 1);
      const body = page === 3 ? items(0, 2) : [];
      return jsonResponse(200, body, page < 3 ? { link: `<${base}?page=${page + 1}>; rel="next"` } : {});
    });
    const got: string[] = [];
    for await (const issue of client.issues.list("o", "r")) got.push(issue.id as string);
    expect(got).toEqual(["i0", "i1"]);
    expect(seen).toHaveLength(3);
  });
});
