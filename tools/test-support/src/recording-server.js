// @ts-check
import { once } from "node:events";
import { createServer } from "node:http";

/**
 * An HTTP server on 127.0.0.1 (a free port) that answers every request with `body` and records
 * its URL: a test points a `$ref` at it and asserts that nothing was fetched (`hits` stays empty),
 * which means something only while the server really answers. `close()` also ends open connections.
 *
 * @param {string} body
 * @returns {Promise<{ url: string, hits: string[], close: () => Promise<void> }>}
 */
export async function startRecordingServer(body) {
  /** @type {string[]} */
  const hits = [];
  const server = createServer((request, response) => {
    hits.push(request.url ?? "");
    response.end(body);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = /** @type {import("node:net").AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
