import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

it("imports @hatch-api/client from its built dist, as a user would, not from its sources", async () => {
  // Ask Node itself how the package name resolves from this package (the ESM `import` condition).
  const resolved = execFileSync(
    process.execPath,
    ["--input-type=module", "-e", "console.log(import.meta.resolve('@hatch-api/client'))"],
    { cwd: fileURLToPath(new URL("../..", import.meta.url)), encoding: "utf8" },
  ).trim();
  expect(fileURLToPath(resolved)).toMatch(/packages[\\/]client[\\/]dist[\\/]index\.js$/);
  const client = await import("@hatch-api/client");
  expect(typeof client.createHatchClient).toBe("function");
});
