// @ts-check
import { defineConfig } from "vitest/config";

// The tests copy the repo, install it offline and run real turbo builds, Prism and the docs
// server in it: minutes on a busy two-core machine, and one file at a time.
export default defineConfig({
  test: {
    include: ["**/*.test.js"],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
});
