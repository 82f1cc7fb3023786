import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";

export interface LocalServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Requests received so far, with their bodies. */
  requests: Array<{ method: string; url: string; headers: IncomingMessage["headers"]; body: string }>;
  close(): Promise<void>;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, body: string, index: number) => void;

/**
 * A real HTTP server on 127.0.0.1 and a free port, for faults only a socket shows (a stalled or
 * reset body, a redirect). `close()` destroys open sockets, so a hung response cannot keep it up;
 * call it in afterEach/finally.
 */
export async function startServer(handler: Handler): Promise<LocalServer> {
  const requests: LocalServer["requests"] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      handler(req, res, body, requests.length - 1);
    });
  });
  const { url, close } = await serveOnLoopback(server);
  return { url, requests, close };
}

/**
 * Listens with `server` on 127.0.0.1 and a free port; `close()` destroys open sockets first, so a
 * hung response cannot keep the server up. Shared by the test servers of this folder.
 */
export async function serveOnLoopback(server: Server): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("server has no port");
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
