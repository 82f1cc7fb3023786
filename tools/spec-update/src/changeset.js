// @ts-check
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "yaml";

import { readRepoConfig } from "./repo-config.js";

/**
 * The changeset spec:update writes: the public packages at `bump`, the change report as text.
 *
 * @param {import("./levels.js").Level} bump
 * @param {string} summary
 * @param {import("./classify.js").ApiChange[]} changes
 * @param {string[]} publicPackages from the repository's config (readRepoConfig)
 */
export function changesetText(bump, summary, changes, publicPackages) {
  const header = publicPackages.map((name) => `"${name}": ${bump}`).join("\n");
  const list = changes.map(
    (change) =>
      `- ${change.level}: ${[change.operation, change.target].filter(Boolean).join(", ")}${change.operation || change.target ? ": " : ""}${change.text}`,
  );
  return `---\n${header}\n---\n\n${summary}\n\n${list.join("\n")}\n`;
}

/**
 * Pending changesets and the bump each gives to the public packages.
 *
 * @param {string} root
 * @returns {Promise<Array<{ name: string, bump: import("./levels.js").Level | "none" }>>}
 */
export async function pendingChangesets(root) {
  const dir = join(root, ".changeset");
  const names = (await readdir(dir).catch(() => []))
    .filter((name) => name.endsWith(".md") && name !== "README.md")
    .sort();
  const result = [];
  const { publicPackages } = names.length ? await readRepoConfig(root) : { publicPackages: [] };
  for (const name of names) {
    const text = await readFile(join(dir, name), "utf8");
    const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? "";
    const releases = /** @type {Record<string, string> | null} */ (parse(front));
    /** @type {import("./levels.js").Level | "none"} */
    let bump = "none";
    for (const name of publicPackages) {
      const level = releases?.[name];
      if (level === "major" || (level === "minor" && bump !== "major") || (level === "patch" && bump === "none"))
        bump = level;
    }
    result.push({ name: name.replace(/\.md$/, ""), bump });
  }
  return result;
}
