// @ts-check
// Reading a stage's log: the test counts `.ci/run` prints last, and one line saying why a stage
// failed (the first message our tools print for people: `file #/pointer: reason`), or that it
// crashed (a stack trace, out of memory), which the targets never accept.

/** @param {string} text */
const plain = (text) => text.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g"), "");

/**
 * The tests of a `.ci/run` log: the sum of every vitest run's `Tests  N failed | N passed | N skipped (T)`
 * summary (one per package with tests, behind turbo's `package:task: ` prefix), or an older
 * `.ci/run`'s own `N passed, N failed, N skipped` line; waived statuses are the contract gate's
 * `coverage: … waived: <reason>` lines (or `waived: …` lines in the older form).
 *
 * @param {string} log
 */
export function testCounts(log) {
  const text = plain(log);
  const waived = new Set(
    text
      .split("\n")
      .map((line) => line.replace(/^\S+:[\w:-]+: /, "").trim())
      .filter((line) => /^coverage: .* waived: /.test(line) || /^(?:[-*]\s*)?waived\b/i.test(line)),
  ).size;
  const totals = [...text.matchAll(/^(\d+) passed, (\d+) failed, (\d+) skipped$/gm)].at(-1);
  if (totals) return { passed: Number(totals[1]), failed: Number(totals[2]), skipped: Number(totals[3]), waived };
  const summaries = [...text.matchAll(/^(?:\S+:[\w:-]+: )?\s*Tests\s+((?:\d+ \w+(?: \| )?)+)\s*\(\d+\)\s*$/gm)];
  if (summaries.length === 0) return undefined;
  const counts = { passed: 0, failed: 0, skipped: 0, waived };
  for (const summary of summaries) {
    for (const [, count, kind] of /** @type {string} */ (summary[1]).matchAll(/(\d+) (\w+)/g)) {
      if (kind === "passed" || kind === "failed") counts[kind] += Number(count);
      else if (kind === "skipped" || kind === "todo") counts.skipped += Number(count);
    }
  }
  return counts;
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
 * @param {{ timedOut: boolean, timeoutMs: number, tests?: boolean }} how `tests`: the log of a test run,
 *   where failing tests print stack traces of their own (not a crash of the tools)
 * @returns {{ line: string, crash: boolean }}
 */
export function failureLine(log, { timedOut, timeoutMs, tests = false }) {
  const text = plain(log);
  if (timedOut) return { line: `did not finish within ${Math.round(timeoutMs / 60000)} min`, crash: true };
  const crash = (tests ? CRASH.slice(0, 2) : CRASH).some((pattern) => pattern.test(text));
  if (/JavaScript heap out of memory/.test(text)) return { line: `out of memory: ${lastTask(text)}`, crash: true };
  // Turbo prefixes every line with `package:task: `; the message is what follows.
  const lines = text.split("\n").map((line) => line.replace(/^\S+:[\w:-]+: /, "").trim());
  const counted = tests ? testCounts(text) : undefined;
  const totals =
    lines.filter((line) => /^\d+ passed, [1-9]\d* failed/.test(line)).at(-1) ??
    (counted && counted.failed > 0
      ? `${counted.passed} passed, ${counted.failed} failed, ${counted.skipped} skipped`
      : undefined);
  // The most frequent error message: a failing suite usually fails for one reason many times.
  /** @type {Map<string, number>} */
  const errors = new Map();
  for (const line of lines) {
    const typeError = /error TS\d+: .+/.exec(line)?.[0];
    if (typeError) errors.set(`${line.split("(")[0]}: ${typeError}`.slice(0, 240), (errors.get(line) ?? 0) + 1);
    else if (
      (/^(\w*Error|ERR_\w+|error)\b:? .+/i.test(line) ||
        /^(openapi-\w+|sdkit-\w+|scaffold|build-site): .*(#\/|fail|error|refus|cannot|no )/i.test(line)) &&
      !/^\d+ passed/.test(line) &&
      // turbo's and pnpm's own lines say only that a command failed
      !/^ERROR\s+(run failed|command )/.test(line)
    ) {
      errors.set(line, (errors.get(line) ?? 0) + 1);
    }
  }
  const frequent = [...errors].sort((a, b) => b[1] - a[1])[0];
  const message = frequent ? `${frequent[0]}${frequent[1] > 1 ? ` (×${frequent[1]})` : ""}` : undefined;
  // A line naming a pointer that is not one of our warnings (lint summaries, dropped assets).
  const pointed = lines.find((line) => /#\/\S*: /.test(line) && !/warning|\(dropped\)|replaced by a link/i.test(line));
  // Turbo names the task that failed: `Failed:    @acme/client#lint`.
  const failedTask = lines.find((line) => /^Failed:\s+\S+#\S+/.test(line))?.replace(/^Failed:\s+/, "");
  const line =
    [totals, failedTask, message].filter(Boolean).join(": ") ||
    pointed ||
    lines.filter(Boolean).at(-1) ||
    "failed without output";
  return { line: line.slice(0, 300), crash };
}

/** @param {string} text which turbo task was running when the log ends */
function lastTask(text) {
  const tasks = [...text.matchAll(/^(\S+:[\w:-]+): /gm)].map((match) => match[1]);
  return tasks.at(-1) ?? "unknown task";
}
