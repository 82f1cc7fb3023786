// @ts-check
import { fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { REGISTRY_USER, writeVerdaccioConfig } from "./verdaccio-config.js";

const SERVER_ENTRY = fileURLToPath(new URL("./verdaccio-server.js", import.meta.url));
const START_TIMEOUT_MS = 30_000;

/**
 * @typedef {object} LocalRegistry
 * @property {string} url registry URL with a trailing slash, always on 127.0.0.1
 * @property {string} token an auth token for REGISTRY_USER
 * @property {() => Promise<void>} stop stops the server; safe to call twice
 */

/**
 * Starts a pinned Verdaccio with temporary storage under `dir` and logs in the test user.
 *
 * @param {string} dir an empty temporary directory
 * @returns {Promise<LocalRegistry>}
 */
export async function startVerdaccio(dir) {
  const password = randomBytes(18).toString("base64url");
  const configPath = await writeVerdaccioConfig(dir, password);
  const child = fork(SERVER_ENTRY, [configPath], { stdio: ["ignore", "pipe", "pipe", "ipc"] });
  let log = "";
  child.stdout?.on("data", (chunk) => {
    log += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    log += chunk;
  });

  const stop = () => stopChild(child);
  try {
    const port = await waitForPort(child, () => log);
    const url = `http://127.0.0.1:${port}/`;
    const token = await login(url, password);
    return { url, token, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * @param {import("node:child_process").ChildProcess} child
 * @param {() => string} log
 * @returns {Promise<number>}
 */
function waitForPort(child, log) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Verdaccio did not start within ${START_TIMEOUT_MS} ms:\n${log()}`)),
      START_TIMEOUT_MS,
    );
    child.once("message", (/** @type {{ port?: number }} */ message) => {
      clearTimeout(timer);
      if (typeof message.port === "number") resolve(message.port);
      else reject(new Error(`Verdaccio reported no port:\n${log()}`));
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Verdaccio exited with code ${code} before listening:\n${log()}`));
    });
  });
}

/**
 * The request `npm login` makes for an existing user; the answer carries a fresh token.
 *
 * @param {string} url
 * @param {string} password
 */
async function login(url, password) {
  const response = await fetch(new URL(`-/user/org.couchdb.user:${REGISTRY_USER}`, url), {
    method: "PUT",
    headers: {
      "content-type": "application/json",
      // An existing user logs in by authenticating the request itself; the body alone means "sign up".
      authorization: `Basic ${Buffer.from(`${REGISTRY_USER}:${password}`).toString("base64")}`,
    },
    body: JSON.stringify({ name: REGISTRY_USER, password }),
  });
  const body = /** @type {{ token?: string }} */ (await response.json());
  if (!response.ok || !body.token) {
    throw new Error(`Logging in to the local Verdaccio failed with HTTP ${response.status}`);
  }
  return body.token;
}

/** @param {import("node:child_process").ChildProcess} child */
function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killTimer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(killTimer);
      resolve(undefined);
    });
    child.kill("SIGTERM");
  });
}
