// @ts-check
import { createServer } from "node:http";

/**
 * An http server on 127.0.0.1 and a free port, answering each path with a handler; `close()`
 * ends open connections too (a slow response must not keep the test alive).
 *
 * @param {Record<string, import("node:http").RequestListener>} routes
 */
export async function startServer(routes) {
  const server = createServer((request, response) => {
    const handler = routes[new URL(request.url ?? "/", "http://x").pathname];
    if (handler) return handler(request, response);
    response.writeHead(404, { "content-type": "text/plain" }).end("not found");
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
  const address = /** @type {import("node:net").AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      }),
  };
}
