// @ts-check
import { MockError } from "./errors.js";
import { specWithExamples } from "./fill-examples.js";
import { assertPortFree } from "./port.js";
import { launchPrism } from "./prism-process.js";
import { resolveSpecPath } from "./spec-path.js";
import { startBudgetFor, startTimeoutMessage } from "./start-budget.js";
import { startViolationsProxy } from "./violations-proxy.js";

/**
 * @typedef {object} StartMockOptions
 * @property {number} [port] 0 (the default) picks a free port
 * @property {string} [host] default 127.0.0.1
 * @property {string} [specPath] default: `spec/dist/openapi.json` in the working directory or the nearest one above it
 * @property {boolean} [dynamic] generate responses from the schemas rather than the spec's examples
 * @property {boolean} [errors] turn request/response violations into error responses (Prism `--errors`)
 * @property {string} [upstream] run Prism as a validating proxy in front of this URL instead of mocking
 * @property {boolean} [validateRequest] proxy only, default true: false forwards requests that break the spec
 *   (say a 422 test's invalid body) to the upstream instead of Prism answering them itself
 * @property {number} [timeoutMs] how long to wait for Prism to listen; default SDKIT_MOCK_START_TIMEOUT seconds,
 *   else 30 s + 30 s per MB of the served document (see start-budget.js)
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
 * @property {Promise<{ code: number | null, signal: NodeJS.Signals | null }>} exited settles when Prism exits:
 *   stopped, or on its own (the front then answers every request 502 with `died` until `stop`)
 * @property {string | undefined} [died] in mock mode, one line on a Prism that exited on its own
 *   while serving (how, and its last output); undefined otherwise
 * @property {(options?: { specPath?: string }) => Promise<{ startupMs: number }>} reload serves the
 *   document again (or another one) without a gap: a new Prism starts beside the current one, the
 *   proxy switches to it once it listens, and the previous one stops once its requests are answered.
 *   Rejects (a `MockStartError` carrying Prism's log) when the new one fails to start; the current
 *   one then keeps serving. Mock mode only.
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
    timeoutMs,
  } = options;
  const log = options.log === undefined ? defaultLog : options.log;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new RangeError(`port must be 0..65535, got ${port}`);
  if (upstream !== undefined && !URL.canParse(upstream)) throw new TypeError(`upstream is not a URL: ${upstream}`);
  const specPath = resolveSpecPath(options.specPath);
  if (port !== 0) await assertPortFree(host, port);

  const mode = upstream === undefined ? "mock" : "proxy";
  const rewrites422 = mode === "mock";
  const prismOptions = {
    specPath,
    // Behind the rewriting proxy Prism listens on a private loopback port; the proxy takes host:port.
    host: rewrites422 ? "127.0.0.1" : host,
    port: rewrites422 ? 0 : port,
    dynamic,
    errors,
    upstream,
    validateRequest,
    onOutput: options.onOutput,
  };
  // Static mocking answers with examples; where the document has none, with ones that conform.
  const fillsExamples = mode === "mock" && !dynamic;
  /** @param {string} path */
  const launch = (path) =>
    launchServing(path, { fillsExamples, mocks: mode === "mock", routesFragments: rewrites422 }, (servedPath) => {
      // Sized on what Prism reads (the copy with examples added, when there is one), named by the user's path.
      const budget = startBudgetFor(path, servedPath, timeoutMs);
      return launchPrism({
        ...prismOptions,
        specPath: servedPath,
        timeoutMs: budget.ms,
        timeoutReason: startTimeoutMessage(budget),
      });
    });
  const prism = await launch(specPath);
  if (!rewrites422) {
    if (log) log(`Prism ${mode} ready at ${prism.url} (start-up ${prism.startupMs} ms)`);
    return {
      ...prism,
      prismUrl: prism.url,
      port: Number(new URL(prism.url).port),
      mode,
      reload: () => Promise.reject(new MockError("reload needs mock mode: a validating proxy has no document to swap")),
    };
  }

  /** @type {import("./violations-proxy.js").ViolationsProxy} */
  let front;
  try {
    front = await startViolationsProxy({
      prismUrl: prism.url,
      host,
      port,
      dynamic,
      fragmentRoutes: prism.fragmentRoutes,
    });
  } catch (error) {
    await prism.stop();
    throw error;
  }
  if (log) log(`Prism ${mode} ready at ${front.url} (start-up ${prism.startupMs} ms)`);
  return servedBehind(front, prism, {
    mode,
    relaunch: launch,
    specPath,
    log: log || undefined,
  });
}

/**
 * Prism serving `specPath` and the routes of its fragment paths (see path-fragment.js).
 *
 * @typedef {import("./prism-process.js").RunningPrism & { fragmentRoutes: import("./path-fragment.js").FragmentRoute[] }} ServingPrism
 */

