import { defineConfig } from "tsdown";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  // Fetch-only code: "neutral" keeps Node built-ins from sneaking into the main entry.
  platform: "neutral",
  target: "es2022",
  dts: true,
  clean: true,
  sourcemap: false,
  // Plugin timings depend on the machine's load, not on the code: not worth a warning per build.
  checks: { pluginTimings: false },
});
