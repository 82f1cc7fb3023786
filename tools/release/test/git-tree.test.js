// @ts-check
import { describe, expect, it } from "vitest";
import { ReleaseError } from "../src/errors.js";
import { assertCleanTree } from "../src/git-tree.js";
import { fakeRunner } from "./fake-runner.js";

describe("assertCleanTree", () => {
  it("passes when git reports no changes", async () => {
    const fake = fakeRunner({ "git status --porcelain": { output: "" } });
    await expect(assertCleanTree({ run: fake.run, cwd: "/repo" })).resolves.toBeUndefined();
    expect(fake.calls[0]?.options).toMatchObject({ cwd: "/repo", capture: true });
  });

  it("refuses a dirty tree and lists what is dirty", async () => {
    const fake = fakeRunner({
      "git status --porcelain": { output: " M packages/client/package.json\n?? notes.txt\n" },
    });
    const refusal = assertCleanTree({ run: fake.run, cwd: "/repo" });
    await expect(refusal).rejects.toBeInstanceOf(ReleaseError);
    await expect(refusal).rejects.toThrow(/dirty work tree \(2 uncommitted change\(s\)\)/);
    await expect(refusal).rejects.toThrow(/M packages\/client\/package.json[\s\S]*\?\? notes.txt/);
    await expect(refusal).rejects.toMatchObject({ step: "clean tree" });
  });

  it("caps the list of changes it prints", async () => {
    const stdout = Array.from({ length: 25 }, (_, i) => `?? file-${i}.txt`).join("\n");
    const fake = fakeRunner({ "git status --porcelain": { output: stdout } });
    const error = await assertCleanTree({ run: fake.run, cwd: "/repo" }).catch((e) => e);
    expect(error.message).toContain("file-9.txt");
    expect(error.message).not.toContain("file-10.txt");
    expect(error.message).toContain("and 15 more");
  });

  it("refuses when git itself fails (e.g. not a repository)", async () => {
    const fake = fakeRunner({ "git status --porcelain": { code: 128 } });
    await expect(assertCleanTree({ run: fake.run, cwd: "/nowhere" })).rejects.toThrow(
      /git status --porcelain` failed \(exit 128\) in \/nowhere/,
    );
  });
});
