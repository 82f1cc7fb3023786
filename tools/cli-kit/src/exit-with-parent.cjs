// @ts-check
"use strict";
// Preloaded (`node --require`) into a server that `spawnGroup` starts (Prism, the remote cache). The
// server never learns who started it, so if the starter is killed outright (SIGKILL of a test runner,
// a crashed CI step) nothing would ever stop it and it would hold its port forever. The starter gives
// it a stdin pipe and nothing else holds its write end (Node opens pipes close-on-exec), so the kernel
// closes it when the starter dies in any way: end of stdin means "your parent is gone". Polling the
// parent pid covers starters that close stdin late or never had one wired.

const parentPid = process.ppid;

function exitNow() {
  process.exit(0);
}

process.stdin.on("end", exitNow);
process.stdin.on("close", exitNow);
process.stdin.on("error", exitNow);
process.stdin.resume();
// Do not let the watch itself keep the server alive if it has nothing else to do (a failed start).
if (typeof (/** @type {any} */ (process.stdin).unref) === "function") /** @type {any} */ (process.stdin).unref();

const parentWatch = setInterval(() => {
  try {
    process.kill(parentPid, 0);
  } catch {
    exitNow();
  }
}, 500);
parentWatch.unref();
