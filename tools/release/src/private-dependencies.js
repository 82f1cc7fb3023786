// @ts-check
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { ReleaseError } from "./errors.js";

/** The manifest fields whose packages a consumer installs with a published package. */
const INSTALLED = ["dependencies", "peerDependencies", "optionalDependencies"];

/**
 * The workspace's packages (name, folder, private), from the `dir` and `dir/*` entries of
 * pnpm-workspace.yaml; none when there is no such file.
 *
 * @param {string} root
 * @returns {Promise<Array<{ name: string, dir: string, manifest: Record<string, any> }>>}
 */
export async function workspacePackages(root) {
  const text = await readFile(join(root, "pnpm-workspace.yaml"), "utf8").catch(() => "");
  const section = /^packages:\s*\n((?:[ \t]+-.*\n?|[ \t]*#.*\n?)*)/m.exec(text)?.[1] ?? "";
  const globs = [...section.matchAll(/^[ \t]+-[ \t]*["']?([^"'\s#]+)/gm)].map((match) => String(match[1]));
  const packages = [];
  for (const glob of globs) {
    const dirs = glob.endsWith("/*")
      ? (await readdir(join(root, glob.slice(0, -2))).catch(() => [])).map((name) => `${glob.slice(0, -2)}/${name}`)
      : [glob];
    for (const dir of dirs) {
      const path = join(root, dir, "package.json");
      if (!existsSync(path)) continue;
      const manifest = JSON.parse(await readFile(path, "utf8"));
      if (typeof manifest.name === "string") packages.push({ name: manifest.name, dir, manifest });
    }
  }
  return packages;
}

/**
 * Published packages that would make their consumers install a private workspace package (which is
 * never on the registry, so the install fails): one line per dependency.
 *
 * @param {string} root
 */
export async function privateDependencyLeaks(root) {
  const packages = await workspacePackages(root);
  const privateNames = new Set(packages.filter((item) => item.manifest.private).map((item) => item.name));
  const leaks = [];
  for (const { name, dir, manifest } of packages) {
    if (manifest.private) continue;
    for (const field of INSTALLED) {
      for (const dependency of Object.keys(manifest[field] ?? {})) {
        if (privateNames.has(dependency)) leaks.push(`${dir}/package.json: ${name} ${field} → ${dependency} (private)`);
      }
    }
  }
  return leaks;
}

/** @param {string} root */
export async function assertNoPrivateDependencies(root) {
  const leaks = await privateDependencyLeaks(root);
  if (leaks.length === 0) return;
  throw new ReleaseError(
    `Published packages depend on private workspace packages, which their consumers cannot install:\n${leaks.map((line) => `  ${line}`).join("\n")}\nMove each to devDependencies (or bundle it), then release again.`,
    { step: "private dependencies" },
  );
}
