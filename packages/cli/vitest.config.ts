import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["**/*.test.ts"],
    // Tests spawn the built bin and Prism; on two loaded cores that can take seconds.
    testTimeout: 60_000,
  },
});
