// @ts-check
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { compareWithBudgets, readBudgets } from "../src/budgets.js";
import { metric } from "../src/metric.js";
import { suites } from "../src/suites/index.js";

const fabricated = [
  metric({ id: "scale.bundle.ratio", label: "bundle", unit: "x", samples: [1.1, 1.3, 1.15] }),
  metric({ id: "scale.types.ratio", label: "types", unit: "x", samples: [1.25, 1.3, 1.21] }),
  metric({ id: "prism.rps", label: "prism", unit: "req/s", samples: [90, 120, 110] }),
  metric({ id: "pipeline.warm.misses", label: "misses", unit: "tasks", samples: [0, 0, 4] }),
];

describe("compareWithBudgets", () => {
  it("judges the median against max and min budgets, bounds included", () => {
    const verdicts = compareWithBudgets(fabricated, {
      "scale.bundle.ratio": { max: 1.15 },
      "scale.types.ratio": { max: 1.2 },
      "prism.rps": { min: 110 },
      "pipeline.warm.misses": { max: 0 },
    });
    expect(verdicts.map((v) => [v.id, v.value, v.status])).toEqual([
      ["scale.bundle.ratio", 1.15, "pass"],
      ["scale.types.ratio", 1.25, "fail"],
      ["prism.rps", 110, "pass"],
      ["pipeline.warm.misses", 0, "pass"],
    ]);
    expect(verdicts[0]?.budget).toBe("≤ 1.15");
    expect(verdicts[2]?.budget).toBe("≥ 110");
  });

  it("reports a budget whose metric was not measured as missing, never as passed", () => {
    const [verdict] = compareWithBudgets(fabricated, { "client.loopback.upsert.ratio": { max: 1.1 } });
    expect(verdict).toMatchObject({ status: "missing", value: undefined });
  });

  it("needs both bounds to hold when a budget has two", () => {
    const [verdict] = compareWithBudgets(fabricated, { "prism.rps": { min: 100, max: 105 } });
    expect(verdict?.status).toBe("fail");
  });

  it("refuses a budget with no bound", () => {
    expect(() => compareWithBudgets(fabricated, { "prism.rps": {} })).toThrow(/neither max nor min/);
  });
});

describe("readBudgets", () => {
  it("skips $comment keys and rejects a non-numeric bound", () => {
    expect(readBudgets({ $comment: "x", "a.b": { max: 1 } })).toEqual({ "a.b": { max: 1 } });
    expect(() => readBudgets({ "a.b": { max: "1.2" } })).toThrow(/a\.b\.max must be a number/);
  });

  it("reads the repo's budgets.json", async () => {
    const raw = JSON.parse(await readFile(new URL("../budgets.json", import.meta.url), "utf8"));
    const budgets = readBudgets(raw);
    for (const [id, budget] of Object.entries(budgets)) {
      // Every budget names a metric of a suite `pnpm bench` runs (metric ids start with its name),
      // or of `pnpm corpus` (tools/corpus), whose results bench:check reads beside them.
      expect([...Object.keys(suites), "corpus"]).toContain(id.split(".")[0]);
      expect(budget.max !== undefined || budget.min !== undefined).toBe(true);
    }
  });
});
