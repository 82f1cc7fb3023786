// @ts-check
import { describe, expect, it } from "vitest";
import { readCorpusArgs, UsageError } from "../src/args.js";

const context = { root: "/repo", cores: 2, cwd: "/here" };

describe("the corpus command line", () => {
  it("defaults to the full run of the 40-document sample, seed 21, one at a time, 30 min a stage", () => {
    expect(readCorpusArgs([], context)).toEqual({
      size: 40,
      seed: 21,
      only: undefined,
      generateOnly: false,
      all: false,
      parallel: 1,
      timeoutMs: 30 * 60_000,
      out: "/repo/bench/results",
      work: undefined,
      toolchain: "/repo",
      toolchainArg: undefined,
      help: false,
    });
  });

  it("gives generate-only its own shorter timeout, and takes repeated --only names", () => {
    const options = readCorpusArgs(["--generate-only", "--only", "a.com", "--only", "b.com/x"], context);
    expect(options.timeoutMs).toBe(5 * 60_000);
    expect(options.only).toEqual(["a.com", "b.com/x"]);
    expect(readCorpusArgs(["--timeout", "1.5"], context).timeoutMs).toBe(90_000);
  });

  it("resolves --toolchain, --out and --work against the working directory, and keeps --toolchain as given", () => {
    const options = readCorpusArgs(["--toolchain", "../baseline", "--out", "res", "--work", "/tmp/w"], context);
    expect(options.toolchain).toBe("/baseline");
    expect(options.toolchainArg).toBe("../baseline");
    expect(options.out).toBe("/here/res");
    expect(options.work).toBe("/tmp/w");
  });

  it("caps --parallel at the machine's cores", () => {
    expect(readCorpusArgs(["--parallel", "8"], context).parallel).toBe(2);
    expect(readCorpusArgs(["--parallel", "8"], { ...context, cores: 0 }).parallel).toBe(1);
  });

  it.each([
    [["--sample", "x"], /--sample takes a whole number of at least 1, got "x"/],
    [["--sample", "0"], /--sample takes a whole number of at least 1/],
    [["--parallel", "1.5"], /--parallel takes a whole number/],
    [["--seed", ""], /--seed takes a whole number, got ""/],
    [["--timeout=-3"], /--timeout takes minutes, got "-3"/],
    [["--all"], /--all goes with --generate-only/],
    [["--bogus"], /Unknown option '--bogus'/],
  ])("refuses %j with a usage error that says which option", (argv, message) => {
    expect(() => readCorpusArgs(argv, context)).toThrow(UsageError);
    expect(() => readCorpusArgs(argv, context)).toThrow(message);
  });
});
