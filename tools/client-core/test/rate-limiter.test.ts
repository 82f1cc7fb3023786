import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { SlidingWindowRateLimiter } from "./.generated/sdk/core/rate-limiter.js";
import { createAcmeClient, DEFAULT_RATE_LIMIT } from "./.generated/sdk/index.js";
import { contact, createObservedClient, ok } from "./helpers/observed-client.js";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** The most starts found in any half-open window [t, t + intervalMs) of a sorted list of start times. */
function busiestWindow(starts: readonly number[], intervalMs: number): number {
  let most = 0;
  let first = 0;
  for (let last = 0; last < starts.length; last++) {
    while ((starts[last] as number) - (starts[first] as number) >= intervalMs) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

describe("busiestWindow (the test's own yardstick)", () => {
  test("counts a token bucket's double burst across a window", () => {
    // 3 at t=0 and 3 more at t=999: what a size-3 bucket refilled at the window edge would allow.
    expect(busiestWindow([0, 0, 0, 999, 999, 999], 1_000)).toBe(6);
    expect(busiestWindow([0, 0, 0, 1_000, 1_000, 1_000], 1_000)).toBe(3);
  });
});

describe("SlidingWindowRateLimiter", () => {
  test("lets `limit` through at once, then spaces each next start one interval after its predecessor", async () => {
    const limiter = new SlidingWindowRateLimiter({ limit: 3, intervalMs: 1_000 });
    const starts: number[] = [];
    const all = Array.from({ length: 7 }, () => limiter.acquire().then(() => starts.push(performance.now())));
    await vi.advanceTimersByTimeAsync(0);
    expect(starts).toEqual([0, 0, 0]);
    await vi.advanceTimersByTimeAsync(999);
    expect(starts).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(starts).toEqual([0, 0, 0, 1_000, 1_000, 1_000]);
    await vi.advanceTimersByTimeAsync(1_000);
    await Promise.all(all);
    expect(starts).toEqual([0, 0, 0, 1_000, 1_000, 1_000, 2_000]);
  });

  test("a spread-out workload keeps every window within the limit (random arrivals)", async () => {
    const limit = 5;
    const intervalMs = 1_000;
    const limiter = new SlidingWindowRateLimiter({ limit, intervalMs });
    const starts: number[] = [];
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pending: Promise<unknown>[] = [];
    for (let i = 0; i < 400; i++) {
      pending.push(limiter.acquire().then(() => starts.push(performance.now())));
      await vi.advanceTimersByTimeAsync(Math.floor(random() * 150));
    }
    await vi.advanceTimersByTimeAsync(200_000);
    await Promise.all(pending);
    expect(starts).toHaveLength(400);
    expect(busiestWindow(starts, intervalMs)).toBe(limit);
  });

  test("serves waiters first-come first-served, and tryAcquire does not jump the queue", async () => {
    const limiter = new SlidingWindowRateLimiter({ limit: 1, intervalMs: 100 });
    const order: string[] = [];
    expect(limiter.tryAcquire()).toBe(true);
    const a = limiter.acquire().then(() => order.push("a"));
    const b = limiter.acquire().then(() => order.push("b"));
    await vi.advanceTimersByTimeAsync(100);
    expect(limiter.tryAcquire()).toBe(false); // b still waits
    await vi.advanceTimersByTimeAsync(100);
    await Promise.all([a, b]);
    expect(order).toEqual(["a", "b"]);
    expect(limiter.pending).toBe(0);
  });

  test("an aborted waiter leaves the queue and the next one takes its slot", async () => {
    const limiter = new SlidingWindowRateLimiter({ limit: 1, intervalMs: 100 });
    limiter.tryAcquire();
    const controller = new AbortController();
    const aborted = limiter.acquire(controller.signal);
    const next = limiter.acquire();
    controller.abort(new Error("stop"));
    await expect(aborted).rejects.toThrow("stop");
    expect(limiter.pending).toBe(1);
    await vi.advanceTimersByTimeAsync(100);
    await expect(next).resolves.toBeUndefined();
    expect(performance.now()).toBe(100);
  });

  test("when every waiter aborts, no timer is left running", async () => {
    const limiter = new SlidingWindowRateLimiter({ limit: 1, intervalMs: 10_000 });
    limiter.tryAcquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal).catch(() => "aborted");
    expect(vi.getTimerCount()).toBe(1);
    controller.abort();
    expect(await waiting).toBe("aborted");
    expect(vi.getTimerCount()).toBe(0);
  });

  test("works on an injected clock", () => {
    let now = 0;
    const limiter = new SlidingWindowRateLimiter({ limit: 2, intervalMs: 50 }, () => now);
    expect([limiter.tryAcquire(), limiter.tryAcquire(), limiter.tryAcquire()]).toEqual([true, true, false]);
    now = 49.9;
    expect(limiter.tryAcquire()).toBe(false);
    now = 50;
    expect([limiter.tryAcquire(), limiter.tryAcquire()]).toEqual([true, true]);
    now = 99;
    expect(limiter.tryAcquire()).toBe(false);
  });
});

describe("the client's limiter", () => {
  test("a burst of 1,000 upserts never has more than `limit` starts in any window", async () => {
    const limit = 100;
    const intervalMs = 10_000;
    const { client, calls } = createObservedClient(() => ok(), { rateLimit: { limit, intervalMs } });
    const all = Promise.all(Array.from({ length: 1_000 }, () => client.contacts.upsert(contact)));
    await vi.advanceTimersByTimeAsync(100_000);
    const results = await all;
    expect(results).toHaveLength(1_000);
    const starts = calls.map((c) => c.at).sort((x, y) => x - y);
    expect(starts).toHaveLength(1_000);
    expect(busiestWindow(starts, intervalMs)).toBe(limit);
    // Exact, not merely safe: the 1,000th start is at 9 full windows, the earliest it could be.
    expect(starts.at(-1)).toBe(9 * intervalMs);
  });

  test("retries count against the limit and share it with other calls", async () => {
    // Each contact's first attempt draws a 503, its retry succeeds: 8 starts for 4 upserts.
    const seen = new Set<string>();
    const { client, calls } = createObservedClient(
      (call) => {
        if (seen.has(call.body)) return ok();
        seen.add(call.body);
        return new Response("busy", { status: 503 });
      },
      { rateLimit: { limit: 2, intervalMs: 1_000 } },
    );
    const all = Promise.all([1, 2, 3, 4].map((i) => client.contacts.upsert({ source: `custom:s${i}` })));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await all).toHaveLength(4);
    const starts = calls.map((c) => c.at).sort((x, y) => x - y);
    expect(starts).toHaveLength(8);
    expect(busiestWindow(starts, 1_000)).toBe(2);
  });

  test("rateLimit false sends a burst at once", async () => {
    const { client, calls } = createObservedClient(() => ok(), { rateLimit: false });
    await Promise.all(Array.from({ length: 300 }, () => client.contacts.upsert(contact)));
    expect(calls).toHaveLength(300);
    expect(new Set(calls.map((c) => c.at)).size).toBe(1);
  });

  test("the default limit is 100 per 10 s", async () => {
    const { client, calls } = createObservedClient(() => ok(), { rateLimit: undefined });
    const all = Promise.all(Array.from({ length: 101 }, () => client.contacts.upsert(contact)));
    await vi.advanceTimersByTimeAsync(9_999);
    expect(calls).toHaveLength(100);
    await vi.advanceTimersByTimeAsync(1);
    await all;
    expect(calls).toHaveLength(101);
  });
});

