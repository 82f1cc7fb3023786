// @ts-check
// Reading a stage's log: the test counts `.ci/run` prints last, and one line saying why a stage
// failed (the first message our tools print for people: `file #/pointer: reason`), or that it
// crashed (a stack trace, out of memory), which the targets never accept.

/** @param {string} text */
const plain = (text) => text.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g"), "");

/**
 * `.ci/run` ends with `N passed, N failed, N skipped`; the contract gate lists waived statuses as
 * `waived: …` lines.
 *
 * @param {string} log
 */
export function testCounts(log) {
  const text = plain(log);
  const totals = [...text.matchAll(/^(\d+) passed, (\d+) failed, (\d+) skipped$/gm)].at(-1);
  const waived = [...text.matchAll(/^\s*(?:[-*]\s*)?waived\b/gim)].length;
  if (!totals) return undefined;
  return { passed: Number(totals[1]), failed: Number(totals[2]), skipped: Number(totals[3]), waived };
}

const CRASH = [
  /JavaScript heap out of memory/,
  /FATAL ERROR/,
  /^\s+at .+\(.+:\d+:\d+\)$/m,
  /Segmentation fault/,
  /Killed$/m,
];

/**
 * @param {string} log
 * @param {{ timedOut: boolean, timeoutMs: number }} how
 * @returns {{ line: string, crash: boolean }}
 */
export function failureLine(log, { timedOut, timeoutMs }) {
  const text = plain(log);
  if (timedOut) return { line: `did not finish within ${Math.round(timeoutMs / 60000)} min`, crash: true };
  const crash = CRASH.some((pattern) => pattern.test(text));
  if (/JavaScript heap out of memory/.test(text)) return { line: `out of memory: ${lastTask(text)}`, crash: true };
  const lines = text.split("\n").map((line) => line.trim());
  const pointed = lines.find((line) => /\s#\/\S*: /.test(line) || /^\S+ #\/\S*: /.test(line));
  const failedTests = lines.filter(
    (line) => /^Tests\s+\d+ failed/.test(line) || /^\d+ passed, [1-9]\d* failed/.test(line),
  );
  const error = lines.find((line) => /(^|\s)(error|ERR_|failed|Error:)/i.test(line) && !/^\d+ passed/.test(line));
  const line = pointed ?? failedTests.at(-1) ?? error ?? lines.filter(Boolean).at(-1) ?? "failed without output";
  return { line: line.slice(0, 300), crash };
}

/** @param {string} text which turbo task was running when the log ends */
function lastTask(text) {
  const tasks = [...text.matchAll(/^(\S+:[\w:-]+): /gm)].map((match) => match[1]);
  return tasks.at(-1) ?? "unknown task";
}
