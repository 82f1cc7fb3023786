import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import type { CommandSpec, OptionSpec } from "../src/generated/runtime/command-spec.js";

export interface Received {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

/** A node:http server on 127.0.0.1 that records requests and answers with `reply`; close() ends it. */
export async function startServer(reply: (req: Received, res: ServerResponse) => void) {
  const sockets = new Set<Socket>();
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const entry = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      };
      received.push(entry);
      reply(entry, res);
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
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A value of the option's type (the first enum value if it has one), as typed on a command line. */
export function sampleText(option: OptionSpec): string {
  if (option.enum && option.enum.length > 0) return String(option.enum[0]);
  if (option.type === "boolean") return "true";
  if (option.type === "number" || option.type === "integer") return "7";
  return "x-1";
}

/** Arguments giving every required option of `spec` a value. */
export function requiredArgs(spec: CommandSpec): string[] {
  return spec.options.filter((o) => o.required).flatMap((o) => [`--${o.name}`, sampleText(o)]);
}
