import { readFileSync } from "node:fs";

// Build-time constants shared by tsdown (the published build) and vitest (tests run the sources):
// the version is baked in, so the client never reads package.json at runtime.
const pkg = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as { version: string };

export const buildConstants = {
  __HATCH_CLIENT_VERSION__: JSON.stringify(pkg.version),
};
