// @ts-check
import { watch } from "node:fs";

/** Files whose change can change what the spec task produces: the document, overlays, config. */
const SPEC_FILE = /\.(ya?ml|json)$/;
/** What the build itself writes inside the spec folder (and tooling), never a reason to rebuild. */
const IGNORED = /(^|\/)(dist|node_modules|test|\.turbo)(\/|$)|(^|\/)\.dist\.|(^|\/)\.[^/]*\.tmp$/;

/**
 * Calls `onChange(paths)` once edits in `dir` settle for `debounceMs` (an editor's save is often
 * several events), with the changed paths relative to `dir`. Recursive, so overlays and split
 * spec files count; the build's own outputs do not.
 *
 * @param {string} dir
 * @param {(paths: string[]) => void} onChange
 * @param {{ debounceMs?: number }} [options]
 * @returns {() => void} stops watching
 */
export function watchSpec(dir, onChange, options = {}) {
  const debounceMs = options.debounceMs ?? 200;
  /** @type {Set<string>} */
  const changed = new Set();
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const watcher = watch(dir, { recursive: true }, (_event, name) => {
    const path = name?.toString().replaceAll("\\", "/");
    if (!path || IGNORED.test(path) || !SPEC_FILE.test(path) || path === "package.json" || path === "turbo.json")
      return;
    changed.add(path);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const paths = [...changed].sort();
      changed.clear();
      onChange(paths);
    }, debounceMs);
  });
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}

/**
 * Runs `build` for each request, one at a time; requests that arrive during a build collapse into
 * one more build after it (the files are read then, so one is enough).
 *
 * @param {() => Promise<boolean>} build resolves true when it succeeded
 * @param {(ok: boolean) => void | Promise<void>} after runs after each build
 */
export function serialBuilds(build, after) {
  let running = false;
  let again = false;
  /** @type {Promise<void>} */
  let idle = Promise.resolve();
  const loop = async () => {
    running = true;
    do {
      again = false;
      await after(await build());
    } while (again);
    running = false;
  };
  return {
    request() {
      if (running) again = true;
      else idle = loop();
      return idle;
    },
    /** Settles when no build is running or queued. */
    idle: () => idle,
  };
}
