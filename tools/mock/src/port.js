// @ts-check
import { createServer } from "node:net";
import { PortInUseError } from "./errors.js";

/**
 * Fails with {@link PortInUseError} when `host:port` cannot be bound. Checked before Prism is
 * spawned so the common mistake (a second `pnpm mock`) gets a one-line answer instead of Prism's
 * usage dump; Prism failing to bind later (a race) is still detected from its log.
 *
 * @param {string} host
 * @param {number} port
 */
export function assertPortFree(host, port) {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (/** @type {NodeJS.ErrnoException} */ error) => {
      reject(error.code === "EADDRINUSE" ? new PortInUseError(host, port, { cause: error }) : error);
    });
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve(undefined)));
  });
}
