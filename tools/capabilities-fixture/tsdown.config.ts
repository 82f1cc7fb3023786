import { defineConfig } from "tsdown";

// As packages/client builds: fetch-only ESM, openapi-fetch left to the package manager. No
// declarations: the tests and the runtime matrix type-check against the sources.
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  platform: "neutral",
  target: "es2022",
  dts: false,
  clean: true,
  sourcemap: false,
  checks: { pluginTimings: false },
});
