import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const packageDir = fileURLToPath(new URL("..", import.meta.url));

// The package serves any API: nothing it publishes may name the one this repository was built for.
// The list of files is npm's own (`npm pack --dry-run`), so it is exactly what a user installs.
// npm takes a few seconds to start on a busy machine.
it("names no particular API in any published file", { timeout: 60_000 }, () => {
  const [pack] = JSON.parse(
    execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: packageDir, encoding: "utf8" }),
  ) as [{ files: { path: string }[] }];
  const files = pack.files.map((file) => file.path);
  expect(files).toEqual(expect.arrayContaining(["README.md", "LICENSE", "dist/index.js", "dist/index.d.ts"]));
  const hits = files.flatMap((file) =>
    readFileSync(join(packageDir, file), "utf8")
      .split("\n")
      .flatMap((line, index) =>
        /hatch|contact|usehatchapp/i.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : [],
      ),
  );
  expect(hits).toEqual([]);
});
