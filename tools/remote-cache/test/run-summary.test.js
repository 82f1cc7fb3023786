// @ts-check
import { describe, expect, it } from "vitest";
import { parseRunSummary } from "../src/turbo-run.js";

describe("parseRunSummary", () => {
  it("reports each task's cache status and source, leaving out tasks without a script", () => {
    const summary = {
      tasks: [
        { taskId: "b#build", hash: "h2", command: "tsdown", cache: { status: "HIT", source: "REMOTE" } },
        { taskId: "a#build", hash: "h1", command: "tsdown", cache: { status: "MISS" } },
        { taskId: "c#build", hash: "h3", command: "<NONEXISTENT>", cache: { status: "MISS" } },
        { taskId: "d#build", hash: "h4", command: "tsc", cache: { status: "HIT", source: "LOCAL" } },
      ],
    };
    expect(parseRunSummary(JSON.stringify(summary))).toEqual([
      { taskId: "a#build", hash: "h1", status: "MISS", source: undefined },
      { taskId: "b#build", hash: "h2", status: "HIT", source: "REMOTE" },
      { taskId: "d#build", hash: "h4", status: "HIT", source: "LOCAL" },
    ]);
  });

  it("rejects a file that is not a run summary", () => {
    expect(() => parseRunSummary("{}")).toThrow(/not a turbo run summary/);
  });
});
