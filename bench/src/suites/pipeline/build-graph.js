// @ts-check

/**
 * @typedef {object} GraphTask
 * @property {string} taskId
 * @property {string} command
 * @property {string} directory relative to the repo root
 * @property {string[]} dependencies task ids
 */

/**
 * The tasks of a `turbo run <task> --dry=json` that run a command, in an order that respects their
 * dependencies (turbo's own placeholders for packages without the script are left out but their
 * dependencies are followed through).
 *
 * @param {string} dryRunJson
 * @returns {GraphTask[]}
 */
export function runnableTasksInOrder(dryRunJson) {
  /** @type {{ tasks: GraphTask[] }} */
  const dry = JSON.parse(dryRunJson.slice(dryRunJson.indexOf("{")));
  const byId = new Map(dry.tasks.map((task) => [task.taskId, task]));
  /** @type {GraphTask[]} */
  const ordered = [];
  const state = new Map();
  /** @param {string} id */
  const visit = (id) => {
    if (state.get(id) === "done") return;
    if (state.get(id) === "visiting") throw new Error(`the task graph has a cycle through ${id}`);
    state.set(id, "visiting");
    const task = byId.get(id);
    for (const dependency of task?.dependencies ?? []) visit(dependency);
    state.set(id, "done");
    if (task && task.command !== "<NONEXISTENT>") ordered.push(task);
  };
  for (const id of [...byId.keys()].sort()) visit(id);
  return ordered;
}

/**
 * The runnable tasks that a change to `packageName`'s files re-runs: its own tasks and everything
 * that depends on them, directly or not.
 *
 * @param {GraphTask[]} tasks from runnableTasksInOrder (dependencies may name placeholder tasks)
 * @param {string} dryRunJson the same dry run, for the placeholders' dependencies
 * @param {string} packageName
 * @returns {Set<string>}
 */
export function tasksAffectedBy(tasks, dryRunJson, packageName) {
  /** @type {{ tasks: GraphTask[] }} */
  const dry = JSON.parse(dryRunJson.slice(dryRunJson.indexOf("{")));
  const byId = new Map(dry.tasks.map((task) => [task.taskId, task]));
  /** @type {Map<string, boolean>} */
  const memo = new Map();
  /** @param {string} id @returns {boolean} */
  const affected = (id) => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    memo.set(id, false);
    const result =
      id.startsWith(`${packageName}#`) || (byId.get(id)?.dependencies ?? []).some((dependency) => affected(dependency));
    memo.set(id, result);
    return result;
  };
  return new Set(tasks.filter((task) => affected(task.taskId)).map((task) => task.taskId));
}
