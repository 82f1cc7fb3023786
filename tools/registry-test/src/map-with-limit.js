// @ts-check

/**
 * Runs `task` on every item with at most `limit` running at once, and resolves with the results in
 * the items' order. The first failure rejects once the tasks already running have settled, so no
 * child process outlives the call; items not yet started are not started.
 *
 * @template T, R
 * @param {readonly T[]} items
 * @param {number} limit
 * @param {(item: T, index: number) => Promise<R>} task
 * @returns {Promise<R[]>}
 */
export async function mapWithLimit(items, limit, task) {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a whole number ≥ 1, got ${limit}`);
  /** @type {R[]} */
  const results = new Array(items.length);
  let next = 0;
  /** @type {unknown} */
  let failure;
  let failed = false;
  const lane = async () => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await task(/** @type {T} */ (items[index]), index);
      } catch (error) {
        if (!failed) failure = error;
        failed = true;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  if (failed) throw failure;
  return results;
}
