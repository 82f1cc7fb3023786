import { defineConfig } from "tsdown";
import { buildConstants } from "./build-constants.ts";
import { declarationsAsExported } from "./exported-names.ts";

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
  define: buildConstants,
  // Declarations carry the names sdk.config.json gives them, not the core's neutral ones. Added here
  // rather than in `plugins`, which tsdown leaves out of the build that writes index.d.cts.
  inputOptions(options) {
    options.plugins = [options.plugins, declarationsAsExported()];
  },
});
