// @ts-check
"use strict";
// Preloaded into every Redocly run (`node --require`): a build never touches the network. The
// spec checks refuse URL $refs before Redocly starts; this makes sure nothing else (a $ref form
// the checks missed, a config `extends` URL, a plugin) can fetch either.
const http = require("node:http");
const https = require("node:https");
const net = require("node:net");
const tls = require("node:tls");

/** @param {unknown} target */
function refuse(target) {
  const error = new Error(`openapi-bundle: network access is off during a build (tried ${describe(target)})`);
  Object.assign(error, { code: "ERR_NETWORK_OFF" });
  return error;
}

/** @param {unknown} target */
function describe(target) {
  if (typeof target === "string") return target;
  if (target instanceof URL) return target.href;
  if (target && typeof target === "object") {
    const options = /** @type {Record<string, unknown>} */ (target);
    if (typeof options.url === "string") return options.url;
    return `${options.host ?? options.hostname ?? "?"}:${options.port ?? ""}`;
  }
  return String(target);
}

globalThis.fetch = async (/** @type {unknown} */ input) => {
  throw refuse(input);
};
for (const module of [http, https]) {
  module.request = /** @type {any} */ (
    (/** @type {unknown} */ target) => {
      throw refuse(target);
    }
  );
  module.get = module.request;
}
for (const module of [net, tls]) {
  module.connect = /** @type {any} */ (
    (/** @type {unknown} */ target) => {
      throw refuse(target);
    }
  );
}
net.createConnection = net.connect;
