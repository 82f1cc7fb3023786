// @ts-check
import { defineConfig } from "vitest/config";

// Bundling spawns the Redocly CLI, which takes a second or two on a busy two-core machine.
export default defineConfig({
  test: { include: ["**/*.test.js"], testTimeout: 60_000 },
});
