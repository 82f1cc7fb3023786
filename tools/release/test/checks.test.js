// @ts-check
import { describe, expect, it } from "vitest";
import { RELEASE_CHECKS, runReleaseChecks } from "../src/checks.js";
import { fakeRunner } from "./fake-runner.js";

describe("runReleaseChecks", () => {
  it("runs build, lint and test through turbo, in that order", async () => {
    const fake = fakeRunner();
    await runReleaseChecks({ run: fake.run, cwd: "/repo" });
    expect(RELEASE_CHECKS).toEqual(["build", "lint", "test"]);
    expect(fake.lines()).toEqual(["pnpm exec turbo run build", "pnpm exec turbo run lint", "pnpm exec turbo run test"]);
  });

  it.each(RELEASE_CHECKS)("stops at a failing %s and names it", async (task) => {
    const fake = fakeRunner({ [`pnpm exec turbo run ${task}`]: { code: 1 } });
    const error = await runReleaseChecks({ run: fake.run, cwd: "/repo" }).catch((e) => e);
    expect(error.message).toBe(`Release stopped: \`turbo run ${task}\` failed (exit 1). Nothing was published.`);
    expect(error.step).toBe(`turbo run ${task}`);
    // Nothing after the failing check runs.
    expect(fake.lines().at(-1)).toBe(`pnpm exec turbo run ${task}`);
    expect(fake.lines()).toHaveLength(RELEASE_CHECKS.indexOf(task) + 1);
  });
});