describe("the limit holds at the fetch boundary (defect 3)", () => {
  test("1,000 concurrent upserts at the default 100 per 10 s, with time passing between grant and send", async () => {
    const { limit, intervalMs } = DEFAULT_RATE_LIMIT;
    // A real event loop takes time between a permit's grant and the fetch call (other requests'
    // work, GC), and not the same time for every batch. Emulate it on the fake clock: handing
    // each request of the second batch to fetch costs 7 ms, other batches nothing. The second
    // batch is granted in one burst at 10 s; a limiter that stamps permits when it grants them
    // (not when fetch is called) then grants the third batch in one burst at 20 s, so the
    // window from 10.007 s holds 99 fetches of the second batch and all 100 of the third: 199.
    const fetchTimes: number[] = [];
    const received = new Map<string, number>();
    const acme = createAcmeClient({
      apiKey: "k",
      baseUrl: "https://api.test.example",
      totalTimeoutMs: 600_000,
      fetch: async (request) => {
        fetchTimes.push(performance.now()); // the moment the request is handed to fetch
        if (fetchTimes.length > limit && fetchTimes.length <= 2 * limit) vi.advanceTimersByTime(7);
        const body = await request.text();
        received.set(body, (received.get(body) ?? 0) + 1);
        return ok(`id-${JSON.parse(body).externalID}`);
      },
    });
    const settledCount = new Array<number>(1_000).fill(0);
    const results = Array.from({ length: 1_000 }, (_, i) =>
      acme.contacts.upsert({ source: "custom:load", externalID: String(i) }).finally(() => {
        settledCount[i] = (settledCount[i] ?? 0) + 1;
      }),
    );
    await vi.advanceTimersByTimeAsync(200_000);
    const ids = await Promise.all(results);

    const busiest = busiestWindow(
      [...fetchTimes].sort((a, b) => a - b),
      intervalMs,
    );
    expect(busiest).toBeLessThanOrEqual(limit);
    expect(fetchTimes).toHaveLength(1_000);
    expect(settledCount.every((n) => n === 1)).toBe(true); // none lost, none settled twice
    expect([...received.values()].every((n) => n === 1)).toBe(true); // each body sent exactly once
    expect(received.size).toBe(1_000);
    expect(ids.map((r) => r.id)).toEqual(Array.from({ length: 1_000 }, (_, i) => `id-${i}`));
  });

  test("run() calls start inside the grant and stamps the permit after it returns", () => {
    let now = 0;
    const limiter = new SlidingWindowRateLimiter({ limit: 1, intervalMs: 100 }, () => now);
    void limiter.run(() => {
      now = 30; // the start itself took 30 ms
    });
    now = 120; // 120 ms after the grant but only 90 after the send: no permit yet
    expect(limiter.tryAcquire()).toBe(false);
    now = 130;
    expect(limiter.tryAcquire()).toBe(true);
  });
});

