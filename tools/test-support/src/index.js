// @ts-check
// Helpers the tests of several packages share. Test code only: no package's src imports this.

export { readTree } from "./read-tree.js";
export { startRecordingServer } from "./recording-server.js";
export { runNode } from "./run-node.js";
