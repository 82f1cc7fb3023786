import { defineConfig } from "vitest/config";
import { GateLastSequencer } from "./test/support/sequencer.js";

export default defineConfig({
  test: {
    include: ["test/contract/**/*.test.ts", "test/unit/**/*.test.ts", "test/property/**/*.test.ts"],
    globalSetup: ["./test/support/global-setup.ts"],
    // One file at a time, in the sequencer's order, so the coverage gate sees every other file's
    // records. The files are a few dozen loopback requests; parallelism would save little.
    fileParallelism: false,
    sequence: { sequencer: GateLastSequencer },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
