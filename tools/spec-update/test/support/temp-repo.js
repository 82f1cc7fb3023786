// @ts-check
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { FIXTURES, REPO } from "./paths.js";

/** @type {string[]} */
const created = [];

/**
 * A copy of the repository's tracked files (no node_modules: the tools under test run from the
 * real tree), committed in a fresh git repository so tests can ask git what changed. The spec,
 * the listed differences and the release state are the frozen ones of test/fixtures (our spec as
 * the tests were written, no prose fingerprint, no released snapshot, no pending changesets, the
 * public packages at 0.1.0), so legitimate changes to the real ones do not break the tests.
 */
export function tempRepo() {
  const dir = mkdtempSync(join(tmpdir(), "spec-update-repo-"));
  created.push(dir);
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: REPO,
    encoding: "utf8",
  })
    .split("\0")
    .filter(Boolean);
  for (const file of files) {
    try {
      if (!statSync(join(REPO, file)).isFile()) continue;
    } catch {
      continue; // deleted in the work tree
    }
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(REPO, file), join(dir, file));
  }
  cpSync(join(FIXTURES, "our-spec.yaml"), join(dir, "spec/openapi.yaml"));
  cpSync(join(FIXTURES, "upstream-differences.yaml"), join(dir, "spec/upstream-differences.yaml"));
  for (const path of ["spec/upstream-prose.json", "spec/released", "spec/api-changes/pending"]) {
    rmSync(join(dir, path), { recursive: true, force: true });
  }
  for (const name of readdirSync(join(dir, ".changeset"))) {
    if (name.endsWith(".md") && name !== "README.md") rmSync(join(dir, ".changeset", name));
  }
  for (const name of ["types", "client"]) {
    const manifest = join(dir, "packages", name, "package.json");
    writeFileSync(manifest, readFileSync(manifest, "utf8").replace(/"version": "[^"]+"/, '"version": "0.1.0"'));
  }
  git(dir, "init", "-q", "-b", "main");
  git(dir, "add", "-A");
  git(dir, "-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "copy");
  return dir;
}

/**
 * @param {string} cwd
 * @param {...string} args
 */
export function git(cwd, ...args) {
  return execFileSync("git", args, { cwd, encoding: "utf8" });
}

/**
 * Everything in the tree, ignored files included, with a hash of each file: equal fingerprints
 * mean an unchanged tree, build outputs and all.
 *
 * @param {string} root
 */
export function fingerprint(root) {
  /** @type {Record<string, string>} */
  const result = {};
  /** @param {string} dir */
  const walk = (dir) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = dir ? `${dir}/${entry.name}` : entry.name;
      if (path === ".git") continue;
      if (entry.isDirectory()) walk(path);
      else
        result[path] = createHash("sha256")
          .update(readFileSync(join(root, path)))
          .digest("hex");
    }
  };
  walk("");
  return result;
}

export function removeTempRepos() {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}
