// @ts-check
// One lane of the generate-only sweep: a worker process (generate-worker.js) kept for document
// after document, restarted when a document kills it (out of memory), runs past its deadline, or
// after RECYCLE_AFTER documents (so nothing a generator caches piles up over a 2,600-document run)
// or after a document that grew it past RECYCLE_ABOVE_MB.
import { fork } from "node:child_process";
import { createWriteStream, existsSync } from "node:fs";
import { copyFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { freshWorkFolder } from "./work-folder.js";

const WORKER = fileURLToPath(new URL("./generate-worker.js", import.meta.url));
const STEPS = fileURLToPath(new URL("./generate-steps.js", import.meta.url));
const OWN_TOOLCHAIN = fileURLToPath(new URL("../../../", import.meta.url));
// The repo's build gives Redocly no network; neither does the sweep (a URL $ref fails, never hangs).
const NO_NETWORK = fileURLToPath(new URL("../../openapi-bundle/src/no-network.cjs", import.meta.url));
const REDOCLY = import.meta.resolve("@redocly/openapi-core");

/** Documents one worker process takes before it is replaced by a fresh one. */
export const RECYCLE_AFTER = 200;
/**
 * A worker whose peak passed this (MB) is replaced before the next document: V8 keeps the heap it
 * grew for a large document, and that resident memory would count in the next document's peak.
 */
export const RECYCLE_ABOVE_MB = 400;
/** Lines of a dead worker's output kept to say why it died. */
const TAIL = 4000;

/**
 * The worker as the toolchain in `toolchain` runs it: beside its scaffold package, so its imports
 * resolve to that checkout's packages (a baseline run on an older toolchain).
 *
 * @param {string} toolchain
 */
async function workerIn(toolchain) {
  if (resolve(toolchain) === resolve(OWN_TOOLCHAIN)) return WORKER;
  const copy = join(toolchain, "tools", "scaffold", ".corpus-worker.js");
  await copyFile(WORKER, copy);
  return copy;
}

/**
 * @typedef {object} GenerateLane
 * @property {(doc: import("./documents.js").CorpusDocument, options: { work: string, timeoutMs: number }) =>
 *   Promise<import("./full-run.js").DocumentResult>} run
 * @property {() => void} close stops the worker
 */

/**
 * @param {{ heapMb: number, toolchain: string }} options
 * @returns {GenerateLane}
 */
export function createGenerateLane({ heapMb, toolchain }) {
  /** @type {import("node:child_process").ChildProcess | undefined} */
  let child;
  /** @type {Promise<void> | undefined} */
  let ready;
  let done = 0;
  /** @type {import("node:fs").WriteStream | undefined} */
  let log;
  let tail = "";
  /** @type {((event: { result?: any, exit?: string }) => void) | undefined} */
  let settle;

  const stop = () => {
    child?.kill("SIGKILL");
    child = undefined;
    ready = undefined;
  };
  process.once("exit", stop);

  const start = async () => {
    const execArgv = [`--max-old-space-size=${heapMb}`, "--expose-gc"];
    if (existsSync(NO_NETWORK)) execArgv.push("--require", NO_NETWORK);
    const worker = fork(await workerIn(toolchain), [STEPS, REDOCLY], {
      execArgv,
      stdio: ["ignore", "pipe", "pipe", "ipc"],
      env: { ...process.env, NO_COLOR: "1", REDOCLY_TELEMETRY: "off" },
    });
    child = worker;
    done = 0;
    const output = (/** @type {Buffer} */ chunk) => {
      log?.write(chunk);
      tail = (tail + chunk.toString("utf8")).slice(-TAIL);
    };
    worker.stdout?.on("data", output);
    worker.stderr?.on("data", output);
    /** @type {Promise<void>} */
    const started = new Promise((resolveReady, reject) => {
      worker.on("message", (/** @type {{ ready?: boolean, result?: unknown }} */ message) => {
        if (message.ready) resolveReady();
        else settle?.({ result: message.result });
      });
      worker.once("exit", (code, signal) => {
        if (child === worker) {
          child = undefined;
          ready = undefined;
        }
        const why = `the worker exited (${signal ?? `code ${code}`})`;
        reject(new Error(why));
        settle?.({ exit: why });
      });
    });
    return started;
  };

  return {
    async run(doc, { work, timeoutMs }) {
      const dir = await freshWorkFolder(work, doc);
      const started = performance.now();
      log = createWriteStream(join(dir, "generate.log"));
      tail = "";
      /** @type {{ result?: any, exit?: string, timedOut?: boolean }} */
      let event;
      try {
        if (!ready) ready = start();
        await ready;
        const answered = new Promise((resolveEvent) => {
          settle = resolveEvent;
        });
        /** @type {NodeJS.Timeout | undefined} */
        let timer;
        const deadline = new Promise((resolveEvent) => {
          timer = setTimeout(() => resolveEvent({ timedOut: true }), timeoutMs);
        });
        child?.send({ file: doc.file, dir });
        event = /** @type {any} */ (await Promise.race([answered, deadline]));
        clearTimeout(timer);
      } catch (error) {
        event = { exit: /** @type {Error} */ (error).message };
      } finally {
        settle = undefined;
      }
      await new Promise((closed) => log?.end(closed));
      log = undefined;
      if (event.timedOut || event.exit) stop();
      else if (++done >= RECYCLE_AFTER || (event.result?.peakMb ?? 0) > RECYCLE_ABOVE_MB) stop();
      return resultOf(doc, event, { seconds: (performance.now() - started) / 1000, timeoutMs, tail });
    },
    close() {
      stop();
      process.removeListener("exit", stop);
    },
  };
}

/**
 * @param {import("./documents.js").CorpusDocument} doc
 * @param {{ result?: import("./generate-steps.js").GenerateOutcome & { seconds?: number, peakMb?: number },
 *   exit?: string, timedOut?: boolean }} event
 * @param {{ seconds: number, timeoutMs: number, tail: string }} run
 * @returns {import("./full-run.js").DocumentResult}
 */
export function resultOf(doc, event, { seconds, timeoutMs, tail }) {
  const outcome = event.result;
  /** @type {string | undefined} */
  let failure;
  let crash = outcome?.crash === true;
  if (event.timedOut) {
    failure = `did not finish within ${Math.round(timeoutMs / 60000)} min`;
    crash = true;
  } else if (!outcome) {
    failure = /heap out of memory|Allocation failed/i.test(tail) ? "out of memory" : `${event.exit} without a result`;
    crash = true;
  } else if (!outcome.ok) failure = outcome.reason;
  const stage = outcome?.stage ?? "worker";
  return {
    name: doc.name,
    bytes: doc.bytes,
    reached: outcome?.ok ? "generate" : stage,
    ok: outcome?.ok === true,
    tests: undefined,
    seconds: Math.round((outcome?.seconds ?? seconds) * 10) / 10,
    peakMb: outcome?.peakMb,
    failure: failure === undefined ? undefined : `${doc.name} ${stage}: ${failure}`,
    crash,
    stages: [],
  };
}
