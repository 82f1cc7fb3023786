#!/usr/bin/env node
// @ts-check
import { parseArgs } from "node:util";
import { onStopRequest, runCli, UsageError } from "@sdkit/cli-kit";
import { MockError } from "./errors.js";
import { prismVersion } from "./prism-command.js";
import { startMock } from "./start-mock.js";

const usage = `Usage: mock [options]

Serves the bundled Hatch spec with Prism ${prismVersion}.

Options:
  --spec <path>    OpenAPI document to serve (default: @hatch-api/spec/openapi.json, i.e. spec/dist/openapi.json)
  --host <host>    interface to listen on (default: 127.0.0.1)
  --port <port>    port to listen on; 0 picks a free one (default: 4010)
  --dynamic        generate responses from the schemas instead of the spec's examples
  --errors         answer request violations with errors (Prism --errors)
  --quiet          do not print Prism's request log
  -h, --help       show this help`;

async function main() {
  const { values } = parseArgs({
    options: {
      spec: { type: "string" },
      host: { type: "string", default: "127.0.0.1" },
      port: { type: "string", default: "4010" },
      dynamic: { type: "boolean", default: false },
      errors: { type: "boolean", default: false },
      quiet: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) return console.log(usage);
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65_535)
    throw new UsageError(`--port must be 0..65535, got "${values.port}"`);

  const mock = await startMock({
    specPath: values.spec,
    host: values.host,
    port,
    dynamic: values.dynamic,
    errors: values.errors,
    log: false,
    onOutput: values.quiet ? undefined : (line) => console.log(line),
  });
  console.log(`Hatch API mock (Prism ${prismVersion}) listening on ${mock.url} — started in ${mock.startupMs} ms`);
  console.log(
    `Try: curl -X POST ${mock.url}/v1/contacts -H "Authorization: Bearer test" -H "Content-Type: application/json" -d '{"source":"custom:web"}'`,
  );
  console.log("Press Ctrl-C to stop.");

  let stopping = false;
  // Ctrl-C, `kill <pid>`, a closed terminal, or the pnpm that started us killed: stop Prism first,
  // so its port is free when we are gone.
  onStopRequest(async (reason) => {
    stopping = true;
    await mock.stop();
    console.log(`mock stopped (${reason})`);
  });

  const { code, signal } = await mock.exited;
  if (!stopping) throw new MockError(`Prism exited unexpectedly (${signal ?? `code ${code}`})\n${mock.log()}`);
}

await runCli(main, { name: "mock", usage });
