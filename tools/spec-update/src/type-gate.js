// @ts-check
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { runCommand } from "@sdkit/cli-kit";

/** Where version-packages keeps the docs samples of the last release, for the type gate. */
export const RELEASED_SAMPLES = "spec/released/samples";
/** The docs samples of the working tree (hand-written and generated). */
export const DOCS_SAMPLES = "packages/docs/samples";
/** Hand-written code of a typical consumer, compiled against every new SDK. */
export const CONSUMER_FIXTURE = "spec/type-gate";

/**
 * @typedef {object} CompileBreak
 * @property {string} file repository-relative
 * @property {number} line
 * @property {string} message the compiler's
 * @property {import("./classify.js").ApiChange[]} causes the API changes that name what broke
 */

/**
 * Copies the docs samples of the release being made to spec/released/samples (only `.ts`).
 *
 * @param {string} root
 */
export async function snapshotSamples(root) {
  const target = join(root, RELEASED_SAMPLES);
  await rm(target, { recursive: true, force: true });
  const files = await typeScriptFiles(join(root, DOCS_SAMPLES));
  for (const file of files) {
    const to = join(target, relative(join(root, DOCS_SAMPLES), file));
    await mkdir(join(to, ".."), { recursive: true });
    await cp(file, to);
  }
  return files.length;
}

/**
 * Compiles the last release's docs samples and the consumer fixture against the SDK built from
 * the current spec. Every compile error is a break for code written against the last release;
 * each is given the API changes (since that release) whose names it mentions.
 *
 * @param {{ root: string, changes: import("./classify.js").ApiChange[], clientTypes: Record<string, string> }} options
 *   `clientTypes`: the client package → its built declarations (readRepoConfig)
 * @returns {Promise<{ files: string[], breaks: CompileBreak[], output: string }>}
 */
export async function compileAgainstNewSdk({ root, changes, clientTypes }) {
  const files = await gateFiles(root);
  if (files.length === 0) return { files: [], breaks: [], output: "" };
  const typeRoots = [join(root, "node_modules/@types"), join(root, "packages/docs/node_modules/@types")].filter((dir) =>
    existsSync(join(dir, "node")),
  );
  const work = await mkdtemp(join(tmpdir(), "spec-check-types-"));
  try {
    const tsconfig = {
      compilerOptions: {
        target: "ES2022",
        lib: ["ES2022", "DOM"],
        module: "ESNext",
        moduleResolution: "Bundler",
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        // Samples read process.env: Node's types where the repository has them.
        ...(typeRoots.length ? { types: ["node"], typeRoots } : { types: [] }),
        paths: Object.fromEntries(Object.entries(clientTypes).map(([name, path]) => [name, [join(root, path)]])),
      },
      files,
    };
    const config = join(work, "tsconfig.json");
    await writeFile(config, JSON.stringify(tsconfig, null, 2));
    const tsc = typeScriptCompiler(root);
    const result = await runCommand(process.execPath, [tsc, "-p", config, "--pretty", "false"], {
      cwd: root,
      capture: true,
    });
    const breaks = parseErrors(result.output, root).map((item) => ({
      ...item,
      causes: causesOf(item.message, changes),
    }));
    if (result.code !== 0 && breaks.length === 0)
      breaks.push({ file: "(tsc)", line: 0, message: result.output.trim(), causes: [] });
    return { files: files.map((file) => relative(root, file)), breaks, output: result.output };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * `path/to/file.ts(12,5): error TS2353: Object literal may only specify known properties, …`
 *
 * @param {string} output
 * @param {string} root
 */
export function parseErrors(output, root) {
  /** @type {Array<{ file: string, line: number, message: string }>} */
  const found = [];
  for (const line of output.split("\n")) {
    const match = /^(.+?)\((\d+),\d+\): error (TS\d+: .*)$/.exec(line.trim());
    if (!match) continue;
    const file = match[1] ?? "";
    found.push({
      file: file.startsWith("/") ? relative(root, file) : file,
      line: Number(match[2]),
      message: match[3] ?? "",
    });
  }
  return found;
}

/**
 * The changes whose property, parameter or operation the compiler's message names: the last
 * segment of a target ("request body: ownerId", "response 200: data/id") quoted in the
 * message, or an operation's path.
 *
 * @param {string} message
 * @param {import("./classify.js").ApiChange[]} changes
 */
export function causesOf(message, changes) {
  const quoted = new Set([...message.matchAll(/['"]([^'"]+)['"]/g)].map((match) => match[1] ?? ""));
  return changes.filter((change) => {
    const name = change.target
      ?.split(/[:/.\s]/)
      .filter(Boolean)
      .at(-1);
    if (name && quoted.has(name)) return true;
    const path = change.operation?.split(" ")[1];
    return Boolean(path && quoted.has(path));
  });
}

/**
 * The last release's samples and the consumer fixture, absolute paths; none when neither exists.
 *
 * @param {string} root
 */
export async function gateFiles(root) {
  return [
    ...(await typeScriptFiles(join(root, RELEASED_SAMPLES))),
    ...(await typeScriptFiles(join(root, CONSUMER_FIXTURE))),
  ];
}

/**
 * The repository's own TypeScript (the version its packages build with), else ours.
 *
 * @param {string} root
 */
function typeScriptCompiler(root) {
  try {
    return createRequire(join(root, "package.json")).resolve("typescript/bin/tsc");
  } catch {
    return createRequire(import.meta.url).resolve("typescript/bin/tsc");
  }
}

/** @param {string} dir */
async function typeScriptFiles(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts"))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
