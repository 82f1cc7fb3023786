#!/usr/bin/env node
// @ts-check
// `pnpm docs:preview [-- --port 9000]`: builds the docs site (turbo), then serves it.
import { join } from "node:path";
import { REPO_ROOT } from "../src/repo.js";
import { serveAfterBuild } from "../src/serve-after-build.js";

await serveAfterBuild({
  turboArgs: ["build", "--filter=@hatch-api/docs"],
  cli: join(REPO_ROOT, "tools/docs-builder/src/cli.js"),
  cliArgs: ["preview", "--dir", join(REPO_ROOT, "packages/docs/dist")],
});
