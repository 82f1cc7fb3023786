// @ts-check
import { defineConfig } from "vitest/config";

// GitHub's description through the types and sdk targets and tsc: about 1.5 minutes and 500 MB on
// the two-core machine, so not part of `pnpm test`.
export default defineConfig({
  test: { include: ["test-e2e/**/*.e2e.test.js"], testTimeout: 300_000, hookTimeout: 300_000 },
});
