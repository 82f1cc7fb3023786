// @ts-check
import { configDefaults, defineConfig } from "vitest/config";

// GitHub's webhooks test has a config and a script of its own (`test:github`, minutes); ReadMe's
// 3.1 examples prove webhooks on a real document in the e2e tier.
export default defineConfig({
  test: {
    include: ["**/*.test.js"],
    exclude: [...configDefaults.exclude, "**/github-webhooks.e2e.test.js"],
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
