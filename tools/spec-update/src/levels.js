// @ts-check

/** @typedef {"major" | "minor" | "patch"} Level */
/** @typedef {Level | "none"} Bump */

const RANK = { none: 0, patch: 1, minor: 2, major: 3 };

/**
 * @param {Bump} a
 * @param {Bump} b
 * @returns {Bump}
 */
export const maxBump = (a, b) => (RANK[a] >= RANK[b] ? a : b);

/**
 * @param {Bump} a
 * @param {Bump} b
 */
export const bumpCovers = (a, b) => RANK[a] >= RANK[b];

/**
 * @param {Array<{ level: Level }>} changes
 * @returns {Bump}
 */
export const bumpOf = (changes) =>
  changes.reduce((bump, change) => maxBump(bump, change.level), /** @type {Bump} */ ("none"));
