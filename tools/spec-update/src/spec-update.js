// @ts-check
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { parse } from "yaml";
import { apiReportChanges, readApiReports } from "./api-reports.js";
import { applyWireChanges } from "./apply-changes.js";
import { bundleForDiff, lintWithOurRules } from "./bundle.js";
import { changesetText } from "./changeset.js";
import { classify } from "./classify.js";
import { agreements, explainedBy, loadDifferences } from "./differences.js";
import { SpecUpdateError } from "./errors.js";
import { formatWithBiome } from "./format.js";
import { maxBump } from "./levels.js";
import { loadDocument } from "./load-document.js";
import { readRepoConfig } from "./repo-config.js";
import { contractChanges, formatReport } from "./report.js";
import { snapshotTree } from "./snapshot.js";
import {
  fingerprintOf,
  proseChanges,
  proseOf,
  readFingerprint,
  sameFingerprint,
  writeFingerprint,
} from "./upstream-prose.js";
import { diffWireModels } from "./wire-diff.js";
import { wireModel } from "./wire-model.js";

/** Repository-relative paths spec:update reads and writes. */
export const PATHS = {
  spec: "spec/openapi.yaml",
  lintConfig: "spec/redocly.yaml",
  overlays: "spec/overlays",
  differences: "spec/upstream-differences.yaml",
  prose: "spec/upstream-prose.json",
  changesets: ".changeset",
  pending: "spec/api-changes/pending",
  apiReports: "tools/api-report/reports",
};

/**
 * What regenerates types, SDK, docs and contract tests, records the published packages' new public
 * API (tools/api-report/reports, part of the change like the spec), and proves it: the tests of the
 * spec package and of everything that depends on it (a spec change cannot affect the others, and
 * the whole repository's tests do not fit one update). Turbo runs only what the spec change
 * affects: every other task is a cache hit.
 *
 * @param {string} specPackage the spec package's name (readRepoConfig)
 * @returns {Array<[string, string[]]>}
 */
export const buildSteps = (specPackage) => [
  ["pnpm", ["exec", "turbo", "run", "build"]],
  ["pnpm", ["exec", "turbo", "run", "api:report"]],
  ["pnpm", ["exec", "turbo", "run", "test", `--filter=...${specPackage}`, "--concurrency=2"]],
];

/**
 * @typedef {object} SpecUpdateOptions
 * @property {string} root the repository root
 * @property {string} from a file path or an http(s) URL
 * @property {boolean} [dryRun]
 * @property {boolean} [yes] apply without asking
 * @property {boolean} [interactive] stdin and stdout are a terminal
 * @property {(question: string) => Promise<boolean>} [confirm]
 * @property {import("@sdkit/cli-kit").Runner} run runs the build and test steps
 * @property {Array<[string, string[]]>} [steps] the verification that follows applying (buildSteps()
 *   unless given: a caller that proves less, such as the replay's tier, says so by passing its own)
 * @property {(text: string) => void} log
 * @property {typeof fetch} [fetch]
 * @property {number} [timeoutMs]
 * @property {number} [maxBytes]
 * @property {Date} [now]
 */

/**
 * The turbo task a build step runs ("build", "api:report", "test").
 *
 * @param {string[]} args
 */
export const taskOf = (args) => args[args.indexOf("run") + 1] ?? args.at(-1) ?? "";

/**
 * `pnpm spec:update --from <url|file> [--dry-run] [--yes]`.
 *
 * @param {SpecUpdateOptions} options
 * @returns {Promise<{ report: import("./report.js").UpdateReport, applied: boolean, changeset?: string }>}
 */
