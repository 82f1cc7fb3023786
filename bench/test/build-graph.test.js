// @ts-check
import { describe, expect, it } from "vitest";
import { runnableTasksInOrder, tasksAffectedBy } from "../src/suites/pipeline/build-graph.js";

// The shape of `turbo run build --dry=json`, trimmed to what the pipeline suite reads.
const dry = JSON.stringify({
  tasks: [
    { taskId: "client#build", command: "tsdown", directory: "packages/client", dependencies: ["types#build"] },
    {
      taskId: "types#build",
      command: "tsdown",
      directory: "packages/types",
      dependencies: ["types#generate", "spec#build"],
    },
    { taskId: "spec#build", command: "<NONEXISTENT>", directory: "spec", dependencies: ["spec#bundle"] },
    {
      taskId: "types#generate",
      command: "node scripts/generate.js",
      directory: "packages/types",
      dependencies: ["spec#bundle"],
    },
    { taskId: "spec#bundle", command: "openapi-bundle bundle", directory: "spec", dependencies: ["spec#lint"] },
    { taskId: "spec#lint", command: "openapi-bundle lint", directory: "spec", dependencies: [] },
    { taskId: "mock#build", command: "tsc", directory: "tools/mock", dependencies: [] },
  ],
});

describe("runnableTasksInOrder", () => {
  it("orders tasks after their dependencies and leaves out placeholders", () => {
    const ids = runnableTasksInOrder(`turbo prints this line first\n${dry}`).map((t) => t.taskId);
    expect(ids).not.toContain("spec#build");
    expect([...ids].sort()).toEqual(
      ["client#build", "mock#build", "spec#bundle", "spec#lint", "types#build", "types#generate"].sort(),
    );
    const runsBefore = (/** @type {string} */ a, /** @type {string} */ b) => ids.indexOf(a) < ids.indexOf(b);
    expect(runsBefore("spec#lint", "spec#bundle")).toBe(true);
    expect(runsBefore("spec#bundle", "types#generate")).toBe(true);
    expect(runsBefore("types#generate", "types#build")).toBe(true);
    expect(runsBefore("types#build", "client#build")).toBe(true);
  });

  it("refuses a cycle", () => {
    const cyclic = JSON.stringify({
      tasks: [
        { taskId: "a#x", command: "x", directory: "a", dependencies: ["b#x"] },
        { taskId: "b#x", command: "x", directory: "b", dependencies: ["a#x"] },
      ],
    });
    expect(() => runnableTasksInOrder(cyclic)).toThrow(/cycle/);
  });
});

describe("tasksAffectedBy", () => {
  it("follows dependencies through placeholder tasks", () => {
    const affected = tasksAffectedBy(runnableTasksInOrder(dry), dry, "spec");
    expect([...affected].sort()).toEqual(["client#build", "spec#bundle", "spec#lint", "types#build", "types#generate"]);
  });
});
