// @ts-check
import { readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";

/**
 * The folder the user ran the command from, so the paths we print open from there. pnpm records
 * it in INIT_CWD (package scripts run in the package's folder, so our own cwd is not it). Under
 * turbo, the pnpm that runs the task resets INIT_CWD to the package folder; turbo runs from the
 * repo root (`pnpm build` there), so a turbo task (TURBO_HASH set) uses that root. Otherwise our cwd.
 *
 * @param {NodeJS.ProcessEnv} [env]
 */
export function invocationDir(env = process.env) {
  if (env.TURBO_HASH) {
    const root = turboRoot(process.cwd());
    if (root) return root;
  }
  const dir = env.INIT_CWD;
  if (dir && isAbsolute(dir)) {
    try {
      if (statSync(dir).isDirectory()) return dir;
    } catch {
      // a stale INIT_CWD: fall back to where we are
    }
  }
  return process.cwd();
}

/**
 * A path as a terminal in `from` can open it: relative when it is below `from`, else absolute.
 *
 * @param {string} path
 * @param {string} [from]
 */
export function displayPath(path, from = invocationDir()) {
  const absolute = resolve(path);
  const shown = relative(from, absolute);
  return shown && !shown.startsWith("..") && !isAbsolute(shown) ? shown : absolute;
}

/**
 * The nearest folder at or above `from` whose turbo.json is the root one (no `extends`).
 *
 * @param {string} from
 */
function turboRoot(from) {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    try {
      if (!("extends" in JSON.parse(readFileSync(join(dir, "turbo.json"), "utf8")))) return dir;
    } catch {
      // no (readable) turbo.json here: keep going up
    }
    if (dirname(dir) === dir) return undefined;
  }
}
