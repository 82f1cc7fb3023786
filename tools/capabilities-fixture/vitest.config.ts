import { defineConfig } from "vitest/config";

// Every test here needs the built fixture SDK and starts a server or Prism: the e2e tier.
export default defineConfig({
  test: { include: ["**/*.test.ts"], testTimeout: 120_000, hookTimeout: 120_000 },
});
