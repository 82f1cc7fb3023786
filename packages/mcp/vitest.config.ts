import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["**/*.test.ts"],
    // The e2e test spawns the built server and Prism; on two loaded cores that can take seconds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
