import { defineConfig } from "vitest/config";
import { buildConstants } from "./build-constants.ts";

export default defineConfig({
  define: buildConstants,
  test: {
    include: ["test/**/*.test.ts"],
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
  },
});
