import { createServer } from "node:http";
import { serveOnLoopback } from "./local-server.js";

export interface ArrivalLimitedServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Requests answered 200 / 429 so far. */
  readonly accepted: number;
  readonly rejected: number;
  /** Arrival times (performance.now()) of every request, in order. */
  readonly arrivals: number[];
  close(): Promise<void>;
}

/**
 * The strictest reading of a documented "`limit` requests per `intervalMs`": a real server on
 * 127.0.0.1 that stamps each request when it arrives (before its body is read) and answers 429,
 * with `Retry-After`, to any request that would make a window of `intervalMs` hold more than
 * `limit` accepted arrivals; otherwise 200 with an upsert's body. `close()` destroys open sockets.
 */
export async function startArrivalLimitedServer(limit: number, intervalMs: number): Promise<ArrivalLimitedServer> {
  const acceptedAt: number[] = [];
  const arrivals: number[] = [];
  let rejected = 0;
  const server = createServer((req, res) => {
    const at = performance.now();
    arrivals.push(at);
    // Accepted arrivals within the window ending now (the list is sorted: arrivals come in order).
    let inWindow = 0;
    for (let i = acceptedAt.length - 1; i >= 0 && (acceptedAt[i] as number) > at - intervalMs; i--) inWindow++;
    const allowed = inWindow < limit;
    if (allowed) acceptedAt.push(at);
    else rejected++;
    req.resume();
    req.on("end", () => {
      if (!allowed) {
        res.writeHead(429, { "content-type": "application/json", "retry-after": String(Math.ceil(intervalMs / 1000)) });
        res.end(JSON.stringify({ errors: [{ title: "Too many requests", detail: "rate limit" }] }));
        return;
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ data: { id: `id-${acceptedAt.length}` } }));
    });
  });
  const { url, close } = await serveOnLoopback(server);
  return {
    url,
    get accepted() {
      return acceptedAt.length;
    },
    get rejected() {
      return rejected;
    },
    arrivals,
    close,
  };
}
