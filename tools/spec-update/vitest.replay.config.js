// @ts-check
import { defineConfig } from "vitest/config";

// The replay: ten versions adopted, built, released and upgraded to in one loop (minutes).
export default defineConfig({
  test: { include: ["test-e2e/**/*.e2e.test.js"], testTimeout: 600_000, hookTimeout: 600_000 },
});
