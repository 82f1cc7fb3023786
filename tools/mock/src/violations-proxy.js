// @ts-check
import { once } from "node:events";
import { Agent, createServer, request as httpRequest } from "node:http";
import { PortInUseError } from "./errors.js";
import { fragmentRouter } from "./fragment-routes.js";
import { errorStyleOf, parseViolations, violationsDocument } from "./json-api-violations.js";

/**
 * @typedef {object} ViolationsProxy
 * @property {string} url where the proxy listens, without a trailing slash
 * @property {number} port
 * @property {(prismUrl: string, fragmentRoutes?: FragmentRoute[]) => Promise<void>} retarget sends every
 *   request that arrives from now on to another Prism (a reload), routing by its document's fragment
 *   paths; resolves once the requests already forwarded to the previous one
 *   have been answered, so that it can be stopped without failing any of them
 * @property {(reason: string) => void} fail from now on answers every request 502 with `{ "error": reason }`
 *   (the Prism behind it is gone: a client sees why, where a closed port would only say ECONNREFUSED)
 * @property {() => Promise<void>} close stops listening and drops open connections; safe to call twice
 */

/**
 * A small HTTP proxy in front of a Prism mock. Everything passes through untouched (Prefer headers,
 * examples, dynamic responses, 401s, 5xx) except Prism's answer to a request it found invalid: a 422
 * carrying `sl-violations`, whose body is the spec's canned example. That body is replaced by a
 * JSON:API error document listing the real violations, in the example's own style (pointer prefix,
 * title). A 422 forced with `Prefer: code=422` has no violations and stays the example. A request
 * meeting a fragment path's condition goes to the path Prism serves that operation on (see
 * path-fragment.js and fragment-routes.js).
 *
 * @param {{ prismUrl: string, host: string, port: number, dynamic?: boolean, fragmentRoutes?: FragmentRoute[] }} options
 *   `dynamic`: Prism's 422 body is generated, not the example, so the example is asked for
 *   separately; `fragmentRoutes`: the served copy's routes of the document's fragment paths
 * @returns {Promise<ViolationsProxy>}
 */
export async function startViolationsProxy({ prismUrl, host, port, dynamic = false, fragmentRoutes = [] }) {
  // Each request is forwarded, start to finish, to the target that was current when it arrived:
  // a reload swaps `current` and waits for the previous target's requests to drain.
  /** @type {Target} */
  let current = newTarget(prismUrl, fragmentRoutes);
  const agent = new Agent({ keepAlive: true });
  /** @type {string | undefined} set by `fail`: why there is no Prism to forward to */
  let failure;
  /** @param {import("node:http").ServerResponse} outgoing @param {string} reason */
  const answerFailure = (outgoing, reason) => {
    outgoing.writeHead(502, { "content-type": "application/json" });
    outgoing.end(JSON.stringify({ error: reason }));
  };

  /**
   * @param {URL} target
   * @param {string} method
   * @param {string} path
   * @param {import("node:http").IncomingHttpHeaders} headers
   * @param {Buffer} body
   */
  const forward = (target, method, path, headers, body) =>
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
   * @param {Target} target
   * @param {{ method: string, path: string, headers: import("node:http").IncomingHttpHeaders, body: Buffer }} request
   * @param {Buffer} served
   */
  const styleFor = (target, request, served) => {
    if (!dynamic) return Promise.resolve(errorStyleOf(parseJson(served)));
    const key = `${request.method} ${new URL(request.path, target.url).pathname}`;
    let style = target.exampleStyles.get(key);
    if (style === undefined) {
      const headers = { ...request.headers, prefer: "code=422, dynamic=false" };
      style = forward(target.url, request.method, request.path, headers, request.body).then((example) =>
        errorStyleOf(parseJson(example.body)),
      );
      target.exampleStyles.set(key, style);
    }
    return style;
  };

  const server = createServer(async (incoming, outgoing) => {
    if (failure !== undefined) {
      incoming.resume();
      answerFailure(outgoing, failure);
      return;
    }
    const target = current;
    target.inFlight += 1;
    try {
      /** @type {Buffer[]} */
      const chunks = [];
      for await (const chunk of incoming) chunks.push(chunk);
      const method = incoming.method ?? "GET";
      const path = incoming.url ?? "/";
      const request = {
        method,
        path: target.route(method, path, incoming.headers) ?? path,
        headers: { ...incoming.headers, host: target.url.host },
        body: Buffer.concat(chunks),
      };
      const answer = await forward(target.url, request.method, request.path, request.headers, request.body);
      const violations = answer.status === 422 ? parseViolations(answer.headers["sl-violations"]) : [];
      const style = violations.length > 0 ? await styleFor(target, request, answer.body) : undefined;
      const document = style === undefined ? undefined : violationsDocument(violations, style);
      const body = document === undefined ? answer.body : Buffer.from(JSON.stringify(document));
      const headers = { ...answer.headers, "content-length": String(body.length) };
      delete headers["transfer-encoding"];
      outgoing.writeHead(answer.status, headers);
      outgoing.end(body);
    } catch (error) {
      // Prism unreachable (stopping, crashed): say so instead of hanging the client.
      if (outgoing.headersSent) outgoing.destroy();
      else answerFailure(outgoing, failure ?? `mock proxy could not reach Prism: ${String(error)}`);
    } finally {
      target.inFlight -= 1;
      if (target.inFlight === 0) target.drained();
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
    retarget: (nextUrl, nextRoutes = []) => {
      const previous = current;
      current = newTarget(nextUrl, nextRoutes);
      if (previous.inFlight === 0) return Promise.resolve();
      return new Promise((resolve) => {
        previous.drained = resolve;
      });
    },
    fail: (reason) => {
      failure = reason;
    },
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

/** @typedef {import("./path-fragment.js").FragmentRoute} FragmentRoute */

/**
 * A Prism the proxy forwards to, with what depends on its document (the error styles of its
 * examples, the routes of its fragment paths) and the count of requests forwarded to it and not
 * yet answered.
 *
 * @typedef {{ url: URL, exampleStyles: Map<string, Promise<import("./json-api-violations.js").ErrorStyle | undefined>>,
 *   route: import("./fragment-routes.js").FragmentRouter, inFlight: number, drained: () => void }} Target
 */

/** @param {string} prismUrl @param {readonly FragmentRoute[]} fragmentRoutes @returns {Target} */
function newTarget(prismUrl, fragmentRoutes) {
  return {
    url: new URL(prismUrl),
    exampleStyles: new Map(),
    route: fragmentRouter(fragmentRoutes),
    inFlight: 0,
    drained: () => {},
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
