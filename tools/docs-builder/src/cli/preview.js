#!/usr/bin/env node
// @ts-check
// Serves the built site: `node src/cli/preview.js [--port 8080] [--host 127.0.0.1] [--dir dist]`.
// The port can also come from PORT (`PORT=9000 pnpm docs:preview`).
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { onStopRequest, reportCliError, runCli, UsageError } from "@sdkit/cli-kit";
import { PACKAGE_DIR } from "../build-site.js";
import { DocsBuildError } from "../errors.js";
import { startStaticServer } from "../static-server.js";

const usage = "usage: preview [--port 8080] [--host 127.0.0.1] [--dir dist]";

async function main() {
  const { values } = parseArgs({
    options: { port: { type: "string" }, host: { type: "string" }, dir: { type: "string" } },
    strict: true,
  });
  const portText = values.port ?? process.env.PORT ?? "8080";
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port must be a port number (0-65535), got "${portText}"`);
  }
  const root = resolve(values.dir ?? join(PACKAGE_DIR, "dist"));
  if (!existsSync(join(root, "index.html"))) {
    throw new DocsBuildError(
      `${root} has no index.html: build the site first (pnpm turbo run build --filter=@hatch-api/docs)`,
    );
  }
  const server = await startStaticServer({ root, host: values.host ?? "127.0.0.1", port });
  console.log(`Hatch API docs: ${server.url}/ (reference: ${server.url}/reference.html). Ctrl+C stops.`);
  // Ctrl-C, `kill <pid>`, a closed terminal, or the pnpm that started us killed: close the port.
  onStopRequest(() => {
    server.close().then(
      () => process.exit(0),
      (error) => process.exit(reportCliError(error, { name: "preview" })),
    );
  });
}

await runCli(main, { name: "preview", usage });
