import { defineConfig } from "tsdown";

// The package is types only; the JS entries are empty modules that exist so that `import` and
// `require` of the package resolve in every runtime and tool (publint, attw, bundlers).
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  platform: "neutral",
  dts: true,
  clean: true,
  sourcemap: false,
  // Plugin timings depend on the machine's load, not on the code: not worth a warning per build.
  checks: { pluginTimings: false },
});
