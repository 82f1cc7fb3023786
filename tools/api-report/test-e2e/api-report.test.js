// @ts-check
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { apiReport, driftMessage, publicPackages, REPORTS_DIR, UPDATE_COMMAND } from "../src/api-report.js";

const packages = await publicPackages();
const scratch = mkdtempSync(join(tmpdir(), "hatch-api-report-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("the committed API reports", () => {
  it("cover every published package and no private one", () => {
    const names = packages.map(({ name }) => name);
    expect(names).toEqual(expect.arrayContaining(["@hatch-api/client", "@hatch-api/types"]));
    expect(names).not.toContain("@hatch-api/docs");
  });

  it.each(packages.map((pkg) => [pkg.name, pkg]))("match the built surface of %s", async (_name, pkg) => {
    const result = await apiReport(pkg);
    expect(result.problems).toEqual([]);
    expect(result.changed, driftMessage(result)).toBe(false);
  });

  it("record openapi-fetch's Client as part of the client's surface", () => {
    expect(readFileSync(join(REPORTS_DIR, "client.api.md"), "utf8")).toContain(
      "import { Client } from 'openapi-fetch';",
    );
  });
});

describe("a change to the public surface", () => {
  // A copy of the client's package with one more export in its built declarations; its imports
  // resolve through the real package's node_modules.
  const client = /** @type {import("../src/api-report.js").PublicPackage} */ (
    packages.find(({ name }) => name === "@hatch-api/client")
  );
  const copy = join(scratch, "client");
  mkdirSync(join(copy, "dist"), { recursive: true });
  cpSync(join(client.dir, "package.json"), join(copy, "package.json"));
  symlinkSync(join(client.dir, "node_modules"), join(copy, "node_modules"), "dir");
  const declarations = readFileSync(client.entry, "utf8");
  writeFileSync(
    join(copy, "dist", "index.d.ts"),
    `${declarations}\nexport declare function addedForTheTest(id: string): void;\n`,
  );
  const changed = { ...client, dir: copy, entry: join(copy, "dist", "index.d.ts") };
  const reports = join(scratch, "reports");
  cpSync(REPORTS_DIR, reports, { recursive: true });

  it("fails the check, naming the new declaration and the command that accepts it", async () => {
    const result = await apiReport(changed, { reportsDir: reports });
    expect(result.changed).toBe(true);
    const message = driftMessage(result);
    expect(message).toContain("The public API of @hatch-api/client changed");
    expect(message).toContain("+ export function addedForTheTest(id: string): void;");
    expect(message).toContain(`run \`${UPDATE_COMMAND}\``);
  });

  it("passes once the report is regenerated", async () => {
    await apiReport(changed, { reportsDir: reports, update: true });
    expect(readFileSync(join(reports, "client.api.md"), "utf8")).toContain("addedForTheTest");
    expect((await apiReport(changed, { reportsDir: reports })).changed).toBe(false);
  });
});
