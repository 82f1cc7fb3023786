// @ts-check
import { expect, it } from "vitest";
import { deathReason } from "../src/start-mock.js";

it("says how Prism exited and the last line it wrote, on one line", () => {
  const log =
    "Prism is listening on http://127.0.0.1:4010\n[HTTP SERVER] post /v1/x ℹ  info Request received\n\nTypeError: Cannot read properties of null (reading 'split')\n   \n";
  expect(deathReason({ code: 1, signal: null }, log)).toBe(
    `the mock's Prism exited on its own (code 1) while serving; requests are answered 502 from now on; its last output: "TypeError: Cannot read properties of null (reading 'split')"`,
  );
});

it("names the signal, says nothing of an empty log, and caps a long last line", () => {
  expect(deathReason({ code: null, signal: "SIGKILL" }, "")).toBe(
    "the mock's Prism exited on its own (signal SIGKILL) while serving; requests are answered 502 from now on",
  );
  const reason = deathReason({ code: 134, signal: null }, `x${"y".repeat(5_000)}\n`);
  expect(reason).toContain("(code 134)");
  expect(reason.length).toBeLessThan(450);
  expect(reason).toContain("…");
  expect(reason.split("\n")).toHaveLength(1);
});
