#!/usr/bin/env node
// @ts-check
// `pnpm mock [-- --port 4011 ...]`: bundles the spec (turbo), then serves it with Prism.
import { join } from "node:path";
import { REPO_ROOT } from "../src/repo.js";
import { serveAfterBuild } from "../src/serve-after-build.js";

await serveAfterBuild({
  turboArgs: ["bundle", "--filter=@hatch-api/spec"],
  cli: join(REPO_ROOT, "tools/mock/src/cli.js"),
});
