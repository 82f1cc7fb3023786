// @ts-check
import { describe, expect, it } from "vitest";
import { compareWithBudgets } from "../src/budgets.js";
import { metric } from "../src/metric.js";
import { formatValue, markdownReport } from "../src/report.js";

describe("markdownReport", () => {
  it("shows each suite's metrics with their budget verdicts and the machine", () => {
    const metrics = [
      metric({ id: "scale.bundle.ratio", label: "bundle: ours / raw", unit: "x", samples: [1.5, 1.4, 1.6] }),
      metric({ id: "scale.bundle.oursMs", label: "bundle: ours", unit: "ms", samples: [2000, 2100, 1900] }),
    ];
    const results = {
      date: "2026-11-26T12:00:00.000Z",
      durationMs: 60_000,
      machine: {
        os: "Linux 6",
        cpu: "Test CPU",
        cores: 2,
        memoryGb: 24,
        freeMemoryGbAtStart: 20,
        loadAverageAtStart: [1, 2, 3],
        node: "v20.20.0",
        pnpm: "12.4.2",
        turbo: "2.11.11",
        commit: "abc1234",
        dirty: false,
      },
      suites: ["scale"],
      metrics,
    };
    const md = markdownReport(results, compareWithBudgets(metrics, { "scale.bundle.ratio": { max: 1.2 } }));
    expect(md).toContain("Test CPU, 2 cores");
    expect(md).toContain("| bundle: ours / raw | 1.50× | 1.40× – 1.60× | 3 | ≤ 1.2 ❌ missed |");
    expect(md).toContain("| bundle: ours | 2000 ms | 1900 ms – 2100 ms | 3 |  |");
  });
});

describe("formatValue", () => {
  it("formats each unit", () => {
    expect(formatValue(1.234, "x")).toBe("1.23×");
    expect(formatValue(12_345, "ms")).toBe("12.3 s");
    expect(formatValue(0.5, "share")).toBe("50%");
    expect(formatValue(176.4, "req/s")).toBe("176 req/s");
  });
});
