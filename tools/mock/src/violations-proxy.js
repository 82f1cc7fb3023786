// @ts-check
import { once } from "node:events";
import { Agent, createServer, request as httpRequest } from "node:http";
import { PortInUseError } from "./errors.js";
import { errorStyleOf, parseViolations, violationsDocument } from "./json-api-violations.js";

/**
 * @typedef {object} ViolationsProxy
 * @property {string} url where the proxy listens, without a trailing slash
 * @property {number} port
 * @property {() => Promise<void>} close stops listening and drops open connections; safe to call twice
 */

/**
 * A small HTTP proxy in front of a Prism mock. Everything passes through untouched (Prefer headers,
 * examples, dynamic responses, 401s, 5xx) except Prism's answer to a request it found invalid: a 422
 * carrying `sl-violations`, whose body is the spec's canned example. That body is replaced by a
 * JSON:API error document listing the real violations, in the example's own style (pointer prefix,
 * title). A 422 forced with `Prefer: code=422` has no violations and stays the example.
 *
 * @param {{ prismUrl: string, host: string, port: number, dynamic?: boolean }} options `dynamic`:
 *   Prism's 422 body is generated, not the example, so the example is asked for separately
 * @returns {Promise<ViolationsProxy>}
 */
export async function startViolationsProxy({ prismUrl, host, port, dynamic = false }) {
  const target = new URL(prismUrl);
  const agent = new Agent({ keepAlive: true });
  /** @type {Map<string, Promise<import("./json-api-violations.js").ErrorStyle | undefined>>} */
  const exampleStyles = new Map();

  /**
   * @param {string} method
   * @param {string} path
   * @param {import("node:http").IncomingHttpHeaders} headers
   * @param {Buffer} body
   */
  const forward = (method, path, headers, body) =>
    /** @type {Promise<{ status: number, headers: import("node:http").IncomingHttpHeaders, body: Buffer }>} */ (
      new Promise((resolve, reject) => {
        const outgoing = httpRequest(
          { host: target.hostname, port: target.port, method, path, headers, agent },
          (response) => {
            /** @type {Buffer[]} */
            const chunks = [];
            response.on("data", (chunk) => chunks.push(chunk));
            response.once("end", () =>
              resolve({ status: response.statusCode ?? 502, headers: response.headers, body: Buffer.concat(chunks) }),
            );
            response.once("error", reject);
          },
        );
        outgoing.once("error", reject);
        outgoing.end(body);
      })
    );

  /**
   * The example's error style for this operation. Prism serves the example itself unless it
   * generates bodies (`dynamic`): then ask for the example with `Prefer: code=422, dynamic=false`.
   *
   * @param {{ method: string, path: string, headers: import("node:http").IncomingHttpHeaders, body: Buffer }} request
   * @param {Buffer} served
   */
  const styleFor = (request, served) => {
    if (!dynamic) return Promise.resolve(errorStyleOf(parseJson(served)));
    const key = `${request.method} ${new URL(request.path, target).pathname}`;
    let style = exampleStyles.get(key);
    if (style === undefined) {
      const headers = { ...request.headers, prefer: "code=422, dynamic=false" };
      style = forward(request.method, request.path, headers, request.body).then((example) =>
        errorStyleOf(parseJson(example.body)),
      );
      exampleStyles.set(key, style);
    }
    return style;
  };

  const server = createServer(async (incoming, outgoing) => {
    try {
      /** @type {Buffer[]} */
      const chunks = [];
      for await (const chunk of incoming) chunks.push(chunk);
      const request = {
        method: incoming.method ?? "GET",
        path: incoming.url ?? "/",
        headers: { ...incoming.headers, host: target.host },
        body: Buffer.concat(chunks),
      };
      const answer = await forward(request.method, request.path, request.headers, request.body);
      const violations = answer.status === 422 ? parseViolations(answer.headers["sl-violations"]) : [];
      const style = violations.length > 0 ? await styleFor(request, answer.body) : undefined;
      const document = style === undefined ? undefined : violationsDocument(violations, style);
      const body = document === undefined ? answer.body : Buffer.from(JSON.stringify(document));
      const headers = { ...answer.headers, "content-length": String(body.length) };
      delete headers["transfer-encoding"];
      outgoing.writeHead(answer.status, headers);
      outgoing.end(body);
    } catch (error) {
      // Prism unreachable (stopping, crashed): say so instead of hanging the client.
      if (outgoing.headersSent) outgoing.destroy();
      else {
        outgoing.writeHead(502, { "content-type": "application/json" });
        outgoing.end(JSON.stringify({ error: `mock proxy could not reach Prism: ${String(error)}` }));
      }
    }
  });

  server.listen({ host, port, exclusive: true });
  try {
    await Promise.race([
      once(server, "listening"),
      once(server, "error").then(([error]) => {
        throw error;
      }),
    ]);
  } catch (error) {
    agent.destroy();
    const code = /** @type {NodeJS.ErrnoException} */ (error).code;
    throw code === "EADDRINUSE" ? new PortInUseError(host, port, { cause: error }) : error;
  }
  const address = /** @type {import("node:net").AddressInfo} */ (server.address());
  const urlHost = address.family === "IPv6" ? `[${address.address}]` : address.address;

  /** @type {Promise<void> | undefined} */
  let closing;
  return {
    url: `http://${urlHost}:${address.port}`,
    port: address.port,
    close: () => {
      closing ??= new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      });
      return closing;
    },
  };
}

/** @param {Buffer} body */
function parseJson(body) {
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    return undefined;
  }
}
