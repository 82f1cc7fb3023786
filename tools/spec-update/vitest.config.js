// @ts-check
import { configDefaults, defineConfig } from "vitest/config";

// Tests bundle with Redocly, run oasdiff and copy the repo: seconds each on a busy two-core machine.
// The replay (test-e2e/replay.e2e.test.js, minutes) has its own config and turbo task, `test:replay`,
// so turbo runs it beside this tier.
export default defineConfig({
  test: {
    include: ["**/*.test.js"],
    exclude: [...configDefaults.exclude, "**/replay.e2e.test.js"],
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