export async function specUpdate(options) {
  const { root, from, dryRun = false, yes = false, interactive = false, log, run, now = new Date() } = options;
  if (!dryRun && !yes && (!interactive || !options.confirm)) {
    throw new SpecUpdateError("no terminal to ask for confirmation: pass --yes to apply, or --dry-run to only report", {
      step: "arguments",
    });
  }
  const upstream = await loadDocument(from, options);
  const specPath = join(root, PATHS.spec);
  const ourText = await readFile(specPath, "utf8");
  const ours = /** @type {Record<string, any>} */ (parse(ourText));
  const ourModel = wireModel(ours, PATHS.spec);
  const upstreamModel = wireModel(upstream.document, from);
  const differences = await loadDifferences(join(root, PATHS.differences));
  const config = await readRepoConfig(root);

  /** @type {import("./report.js").UpdateReport["listed"]} */
  const listed = [];
  const wireChanges = diffWireModels(ourModel, upstreamModel).filter((change) => {
    const difference = explainedBy(change, differences);
    if (difference) listed.push({ change, difference: difference.id });
    return !difference;
  });
  const applied = applyWireChanges({
    text: ourText,
    ours: ourModel,
    upstream: upstream.document,
    upstreamModel,
    changes: wireChanges,
    differences,
    source: from,
  });

  const prose = proseOf(upstream.document, upstreamModel, from);
  const fingerprint = fingerprintOf(prose);
  const previousFingerprint = await readFingerprint(join(root, PATHS.prose));
  const reworded = previousFingerprint ? proseChanges(previousFingerprint, prose, ourModel) : [];

  /** @type {import("./report.js").UpdateReport} */
  const report = {
    proseBaseline: previousFingerprint !== null,
    proseChanges: reworded,
    source: from,
    upstreamVersion: upstream.version,
    wireChanges,
    listed,
    agreements: agreements(differences, ourModel, upstreamModel),
    changes: [],
    bump: "none",
    placeholders: applied.placeholders,
    manual: applied.manual,
    publicPackages: config.publicPackages,
  };

  const work = await mkdtemp(join(tmpdir(), "spec-update-"));
  let keepWork = false;
  try {
    const candidatePath = join(work, "candidate-lint", "openapi.yaml");
    /** @type {Promise<{ ok: boolean, output: string }> | undefined} */
    let lint;
    if (wireChanges.length > 0) {
      const overlays = join(root, PATHS.overlays);
      // Lint runs beside the bundles; its verdict is read only after the report is printed.
      await mkdir(join(work, "candidate-lint"), { recursive: true });
      await writeFile(candidatePath, applied.text);
      lint = lintWithOurRules(candidatePath, join(root, PATHS.lintConfig));
      const [base, candidate] = await Promise.all([
        bundleForDiff(ourText, { work, name: "current", overlays }),
        bundleForDiff(applied.text, { work, name: "candidate", overlays }),
      ]);
      Object.assign(report, await classify(base, candidate));
    }
    if (reworded.length > 0) {
      report.changes.push(...reworded);
      report.bump = maxBump(report.bump, "patch");
    }
    // The report comes first, whatever happens next: the maintainer needs it to fix the spec.
    log(formatReport(report));
    const linted = await lint;
    if (report.bump === "none") {
      if (!dryRun && !sameFingerprint(previousFingerprint, fingerprint)) {
        const snapshot = await snapshotTree(root, [PATHS.prose], { outputs: false });
        try {
          await writeFingerprint(join(root, PATHS.prose), fingerprint);
          await formatWithBiome(root, [join(root, PATHS.prose)]);
        } catch (error) {
          await snapshot.restore();
          throw error;
        } finally {
          await snapshot.discard();
        }
        log(`\nNothing to apply. Recorded the prose fingerprint of this document in ${PATHS.prose}: commit it.`);
      } else log("\nNothing to apply.");
      return { report, applied: false };
    }
    if (linted && !linted.ok) {
      keepWork = true;
      throw Object.assign(
        new SpecUpdateError(
          `the updated spec fails lint, so nothing was written. Redocly says:\n${linted.output}\n\nThe candidate is kept at ${candidatePath}; fix spec/openapi.yaml (or spec/upstream-differences.yaml) and run again.`,
          { step: "lint" },
        ),
        { report, candidate: candidatePath },
      );
    }
    if (dryRun) {
      log("\nDry run: nothing written.");
      return { report, applied: false };
    }
    if (
      !yes &&
      !(await options.confirm?.(
        `Apply to ${PATHS.spec}, write a ${report.bump} changeset, then build and test? [y/N] `,
      ))
    ) {
      log("Not applied.");
      return { report, applied: false };
    }
    return {
      report,
      applied: true,
      changeset: await apply({
        root,
        run,
        log,
        now,
        report,
        text: applied.text,
        fingerprint,
        steps: options.steps ?? buildSteps(config.specPackage),
        publicPackages: config.publicPackages,
      }),
    };
  } finally {
    if (!keepWork) await rm(work, { recursive: true, force: true });
  }
}

