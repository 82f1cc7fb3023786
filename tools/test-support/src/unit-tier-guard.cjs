// @ts-check
/**
 * The unit tier's one rule, enforced: no network. Every package's `test:unit` script loads this file
 * with `--require` through NODE_OPTIONS, so it runs in vitest, in its workers and in every process a
 * unit test spawns. A TCP listen or connect throws and names the rule; connections to a local path
 * (IPC sockets) stay allowed. A test that needs a server, Prism, a registry or the network belongs in
 * the package's `test-e2e/` folder, which `pnpm test:e2e` runs after the build.
 */
"use strict";
const net = require("node:net");

/** @param {string} what */
function refuse(what) {
  const error = new Error(
    `${what}: the unit tier (test/) opens no network sockets. Move this test to test-e2e/, the tier that runs after the build with servers allowed.`,
  );
  Object.assign(error, { code: "EUNITTIER" });
  throw error;
}

/** @param {unknown[]} args */
function isLocalPath(args) {
  const [first] = args;
  if (typeof first === "string") return !/^\d+$/.test(first);
  if (first && typeof first === "object" && "path" in first) return typeof first.path === "string";
  // A handle or fd (an inherited socket) is not a new network endpoint.
  return first !== null && typeof first === "object" && ("fd" in first || "_handle" in first);
}

/** @param {unknown[]} args */
function describe(args) {
  const [first, second] = args;
  if (first && typeof first === "object") {
    const { host, port } = /** @type {{ host?: string, port?: number }} */ (first);
    return `${host ?? "*"}:${port ?? 0}`;
  }
  return typeof second === "string" ? `${second}:${first}` : `port ${first ?? 0}`;
}

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function guardedListen(/** @type {any[]} */ ...args) {
  if (!isLocalPath(args)) refuse(`listen on ${describe(args)}`);
  return listen.apply(this, /** @type {any} */ (args));
};

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(/** @type {any[]} */ ...args) {
  // net.connect() passes its normalized arguments as one array.
  const normalized = Array.isArray(args[0]) ? args[0] : args;
  if (!isLocalPath(normalized)) refuse(`connect to ${describe(normalized)}`);
  return connect.apply(this, /** @type {any} */ (args));
};
