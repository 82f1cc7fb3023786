// @ts-check

/**
 * What a promise ended with, the value or the error, without throwing: a test can then look at
 * what was sent and answered before asserting on the outcome. (No deadline: a hang is the test
 * timeout's to report.)
 *
 * @template T
 * @param {Promise<T>} promise
 * @returns {Promise<{ value: T } | { error: unknown }>}
 */
export async function outcomeOf(promise) {
  try {
    return { value: await promise };
  } catch (error) {
    return { error };
  }
}
