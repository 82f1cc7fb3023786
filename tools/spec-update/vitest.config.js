// @ts-check
import { defineConfig } from "vitest/config";

// Tests bundle with Redocly, run oasdiff and copy the repo: seconds each on a busy two-core machine.
export default defineConfig({
  test: { include: ["test/**/*.test.js"], testTimeout: 180_000, hookTimeout: 180_000 },
});