describe("a permit lasts until its request ends (counted by arrival at the server)", () => {
  test("a slot frees one window after the response is seen, not after the send", async () => {
    let now = 0;
    const limiter = new SlidingWindowRateLimiter({ limit: 1, intervalMs: 100 }, () => now);
    let respond: (value: string) => void = () => {};
    const response = limiter.run(() => new Promise<string>((resolve) => (respond = resolve)));
    expect(limiter.inFlight).toBe(1);
    now = 500; // long after the send, but the request is still in flight
    expect(limiter.tryAcquire()).toBe(false);
    respond("ok");
    await expect(response).resolves.toBe("ok");
    expect(limiter.inFlight).toBe(0);
    now = 599.9;
    expect(limiter.tryAcquire()).toBe(false);
    now = 600;
    expect(limiter.tryAcquire()).toBe(true);
  });

  test("a failure ends the permit too, and a start that throws frees it at once", async () => {
    let now = 0;
    const limiter = new SlidingWindowRateLimiter({ limit: 1, intervalMs: 100 }, () => now);
    let fail: (reason: Error) => void = () => {};
    const failing = limiter.run(() => new Promise<never>((_, reject) => (fail = reject)));
    now = 40;
    fail(new Error("reset"));
    await expect(failing).rejects.toThrow("reset");
    now = 139;
    expect(limiter.tryAcquire()).toBe(false);
    now = 140;
    await expect(
      limiter.run(() => {
        throw new Error("no fetch");
      }),
    ).rejects.toThrow("no fetch");
    expect(limiter.inFlight).toBe(0);
  });

  test("waiters queued while every permit is in flight start one window after the ends", async () => {
    const limiter = new SlidingWindowRateLimiter({ limit: 2, intervalMs: 1_000 });
    const ends: Array<() => void> = [];
    const inFlight = [0, 1].map(() => limiter.run(() => new Promise<void>((resolve) => ends.push(resolve))));
    const starts: number[] = [];
    const queued = [0, 1].map(() => limiter.acquire().then(() => starts.push(performance.now())));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(starts).toEqual([]); // no timer runs while nothing can free
    (ends[0] as () => void)();
    await vi.advanceTimersByTimeAsync(300);
    (ends[1] as () => void)();
    await Promise.all(inFlight);
    await vi.advanceTimersByTimeAsync(2_000);
    await Promise.all(queued);
    expect(starts).toEqual([6_000, 6_300]);
  });

  test("any window of server arrivals holds at most `limit`, whatever each request's latency", async () => {
    // Each request arrives at a random point between its send and its response, the response
    // comes 0 to 400 ms after the send. Counting a slot from the send would let arrivals bunch.
    const limit = 5;
    const intervalMs = 1_000;
    const limiter = new SlidingWindowRateLimiter({ limit, intervalMs });
    const arrivals: number[] = [];
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const all = Array.from({ length: 60 }, () =>
      limiter.run(() => {
        const latency = Math.floor(random() * 400);
        const arrival = Math.floor(random() * latency);
        setTimeout(() => arrivals.push(performance.now()), arrival);
        return new Promise<void>((resolve) => setTimeout(resolve, latency));
      }),
    );
    await vi.advanceTimersByTimeAsync(60_000);
    await Promise.all(all);
    expect(arrivals).toHaveLength(60);
    expect(
      busiestWindow(
        [...arrivals].sort((a, b) => a - b),
        intervalMs,
      ),
    ).toBeLessThanOrEqual(limit);
  });
});
