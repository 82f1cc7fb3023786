import { join } from "node:path";
import { GateLastSequencer } from "./support/sequencer.js";

export { type ContractSetupOptions, contractGlobalSetup } from "./support/global-setup.js";
export { GateLastSequencer };

/**
 * The `test` part of a vitest config that runs the generated contract entry files of `dir` (the
 * `--out` of `openapi-codegen contract`): their global setup (one Prism), one file at a time with
 * the coverage gate last, and the timeouts a real Prism needs. `include` adds other test files of
 * the package to the same run.
 */
export function contractTestConfig(options: { dir: string; include?: string[] }) {
  return {
    include: [join(options.dir, "*.test.ts"), ...(options.include ?? [])],
    globalSetup: [join(options.dir, "global-setup.ts")],
    // One file at a time, in the sequencer's order, so the coverage gate sees every other file's
    // records. The files are a few dozen loopback requests; parallelism would save little.
    fileParallelism: false,
    sequence: { sequencer: GateLastSequencer },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  };
}
