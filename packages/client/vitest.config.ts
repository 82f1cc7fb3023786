import { defineConfig } from "vitest/config";
import { buildConstants } from "./build-constants.ts";

export default defineConfig({
  define: buildConstants,
  test: {
    include: ["test/**/*.test.ts"],
    // Some tests spawn node or tsc; under a full `pnpm test` on two cores that can take seconds.
    testTimeout: 60_000,
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
  },
});
