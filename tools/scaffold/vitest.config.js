// @ts-check
import { defineConfig } from "vitest/config";

// The end-to-end test installs, builds and tests two scaffolded repos (Prism, tsc, tsdown, Redocly):
// generous timeouts for a loaded two-core machine.
export default defineConfig({
  test: { include: ["**/*.test.js"], testTimeout: 120_000, hookTimeout: 900_000 },
});
