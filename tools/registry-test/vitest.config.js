// @ts-check
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["**/*.test.js"],
    // The end-to-end file starts Verdaccio and Prism and runs npm; give setup room on a shared 2-core box.
    hookTimeout: 300_000,
    testTimeout: 120_000,
    // One registry run at a time; the unit files are fast either way.
    fileParallelism: false,
  },
});
