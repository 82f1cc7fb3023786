#!/usr/bin/env node
// @ts-check
// sdkit-scaffold (pnpm scaffold here) --spec <file|url> --out <dir> [--scope @acme] [--name acme] [--no-lockfile]
import { parseArgs } from "node:util";
import { reportCliError, UsageError } from "@sdkit/cli-kit";
import { scaffold } from "../src/scaffold.js";

const USAGE = `usage: sdkit-scaffold --spec <file|url> --out <dir> [--scope @acme] [--name acme] [--no-lockfile]
  --spec      an OpenAPI 3.0 or 3.1 document (JSON or YAML), a file or an http(s) URL
  --out       the new repository's folder (absent or empty)
  --scope     npm scope of the packages (default: @<name>)
  --name      the API's short name, lowercase with dashes (default: from info.title)
  --no-lockfile  do not run \`pnpm install --lockfile-only\` (no pnpm-lock.yaml then)`;

try {
  const { values } = parseArgs({
    options: {
      spec: { type: "string" },
      out: { type: "string" },
      scope: { type: "string" },
      name: { type: "string" },
      "no-lockfile": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(USAGE);
  } else {
    if (!values.spec || !values.out) throw new UsageError("--spec and --out are required");
    await scaffold({
      spec: values.spec,
      out: values.out,
      scope: values.scope,
      name: values.name,
      lockfile: !values["no-lockfile"],
    });
  }
} catch (error) {
  process.exitCode = reportCliError(error, { name: "scaffold", usage: USAGE });
}
