// @ts-check
"use strict";
// Preloaded into the cache server (`node --require`). The server never learns who started it, so if
// the starter dies outright (SIGKILL of a test runner, a closed terminal) nothing would stop it and
// it would hold its port. The starter gives the server a stdin pipe that nothing else holds, so the
// kernel closes it when the starter dies in any way: end of stdin means "your parent is gone".
// Polling the parent pid covers a starter that never wired stdin.

const parentPid = process.ppid;
const exitNow = () => process.exit(0);

process.stdin.on("end", exitNow);
process.stdin.on("close", exitNow);
process.stdin.on("error", exitNow);
process.stdin.resume();
/** @type {any} */ (process.stdin).unref?.();

setInterval(() => {
  try {
    process.kill(parentPid, 0);
  } catch {
    exitNow();
  }
}, 500).unref();
