import { createServer } from "node:http";
import type { Socket } from "node:net";

/**
 * A stand-in for the API behind an import, on 127.0.0.1: it stamps each request on arrival and
 * answers 429 to any that would put more than `limit` accepted arrivals in a window of
 * `intervalMs` (the strictest reading of a documented limit); 422 with a JSON:API field error to a
 * body whose `email` has no `@`; otherwise 200. It counts every request by the row it carries
 * (`externalID`), so a test can check that each row arrived exactly once. `latencyMs` holds each
 * answer back, so that requests are still open when a test interrupts the client.
 */
export async function startImportServer(limit: number, intervalMs: number, latencyMs = 0) {
  const sockets = new Set<Socket>();
  const acceptedAt: number[] = [];
  const arrivals: number[] = [];
  const perRow = new Map<string, number>();
  let tooMany = 0;
  let open = 0;
  let lastActivity = performance.now();
  const server = createServer((req, res) => {
    const at = performance.now();
    arrivals.push(at);
    open++;
    let inWindow = 0;
    for (let i = acceptedAt.length - 1; i >= 0 && (acceptedAt[i] as number) > at - intervalMs; i--) inWindow++;
    const allowed = inWindow < limit;
    if (allowed) acceptedAt.push(at);
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const finish = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        const answer = () => {
          res.writeHead(status, { "content-type": "application/json", ...headers });
          res.end(JSON.stringify(body));
          open--;
          lastActivity = performance.now();
        };
        if (latencyMs > 0) setTimeout(answer, latencyMs);
        else answer();
      };
      if (!allowed) {
        tooMany++;
        finish(429, { errors: [{ title: "Too many requests" }] }, { "retry-after": "1" });
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString() || "{}");
      const row = String(body.externalID);
      perRow.set(row, (perRow.get(row) ?? 0) + 1);
      if (typeof body.email === "string" && !body.email.includes("@")) {
        finish(422, {
          errors: [{ title: "Invalid", detail: "must be an email address", source: { pointer: "/email" } }],
        });
        return;
      }
      finish(200, { data: { id: `c-${row}` } });
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    arrivals,
    perRow,
    get tooMany() {
      return tooMany;
    },
    /** No request open, and none for `ms`: a client journals what it saw well within that. */
    quietFor: (ms: number) => open === 0 && performance.now() - lastActivity >= ms,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
