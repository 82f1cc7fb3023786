// @ts-check

const GIT_PATH = "git rev-parse --git-path ";

/**
 * A Runner that records every call and answers from a table keyed by the command line
 * (e.g. "git status --porcelain"); unknown commands succeed with empty output. `git rev-parse --git-path`
 * answers a path under `.git` (absent in a temp dir), so no snapshot counts as applied unless a test says so.
 *
 * @param {Record<string, { code?: number, output?: string } | Array<{ code?: number, output?: string }>>} answers
 *   an array answers successive calls of the same command line in order
 * @returns {{ run: import("../src/run-command.js").Runner, calls: Array<{ line: string, options: import("../src/run-command.js").RunOptions }>, lines: () => string[] }}
 */
export function fakeRunner(answers = {}) {
  /** @type {Array<{ line: string, options: import("../src/run-command.js").RunOptions }>} */
  const calls = [];
  /** @type {Map<string, number>} */
  const seen = new Map();
  /** @type {import("../src/run-command.js").Runner} */
  const run = async (command, args, options) => {
    const line = [command, ...args].join(" ");
    calls.push({ line, options });
    const count = seen.get(line) ?? 0;
    seen.set(line, count + 1);
    const answer =
      answers[line] ?? (line.startsWith(GIT_PATH) ? { output: `.git/${line.slice(GIT_PATH.length)}\n` } : undefined);
    const picked = Array.isArray(answer) ? answer[Math.min(count, answer.length - 1)] : answer;
    return { code: picked?.code ?? 0, output: picked?.output ?? "" };
  };
  return { run, calls, lines: () => calls.map((call) => call.line) };
}