/**
 * Prism on `specPath`, or on a temporary copy with structured bodies made servable (when `mocks`),
 * derived examples (when `fillsExamples`), form encodings spelled out and fragment paths made
 * routable (when `routesFragments`: only a front proxy can route to them), when any changes the
 * document; stopping it also removes the copy.
 *
 * @param {string} specPath
 * @param {{ fillsExamples: boolean, mocks: boolean, routesFragments: boolean }} how
 * @param {(servedPath: string) => Promise<import("./prism-process.js").RunningPrism>} start
 * @returns {Promise<ServingPrism>}
 */
async function launchServing(specPath, { fillsExamples, mocks, routesFragments }, start) {
  const copy = await specWithExamples(specPath, { examples: fillsExamples, fragments: routesFragments, bodies: mocks });
  const served = copy.path === specPath ? undefined : copy;
  /** @type {import("./prism-process.js").RunningPrism} */
  let launched;
  try {
    launched = await start(served?.path ?? specPath);
  } catch (error) {
    await served?.cleanup();
    throw error;
  }
  if (served === undefined) return { ...launched, fragmentRoutes: [] };
  return {
    ...launched,
    fragmentRoutes: copy.fragmentRoutes,
    stop: async () => {
      await launched.stop();
      await served.cleanup();
    },
  };
}

/** How long a reload waits for requests already sent to the previous Prism before stopping it. */
const DRAIN_TIMEOUT_MS = 10_000;

/**
 * The mock as its users see it: the proxy's address, and whichever Prism is current behind it.
 * A reload starts a new Prism beside the current one and switches the proxy only once the new one
 * listens, so no request meets a gap; one that fails to start leaves the current one serving.
 *
 * @param {import("./violations-proxy.js").ViolationsProxy} front
 * @param {ServingPrism} first
 * @param {{ mode: "mock", specPath: string, relaunch: (specPath: string) => Promise<ServingPrism>, log?: (message: string) => void }} how
 *   `log`: where a Prism that dies while serving is reported, as it happens
 * @returns {MockServer}
 */
function servedBehind(front, first, how) {
  let prism = first;
  let stopped = false;
  /** @type {string | undefined} */
  let died;
  /** @type {(how: { code: number | null, signal: NodeJS.Signals | null }) => void} */
  let settleExited = () => {};
  /** @type {MockServer["exited"]} */
  const exited = new Promise((resolve) => {
    settleExited = resolve;
  });
  // The mock ends when its current Prism exits. Stopped, the front closes with it (`stop`); dead on
  // its own, the front stays up and answers every request with why (a closed port would leave each
  // client a bare ECONNREFUSED), until `stop`. A Prism replaced by a reload exits without ending anything.
  const follow = (/** @type {import("./prism-process.js").RunningPrism} */ running) =>
    running.exited.then((outcome) => {
      if (running !== prism) return;
      if (!stopped) {
        died = deathReason(outcome, running.log());
        front.fail(died);
        how.log?.(died);
      }
      settleExited(outcome);
    });
  follow(prism);

  /** @type {Promise<unknown>} */
  let reloads = Promise.resolve();
  /** @type {Promise<void> | undefined} */
  let stopping;
  return {
    url: front.url,
    port: front.port,
    mode: how.mode,
    get prismUrl() {
      return prism.url;
    },
    get pid() {
      return prism.pid;
    },
    get startupMs() {
      return prism.startupMs;
    },
    log: () => prism.log(),
    exited,
    get died() {
      return died;
    },
    reload(options = {}) {
      const next = reloads.then(async () => {
        if (stopped) throw new MockError("cannot reload: the mock is stopped");
        const started = await how.relaunch(resolveSpecPath(options.specPath ?? how.specPath));
        if (stopped) {
          await started.stop();
          throw new MockError("cannot reload: the mock was stopped meanwhile");
        }
        const previous = prism;
        prism = started;
        follow(started);
        await Promise.race([front.retarget(started.url, started.fragmentRoutes), delay(DRAIN_TIMEOUT_MS)]);
        await previous.stop();
        return { startupMs: started.startupMs };
      });
      reloads = next.catch(() => {});
      return next;
    },
    stop() {
      stopping ??= (async () => {
        stopped = true;
        await front.close();
        await prism.stop();
      })();
      return stopping;
    },
  };
}

/**
 * One line on a Prism that exited while serving: how, and the last line it wrote (its own error,
 * usually), capped so that a stack trace cannot make a page of it.
 *
 * @param {{ code: number | null, signal: NodeJS.Signals | null }} outcome
 * @param {string} prismLog
 */
export function deathReason(outcome, prismLog) {
  const how = outcome.signal ? `signal ${outcome.signal}` : `code ${outcome.code}`;
  const last = prismLog
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .at(-1);
  const said =
    last === undefined
      ? ""
      : `; its last output: ${JSON.stringify(last.length > 300 ? `${last.slice(0, 300)}…` : last)}`;
  return `the mock's Prism exited on its own (${how}) while serving; requests are answered 502 from now on${said}`;
}

/** @param {number} ms */
function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** @param {string} message */
function defaultLog(message) {
  process.stderr.write(`[@sdkit/mock] ${message}\n`);
}
