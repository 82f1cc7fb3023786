// @ts-check
export { cacheServerEnv, STORAGE_PROVIDERS } from "./server-env.js";
export { listeningUrl, parseServerLogLine } from "./server-log.js";
export { serverPackage, startCacheServer } from "./start-cache-server.js";
export { resolveServerToken } from "./token.js";
export { parseRunSummary, runTurboScript } from "./turbo-run.js";
export { cleanToolEnv, cloneWorkspace, gitHead, resetClone, untrackedFileDigests } from "./workspace-clone.js";

/** @typedef {import("./start-cache-server.js").CacheServer} CacheServer */
/** @typedef {import("./start-cache-server.js").StartCacheServerOptions} StartCacheServerOptions */
