// @ts-check
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CLI_EXIT_CODES } from "../src/cli-exit-codes.js";

describe("the CLI's exit codes as data", () => {
  it("are exactly the runtime's EXIT table (name and code), so the docs say what the tool does", () => {
    const runtime = readFileSync(new URL("../cli-runtime/exit-codes.ts", import.meta.url), "utf8");
    const table = /export const EXIT = \{([\s\S]*?)\} as const;/.exec(runtime)?.[1] ?? "";
    const pairs = [...table.matchAll(/^\s*(\w+): (\d+),/gm)].map((m) => ({ name: m[1], code: Number(m[2]) }));
    expect(pairs.length).toBeGreaterThan(0);
    expect(CLI_EXIT_CODES.map(({ name, code }) => ({ name, code }))).toEqual(pairs);
  });
});
