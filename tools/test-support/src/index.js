// @ts-check
// Helpers the tests of several packages share (and the registry-test harness). Test code only:
// no published or build-time code imports this.

export { exec, execOk, runNode } from "./exec.js";
export { outcomeOf } from "./outcome.js";
export { readTree } from "./read-tree.js";
export { startRecordingServer } from "./recording-server.js";
