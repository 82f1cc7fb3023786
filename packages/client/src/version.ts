import { SDK_CONFIG } from "./generated/sdk-config.js";

// Replaced at build time (tsdown `define`, and vitest's `define` for tests) with the version in
// package.json, so the client never reads the filesystem at runtime: it must run where there is none.
declare const __HATCH_CLIENT_VERSION__: string;

export const VERSION: string = __HATCH_CLIENT_VERSION__;

/** The client's own product token in User-Agent (sdk.config.json `userAgent`). */
export const PACKAGE_NAME: string = SDK_CONFIG.userAgent;
