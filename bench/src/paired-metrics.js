// @ts-check
import { metric } from "./metric.js";
import { pairedRatios } from "./stats.js";

/**
 * What one side of a paired measurement collected over the rounds: wall times and, where GNU time
 * is installed, peak memory.
 *
 * @typedef {{ ms: number[], mb: number[] }} SideSamples
 */

/** @returns {SideSamples} */
export function sideSamples() {
  return { ms: [], mb: [] };
}

/**
 * Adds one run to a side.
 *
 * @param {SideSamples} side
 * @param {import("./run-command.js").CommandRun} run
 */
export function record(side, run) {
  side.ms.push(run.ms);
  if (run.peakRssMb !== undefined) side.mb.push(run.peakRssMb);
}

/**
 * The metrics of a stage measured as ours against a raw baseline: the paired ratio, each side's
 * time and each side's peak memory. Without a baseline (`raw` undefined or empty), ours alone.
 *
 * @param {{ prefix: string, label: string, note?: string, ours: SideSamples, raw?: SideSamples }} stage
 * @returns {Array<import("./metric.js").Metric>}
 */
export function pairedMetrics({ prefix, label, note, ours, raw }) {
  const withRaw = raw !== undefined && raw.ms.length > 0;
  const metrics = [];
  if (withRaw)
    metrics.push(
      metric({
        id: `${prefix}.ratio`,
        label: `${label}: ours / raw`,
        unit: "x",
        samples: pairedRatios(ours.ms, raw.ms),
        note,
      }),
    );
  metrics.push(metric({ id: `${prefix}.oursMs`, label: `${label}: ours`, unit: "ms", samples: ours.ms }));
  if (withRaw) metrics.push(metric({ id: `${prefix}.rawMs`, label: `${label}: raw`, unit: "ms", samples: raw.ms }));
  if (ours.mb.length > 0)
    metrics.push(
      metric({ id: `${prefix}.oursPeakMb`, label: `${label}: ours peak memory`, unit: "MB", samples: ours.mb }),
    );
  if (withRaw && raw.mb.length > 0)
    metrics.push(
      metric({ id: `${prefix}.rawPeakMb`, label: `${label}: raw peak memory`, unit: "MB", samples: raw.mb }),
    );
  return metrics;
}
