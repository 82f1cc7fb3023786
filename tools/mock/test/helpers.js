// @ts-check
import { once } from "node:events";
import { createServer } from "node:net";

/** True while a process with this pid exists (zombies included, so callers reap before asking). */
export function isAlive(/** @type {number} */ pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Polls until `check` is true or `timeoutMs` passes; returns the last result. */
export async function waitFor(/** @type {() => boolean} */ check, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

/** Holds a free loopback port until `close()` is called. */
export async function holdPort() {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = /** @type {import("node:net").AddressInfo} */ (server.address());
  return { port: address.port, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** Posts a minimal valid upsert and returns status and parsed body. */
export async function postContact(/** @type {string} */ baseUrl, headers = {}) {
  const response = await fetch(`${baseUrl}/v1/contacts`, {
    method: "POST",
    headers: { authorization: "Bearer test-key", "content-type": "application/json", ...headers },
    body: JSON.stringify({ source: "custom:test" }),
  });
  return { status: response.status, body: await response.json() };
}
