// @ts-check
import { specWithExamples } from "./fill-examples.js";
import { assertPortFree } from "./port.js";
import { launchPrism } from "./prism-process.js";
import { resolveSpecPath } from "./spec-path.js";
import { startViolationsProxy } from "./violations-proxy.js";

/**
 * @typedef {object} StartMockOptions
 * @property {number} [port] 0 (the default) picks a free port
 * @property {string} [host] default 127.0.0.1
 * @property {string} [specPath] default: the bundled spec, `@hatch-api/spec/openapi.json`
 * @property {boolean} [dynamic] generate responses from the schemas rather than the spec's examples
 * @property {boolean} [errors] turn request/response violations into error responses (Prism `--errors`)
 * @property {string} [upstream] run Prism as a validating proxy in front of this URL instead of mocking
 * @property {boolean} [validateRequest] proxy only, default true: false forwards requests that break the spec
 *   (say a 422 test's invalid body) to the upstream instead of Prism answering them itself
 * @property {number} [timeoutMs] how long to wait for Prism to listen, default 30 000
 * @property {((message: string) => void) | false} [log] where to report readiness and start-up time; default stderr
 * @property {(line: string) => void} [onOutput] receives Prism's log lines once it is ready (request logs)
 */

/**
 * @typedef {object} MockServer
 * @property {string} url base URL of the mock, without a trailing slash
 * @property {number} port
 * @property {string} prismUrl where Prism itself listens: in mock mode a proxy on `url` sits in front of it
 *   and rewrites Prism's canned 422 into the real violations; in proxy mode, equal to `url`
 * @property {number} pid Prism's pid (and process group)
 * @property {"mock" | "proxy"} mode
 * @property {number} startupMs from spawn to Prism reporting that it listens
 * @property {() => string} log Prism's recent output
 * @property {Promise<{ code: number | null, signal: NodeJS.Signals | null }>} exited settles when Prism exits
 * @property {() => Promise<void>} stop stops Prism; safe to call more than once
 */

/**
 * Starts Prism on the bundled spec (or as a validating proxy with `upstream`) and resolves once it
 * listens. In mock mode, Prism listens on a private loopback port behind a small
 * proxy that answers an invalid request with a JSON:API error document naming the fields Prism
 * found wrong (see violations-proxy.js), instead of the spec's canned 422 example. Throws
 * `SpecNotFoundError`, `PortInUseError` or `MockStartError` (which carries Prism's log); in every
 * failure case no Prism process is left running.
 *
 * @param {StartMockOptions} [options]
 * @returns {Promise<MockServer>}
 */
export async function startMock(options = {}) {
  const {
    host = "127.0.0.1",
    port = 0,
    dynamic = false,
    errors = false,
    upstream,
    validateRequest,
    timeoutMs = 30_000,
  } = options;
  const log = options.log === undefined ? defaultLog : options.log;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new RangeError(`port must be 0..65535, got ${port}`);
  if (upstream !== undefined && !URL.canParse(upstream)) throw new TypeError(`upstream is not a URL: ${upstream}`);
  const specPath = resolveSpecPath(options.specPath);
  if (port !== 0) await assertPortFree(host, port);

  const mode = upstream === undefined ? "mock" : "proxy";
  const rewrites422 = mode === "mock";
  // Static mocking answers with examples; where the document has none, with ones that conform.
  const served = mode === "mock" && !dynamic ? await specWithExamples(specPath) : undefined;
  /** @type {Awaited<ReturnType<typeof launchPrism>>} */
  let launched;
  try {
    launched = await launchPrism({
      specPath: served?.path ?? specPath,
      // Behind the rewriting proxy Prism listens on a private loopback port; the proxy takes host:port.
      host: rewrites422 ? "127.0.0.1" : host,
      port: rewrites422 ? 0 : port,
      dynamic,
      errors,
      upstream,
      validateRequest,
      timeoutMs,
      onOutput: options.onOutput,
    });
  } catch (error) {
    await served?.cleanup();
    throw error;
  }
  const prism = {
    ...launched,
    stop: async () => {
      await launched.stop();
      await served?.cleanup();
    },
  };
  if (!rewrites422) {
    if (log) log(`Prism ${mode} ready at ${prism.url} (start-up ${prism.startupMs} ms)`);
    return { ...prism, prismUrl: prism.url, port: Number(new URL(prism.url).port), mode };
  }

  /** @type {import("./violations-proxy.js").ViolationsProxy} */
  let front;
  try {
    front = await startViolationsProxy({ prismUrl: prism.url, host, port, dynamic });
  } catch (error) {
    await prism.stop();
    throw error;
  }
  // If Prism dies on its own, stop answering on its behalf too.
  prism.exited.then(() => front.close());
  if (log) log(`Prism ${mode} ready at ${front.url} (start-up ${prism.startupMs} ms)`);
  return {
    ...prism,
    url: front.url,
    port: front.port,
    prismUrl: prism.url,
    mode,
    stop: async () => {
      await front.close();
      await prism.stop();
    },
  };
}

/** @param {string} message */
function defaultLog(message) {
  process.stderr.write(`[@sdkit/mock] ${message}\n`);
}
