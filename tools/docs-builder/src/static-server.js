// @ts-check
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";

const CONTENT_TYPES = /** @type {Record<string, string>} */ ({
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
});

/**
 * @typedef {object} StaticServer
 * @property {string} url the origin, e.g. `http://127.0.0.1:8080`
 * @property {() => Promise<void>} close
 */

/**
 * Serves the files under `root` (GET and HEAD; `/` and folders serve their index.html). Enough for
 * previewing the static docs site and for the browser test; not a production web server.
 *
 * @param {{ root: string, host?: string, port?: number }} options `port` 0 picks a free port
 * @returns {Promise<StaticServer>}
 */
export async function startStaticServer({ root, host = "127.0.0.1", port = 0 }) {
  const rootDir = resolve(root);
  const server = createServer(async (request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    const file = await resolveFile(rootDir, request.url ?? "/");
    if (!file) {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found\n");
      return;
    }
    response.writeHead(200, {
      "content-type": CONTENT_TYPES[extname(file.path)] ?? "application/octet-stream",
      "content-length": file.size,
      // A preview must show the latest build, never a cached page.
      "cache-control": "no-cache",
    });
    if (request.method === "HEAD") response.end();
    else createReadStream(file.path).pipe(response);
  });

  await new Promise((resolveListen, rejectListen) => {
    server.once("error", rejectListen);
    server.listen(port, host, () => {
      server.off("error", rejectListen);
      resolveListen(undefined);
    });
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("The static server has no TCP address");
  const urlHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${urlHost}:${address.port}`,
    close: () =>
      new Promise((resolveClose, rejectClose) => {
        server.close((error) => (error ? rejectClose(error) : resolveClose()));
        server.closeAllConnections();
      }),
  };
}

/**
 * Maps a request URL to a file under `rootDir`, or null. Paths that would leave `rootDir` (`..`,
 * encoded or not) get null, like missing files.
 *
 * @param {string} rootDir
 * @param {string} requestUrl
 * @returns {Promise<{ path: string, size: number } | null>}
 */
async function resolveFile(rootDir, requestUrl) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(requestUrl, "http://localhost").pathname);
  } catch {
    return null;
  }
  if (pathname.includes("\0")) return null;
  let path = normalize(join(rootDir, pathname));
  if (path !== rootDir && !path.startsWith(rootDir + sep)) return null;
  try {
    let info = await stat(path);
    if (info.isDirectory()) {
      path = join(path, "index.html");
      info = await stat(path);
    }
    return info.isFile() ? { path, size: info.size } : null;
  } catch {
    return null;
  }
}
