// @ts-check
import { defineConfig } from "vitest/config";

// Each case spawns the Redocly CLI, which takes a second or two on a busy two-core machine.
export default defineConfig({
  test: { include: ["**/*.test.js"], testTimeout: 60_000, hookTimeout: 60_000 },
});
