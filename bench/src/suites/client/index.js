// @ts-check
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { metric } from "../../metric.js";
import { pairedRatios } from "../../stats.js";

const run = promisify(execFile);
const OVERHEAD = fileURLToPath(new URL("./overhead.js", import.meta.url));
const SIZE = fileURLToPath(new URL("./size.js", import.meta.url));
const PAGINATION = fileURLToPath(new URL("./pagination.js", import.meta.url));
const BASELINE = "openapi-fetch (bare)";

/** Metric id fragments of the overhead cases. */
const CASE_IDS = /** @type {Record<string, string>} */ ({
  "plain fetch": "plainFetch",
  "openapi-fetch (bare)": "openapiFetch",
  "hatch.POST": "post",
  "hatch.contacts.upsert": "upsert",
});

/**
 * The built client's per-call cost and bundle size. Each script runs in its own Node process, so
 * the JIT and heap state of the rest of the benchmark does not leak into the figures.
 *
 * @param {{ runs: number, log: (line: string) => void }} options
 * @returns {Promise<Array<import("../../metric.js").Metric>>}
 */
export async function clientSuite({ runs, log }) {
  /** @type {Array<import("../../metric.js").Metric>} */
  const metrics = [];
  // Each subject's blocks are paired with blocks of bare openapi-fetch run right before or after
  // them (overhead.js): the ratio metric is the median of those per-pair ratios.
  const overhead = JSON.parse(
    (
      await run(process.execPath, [OVERHEAD, "--json", "--pairs", String(Math.max(runs * 70, 200))], {
        maxBuffer: 2 ** 24,
      })
    ).stdout,
  );
  for (const [mode, label] of /** @type {const} */ ([
    ["inProcess", "in-process (stub fetch)"],
    ["loopback", "loopback (node:http on 127.0.0.1)"],
    ["loopbackInjected", "loopback, a fetch wrapper injected"],
  ])) {
    /** @type {Record<string, { us: number[], baselineUs: number[] }>} */
    const pairs = overhead[mode];
    const baselineId = CASE_IDS[BASELINE] ?? BASELINE;
    metrics.push(
      metric({
        id: `client.${mode}.${baselineId}Us`,
        label: `${BASELINE}, ${label}`,
        unit: "µs",
        samples: Object.values(pairs).flatMap((pair) => pair.baselineUs),
      }),
    );
    for (const [name, { us, baselineUs }] of Object.entries(pairs)) {
      const id = CASE_IDS[name] ?? name;
      metrics.push(
        metric({ id: `client.${mode}.${id}Us`, label: `${name}, ${label}`, unit: "µs", samples: us }),
        metric({
          id: `client.${mode}.${id}.ratio`,
          label: `${name} / bare openapi-fetch, ${label}`,
          unit: "x",
          samples: pairedRatios(us, baselineUs),
          note: `load average ${overhead.load.before.map((/** @type {number} */ n) => n.toFixed(1)).join(" / ")} at the start`,
        }),
      );
    }
  }
  log("client per-call cost measured");

  /** @type {Record<string, number[]> & { pageRatios: number[], load: { before: number[] } }} */
  const pages = JSON.parse(
    (
      await run(process.execPath, [PAGINATION, "--json", "--runs", String(Math.max(runs, 3))], {
        maxBuffer: 2 ** 24,
      })
    ).stdout,
  );
  const loop = pages["openapi-fetch loop"] ?? [];
  const iterated = pages["for await (auto-pagination)"] ?? [];
  metrics.push(
    metric({
      id: "client.pagination.openapiFetchMs",
      label: "10,000 items over pages of 100, openapi-fetch loop, loopback",
      unit: "ms",
      samples: loop,
    }),
    metric({
      id: "client.pagination.forAwaitMs",
      label: "10,000 items over pages of 100, for await over a list method, loopback",
      unit: "ms",
      samples: iterated,
    }),
    // The budgeted figure: pages of the two sides run back to back in lockstep (pagination.js).
    metric({
      id: "client.pagination.ratio",
      label: "for await over 10,000 items / a hand-written openapi-fetch loop, loopback, per page paired",
      unit: "x",
      samples: pages.pageRatios,
      note: `load average ${pages.load.before.map((n) => n.toFixed(1)).join(" / ")} at the start`,
    }),
    metric({
      id: "client.pagination.runRatio",
      label: "the same, whole runs (each side's pages summed), paired per run",
      unit: "x",
      samples: pairedRatios(iterated, loop),
    }),
  );
  log("client pagination measured");

  /** @type {Record<string, { label: string, min: number, gzip: number }>} */
  const sizes = JSON.parse((await run(process.execPath, [SIZE, "--json"], { maxBuffer: 2 ** 24 })).stdout);
  for (const [id, size] of Object.entries(sizes)) {
    metrics.push(
      metric({
        id: `client.size.${id}.minGzipKb`,
        label: `${size.label}, min+gzip`,
        unit: "kB",
        samples: [size.gzip / 1024],
      }),
      metric({ id: `client.size.${id}.minKb`, label: `${size.label}, min`, unit: "kB", samples: [size.min / 1024] }),
    );
  }
  log("client size measured");
  return metrics;
}
