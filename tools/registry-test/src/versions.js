// @ts-check

/**
 * The version a `minor` changeset gives a fixed group whose members are at `versions`: changesets
 * bumps the group's highest version and gives every member that result.
 *
 * @param {string[]} versions plain x.y.z versions
 */
export function nextMinorForFixedGroup(versions) {
  const parsed = versions.map((version) => {
    const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
    if (!match) throw new Error(`Expected a plain x.y.z version, got "${version}"`);
    return match.slice(1).map(Number);
  });
  parsed.sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0) || (a[1] ?? 0) - (b[1] ?? 0) || (a[2] ?? 0) - (b[2] ?? 0));
  const [major, minor] = /** @type {number[]} */ (parsed.at(-1));
  return `${major}.${(minor ?? 0) + 1}.0`;
}
