// @ts-check

/**
 * A budget for one metric id: the metric's median must stay at or under `max` (or at or over `min`).
 *
 * @typedef {object} Budget
 * @property {number} [max]
 * @property {number} [min]
 * @property {string} [why] where the number comes from
 */

/**
 * @typedef {object} BudgetVerdict
 * @property {string} id
 * @property {string} label
 * @property {string} unit
 * @property {number | undefined} value the metric's median, undefined when the run lacks it
 * @property {string} budget e.g. "≤ 1.2"
 * @property {"pass" | "fail" | "missing"} status
 */

/**
 * Compares a run's metrics with the budgets. A budget whose metric the run did not measure is
 * "missing" (a partial run, or a renamed metric): reported, and a failure for bench:check, so a
 * budget can never pass by not being measured.
 *
 * @param {Array<import("./metric.js").Metric>} metrics
 * @param {Record<string, Budget>} budgets
 * @returns {BudgetVerdict[]}
 */
export function compareWithBudgets(metrics, budgets) {
  const byId = new Map(metrics.map((m) => [m.id, m]));
  return Object.entries(budgets).map(([id, budget]) => {
    if (budget.max === undefined && budget.min === undefined) throw new Error(`budget ${id} has neither max nor min`);
    const found = byId.get(id);
    const bounds = [
      ...(budget.min !== undefined ? [`≥ ${budget.min}`] : []),
      ...(budget.max !== undefined ? [`≤ ${budget.max}`] : []),
    ].join(" and ");
    if (!found) return { id, label: id, unit: "", value: undefined, budget: bounds, status: "missing" };
    const value = found.median;
    const ok = (budget.max === undefined || value <= budget.max) && (budget.min === undefined || value >= budget.min);
    return { id, label: found.label, unit: found.unit, value, budget: bounds, status: ok ? "pass" : "fail" };
  });
}

/**
 * @param {Record<string, unknown>} raw the parsed budgets.json
 * @returns {Record<string, Budget>}
 */
export function readBudgets(raw) {
  /** @type {Record<string, Budget>} */
  const budgets = {};
  for (const [id, value] of Object.entries(raw)) {
    if (id.startsWith("$")) continue; // "$comment" and the like
    const budget = /** @type {Budget} */ (value);
    for (const key of /** @type {const} */ (["max", "min"])) {
      if (budget[key] !== undefined && typeof budget[key] !== "number") {
        throw new Error(`budgets.json: ${id}.${key} must be a number, got ${JSON.stringify(budget[key])}`);
      }
    }
    budgets[id] = budget;
  }
  return budgets;
}
