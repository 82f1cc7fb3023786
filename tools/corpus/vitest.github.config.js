// @ts-check
import { defineConfig } from "vitest/config";

// GitHub's description (270 webhooks) through the types and sdk targets and tsc: about 1.5 minutes
// and 500 MB on the two-core machine, so it runs on demand (`test:github`), not in `pnpm test`.
export default defineConfig({
  test: { include: ["test-e2e/github-webhooks.e2e.test.js"], testTimeout: 300_000, hookTimeout: 300_000 },
});
