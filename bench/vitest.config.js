// @ts-check
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Unit tests of the benchmark's logic on fabricated numbers. No benchmark runs here, and no
    // test asserts on timing.
    include: ["**/*.test.js"],
  },
});
