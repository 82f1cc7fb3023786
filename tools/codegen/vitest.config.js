// @ts-check
import { defineConfig } from "vitest/config";

// The fixture-operation test builds a copy of the workspace (spec bundle, tsc, Prism): generous
// timeouts for a loaded two-core machine.
export default defineConfig({
  test: { include: ["**/*.test.js"], testTimeout: 600_000, hookTimeout: 600_000 },
});