/**
 * Writes the spec, the changeset and the pending report, then builds and tests; on any failure
 * puts everything back as it was (build outputs included) and rethrows.
 *
 * @param {{ root: string, run: import("@sdkit/cli-kit").Runner, log: (text: string) => void, now: Date, report: import("./report.js").UpdateReport, text: string, fingerprint: Record<string, string>, steps: Array<[string, string[]]>, publicPackages: string[] }} input
 */
async function apply({ root, run, log, now, report, text, fingerprint, steps, publicPackages }) {
  const bump = /** @type {import("./levels.js").Level} */ (report.bump);
  const stamp = now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const name = `spec-update-${stamp}`;
  const snapshot = await snapshotTree(root, [
    PATHS.spec,
    PATHS.prose,
    PATHS.changesets,
    "spec/api-changes",
    PATHS.apiReports,
  ]);
  const reportsBefore = await readApiReports(join(root, PATHS.apiReports));
  /** @type {string[]} */
  let surface = [];
  try {
    await writeFile(join(root, PATHS.spec), text);
    const summary = `API update from the upstream document (${/^https?:/.test(report.source) ? report.source : basename(report.source)}): ${report.changes.length} change(s), ${bump}.`;
    await writeFile(
      join(root, PATHS.changesets, `${name}.md`),
      changesetText(bump, summary, report.changes, publicPackages),
    );
    await mkdir(join(root, PATHS.pending), { recursive: true });
    const pending = {
      changeset: name,
      source: report.source,
      date: now.toISOString().slice(0, 10),
      bump,
      changes: contractChanges(report.changes),
      agreements: report.agreements,
      placeholders: report.placeholders,
    };
    const pendingFile = join(root, PATHS.pending, `${name}.json`);
    await writeFile(pendingFile, `${JSON.stringify(pending, null, 2)}\n`);
    await writeFingerprint(join(root, PATHS.prose), fingerprint);
    await formatWithBiome(root, [pendingFile, join(root, PATHS.prose)]);
    for (const [command, args] of steps) {
      log(`\n$ ${command} ${args.join(" ")}`);
      const result = await run(command, args, { cwd: root });
      if (result.code === 0 && taskOf(args) === "api:report") {
        surface = apiReportChanges(reportsBefore, await readApiReports(join(root, PATHS.apiReports)));
        log(
          surface.length
            ? `\nPublic API of the SDK packages (${PATHS.apiReports}):\n${surface.join("\n")}`
            : "\nPublic API of the SDK packages: unchanged.",
        );
      }
      if (result.code !== 0) {
        throw new SpecUpdateError(
          `\`${command} ${args.join(" ")}\` failed (exit ${result.code}); the spec, changesets and build outputs were put back as they were`,
          { step: taskOf(args) },
        );
      }
    }
  } catch (error) {
    await snapshot.restore();
    throw error;
  } finally {
    await snapshot.discard();
  }
  log(
    [
      "",
      `Applied: ${PATHS.spec} updated, .changeset/${name}.md (${bump}) and ${PATHS.pending}/${name}.json written${surface.length ? `, ${PATHS.apiReports} regenerated` : ""}; build and tests passed.`,
      report.placeholders.length
        ? `Rewrite the ${report.placeholders.length} placeholder(s) listed above, then commit.`
        : "Review and commit.",
    ].join("\n"),
  );
  return name;
}
