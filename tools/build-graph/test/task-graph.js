// @ts-check
// Reading `turbo run --dry=json`: each task's hash, resolved input files and output globs.
import { join, posix, relative } from "node:path";

/**
 * @typedef {object} DryTask
 * @property {string} id "@hatch-api/types#build"
 * @property {string} hash
 * @property {string} directory the package folder, relative to the repo root
 * @property {Record<string, string>} inputs repo-relative file → content hash
 * @property {string[]} outputs repo-relative output globs
 * @property {string[]} dependencies task ids this task depends on
 */

/**
 * @param {string} json the output of `turbo run <tasks> --dry=json`
 * @returns {Map<string, DryTask>}
 */
export function parseDryRun(json) {
  const summary = JSON.parse(json.slice(json.indexOf("{")));
  /** @type {Map<string, DryTask>} */
  const tasks = new Map();
  for (const task of summary.tasks) {
    if (task.command === "<NONEXISTENT>") continue; // no script: turbo runs nothing
    const directory = task.directory;
    /** @type {Record<string, string>} */
    const inputs = {};
    for (const [file, hash] of Object.entries(task.inputs ?? {})) inputs[toRepoPath(directory, file)] = String(hash);
    tasks.set(task.taskId, {
      id: task.taskId,
      hash: task.hash,
      directory,
      inputs,
      outputs: (task.outputs ?? []).map((/** @type {string} */ glob) => toRepoPath(directory, glob)),
      dependencies: task.dependencies ?? [],
    });
  }
  return tasks;
}

/**
 * @param {string} directory
 * @param {string} path
 */
function toRepoPath(directory, path) {
  const negated = path.startsWith("!");
  const bare = negated ? path.slice(1) : path;
  const full = relative(
    ".",
    join(directory, bare.replace(/^\$TURBO_ROOT\$\//, `${"../".repeat(directory.split("/").length)}`)),
  );
  return (negated ? "!" : "") + full.split("\\").join(posix.sep);
}

/**
 * A glob as turbo means it (`**` any depth, `*` within one segment) turned into a RegExp.
 *
 * @param {string} glob
 */
export function globToRegExp(glob) {
  let pattern = "";
  for (let i = 0; i < glob.length; i += 1) {
    const char = /** @type {string} */ (glob[i]);
    if (char === "*" && glob[i + 1] === "*") {
      pattern += glob[i + 2] === "/" ? "(?:.*/)?" : ".*";
      i += glob[i + 2] === "/" ? 2 : 1;
    } else if (char === "*") pattern += "[^/]*";
    else if (char === "?") pattern += "[^/]";
    else pattern += char.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${pattern}$`);
}

/**
 * Input files of one task that another task writes: each makes the reading task's key depend on
 * whether the writer already ran when turbo hashed it (the rule in the developers' guide).
 *
 * @param {Map<string, DryTask>} tasks
 * @returns {string[]} "file: input of A, output of B"
 */
export function outputsUsedAsInputs(tasks) {
  const writers = [...tasks.values()].flatMap((task) =>
    task.outputs.filter((glob) => !glob.startsWith("!")).map((glob) => ({ id: task.id, pattern: globToRegExp(glob) })),
  );
  const problems = [];
  for (const task of tasks.values()) {
    for (const file of Object.keys(task.inputs)) {
      for (const writer of writers) {
        if (writer.id !== task.id && writer.pattern.test(file))
          problems.push(`${file}: an input of ${task.id} and an output of ${writer.id}`);
      }
    }
  }
  return problems;
}

/**
 * Tasks whose hash differs between two dry runs, with the input files that differ.
 *
 * @param {Map<string, DryTask>} before
 * @param {Map<string, DryTask>} after
 */
export function changedTasks(before, after) {
  /** @type {Map<string, string[]>} */
  const changed = new Map();
  for (const [id, task] of after) {
    const previous = before.get(id);
    if (previous?.hash === task.hash) continue;
    const files = new Set([...Object.keys(task.inputs), ...Object.keys(previous?.inputs ?? {})]);
    changed.set(
      id,
      [...files].filter((file) => previous?.inputs[file] !== task.inputs[file]),
    );
  }
  return changed;
}

/**
 * Every task that depends, directly or not, on one of `roots`, and the roots.
 *
 * @param {Map<string, DryTask>} tasks
 * @param {Iterable<string>} roots
 */
export function dependentsOf(tasks, roots) {
  const result = new Set(roots);
  let grew = true;
  while (grew) {
    grew = false;
    for (const task of tasks.values()) {
      if (!result.has(task.id) && task.dependencies.some((id) => result.has(id))) {
        result.add(task.id);
        grew = true;
      }
    }
  }
  return result;
}
