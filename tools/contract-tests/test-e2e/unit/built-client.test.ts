import { execFileSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import { expect, it } from "vitest";

it("imports @hatch-api/client from its built dist, as a user would, not from its sources", async () => {
  // Ask Node itself how the package name resolves from this package (the ESM `import` condition).
  const resolved = execFileSync(
    process.execPath,
    ["--input-type=module", "-e", "console.log(import.meta.resolve('@hatch-api/client'))"],
    { cwd: fileURLToPath(new URL("../..", import.meta.url)), encoding: "utf8" },
  ).trim();
  const distEntry = fileURLToPath(resolved);
  expect(distEntry).toMatch(/packages[\\/]client[\\/]dist[\\/]index\.js$/);
  // And prove vitest loaded that same file: importing it by path gives the very same module
  // instance (functions identical), which a copy transpiled from src/ would not.
  const byName = await import("@hatch-api/client");
  const byPath = await import(pathToFileURL(distEntry).href);
  expect(byName.createHatchClient).toBe(byPath.createHatchClient);
  expect(byName.HatchApiError).toBe(byPath.HatchApiError);
});
