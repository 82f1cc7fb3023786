import { defineConfig } from "tsdown";

export default defineConfig({
  // The generated entry (bin.ts) carries the shebang; the client stays a dependency, not bundled.
  entry: { bin: "src/generated/bin.ts" },
  format: ["esm"],
  platform: "node",
  target: "node20",
  dts: false,
  clean: true,
  sourcemap: false,
  checks: { pluginTimings: false },
});
