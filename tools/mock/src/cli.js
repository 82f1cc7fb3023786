#!/usr/bin/env node
// @ts-check
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { onStopRequest, runCli, UsageError } from "@sdkit/cli-kit";
import { exampleCurl } from "@sdkit/codegen";
import { readSpecFile } from "@sdkit/openapi";
import { MockError } from "./errors.js";
import { prismVersion } from "./prism-command.js";
import { listWebhooks, sendWebhook } from "./send-webhook.js";
import { resolveSpecPath } from "./spec-path.js";
import { startMock } from "./start-mock.js";

const usage = `Usage: sdkit-mock [options]
       sdkit-mock send-webhook <event> --to <url> --secret <whsec_…> [--spec <path>] [--data <json|@file>]
       sdkit-mock send-webhook --list [--spec <path>]

Serves a bundled OpenAPI document with Prism ${prismVersion}; send-webhook posts one of its webhook
events (its example, or --data), signed as Standard Webhooks specifies, to your own endpoint.

Options:
  --spec <path>    OpenAPI document to serve (default: spec/dist/openapi.json in this folder or the nearest one above)
  --host <host>    interface to listen on (default: 127.0.0.1)
  --port <port>    port to listen on; 0 picks a free one (default: 4010)
  --dynamic        generate responses from the schemas instead of the spec's examples
  --errors         answer request violations with errors (Prism --errors)
  --quiet          do not print Prism's request log
  --start-timeout <seconds>
                   how long to wait for Prism to listen (default: $SDKIT_MOCK_START_TIMEOUT, else
                   30 s + 30 s per MB of the document)
  -h, --help       show this help`;

async function main() {
  if (process.argv[2] === "send-webhook") return sendWebhookCommand(process.argv.slice(3));
  const { values } = parseArgs({
    options: {
      spec: { type: "string" },
      host: { type: "string", default: "127.0.0.1" },
      port: { type: "string", default: "4010" },
      dynamic: { type: "boolean", default: false },
      errors: { type: "boolean", default: false },
      quiet: { type: "boolean", default: false },
      "start-timeout": { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) return console.log(usage);
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65_535)
    throw new UsageError(`--port must be 0..65535, got "${values.port}"`);

  const startTimeout = values["start-timeout"];
  const startSeconds = startTimeout === undefined ? undefined : Number(startTimeout);
  if (startSeconds !== undefined && !(startSeconds > 0))
    throw new UsageError(`--start-timeout takes a positive number of seconds, got "${startTimeout}"`);

  const specPath = resolveSpecPath(values.spec);
  const mock = await startMock({
    specPath,
    host: values.host,
    port,
    dynamic: values.dynamic,
    errors: values.errors,
    ...(startSeconds === undefined ? {} : { timeoutMs: Math.round(startSeconds * 1000) }),
    log: false,
    onOutput: values.quiet ? undefined : (line) => console.log(line),
  });
  const { title, curl } = await describeDocument(specPath, mock.url);
  console.log(`${title} mock (Prism ${prismVersion}) listening on ${mock.url} — started in ${mock.startupMs} ms`);
  if (curl) console.log(`Try:\n${curl}`);
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
  if (!stopping) {
    // The front answers 502 on Prism's behalf until stopped: stop it, or it would keep us running.
    await mock.stop();
    throw new MockError(`Prism exited unexpectedly (${signal ?? `code ${code}`})\n${mock.log()}`);
  }
}

/**
 * `send-webhook`: exit 0 when the receiver answered 2xx, 1 otherwise (a handler that refuses a
 * correctly signed example is what the integrator wants to hear about).
 *
 * @param {string[]} args
 */
async function sendWebhookCommand(args) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      spec: { type: "string" },
      to: { type: "string" },
      secret: { type: "string" },
      data: { type: "string" },
      list: { type: "boolean", default: false },
    },
  });
  const specPath = resolveSpecPath(values.spec);
  const spec = /** @type {Record<string, any>} */ ((await readSpecFile(specPath)).document);
  if (values.list) {
    const webhooks = listWebhooks(spec, specPath);
    if (webhooks.length === 0)
      console.log("The document declares no webhooks (OpenAPI 3.1 `webhooks`, or `x-webhooks` in 3.0).");
    for (const webhook of webhooks) console.log(`${webhook.name}\t${webhook.summary ?? ""}`);
    return;
  }
  const [event, ...extra] = positionals;
  if (event === undefined || extra.length > 0)
    throw new UsageError("send-webhook takes one event name (--list shows them)");
  if (!values.to) throw new UsageError("send-webhook needs --to <url of your webhook endpoint>");
  if (!values.secret)
    throw new UsageError("send-webhook needs --secret <whsec_…>, the secret your handler verifies with");
  let data;
  if (values.data !== undefined) {
    const text = values.data.startsWith("@") ? readFileSync(values.data.slice(1), "utf8") : values.data;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new UsageError(`--data is not JSON: ${/** @type {Error} */ (error).message}`);
    }
  }
  const result = await sendWebhook({ spec, file: specPath, event, to: values.to, secret: values.secret, data });
  console.log(`${event} → ${values.to}: ${result.status}${result.body ? ` ${result.body.slice(0, 200)}` : ""}`);
  console.log(`webhook-id: ${result.sent.headers["webhook-id"]}`);
  if (result.status < 200 || result.status > 299) process.exitCode = 1;
}

/**
 * The document's title, and its first operation as a curl command against the mock (Prism
 * accepts any token). Only a hint: for a document the example builder cannot read (Prism serves
 * it anyway) the title is "API" and there is no command.
 *
 * @param {string} file
 * @param {string} url
 * @returns {Promise<{ title: string, curl?: string }>}
 */
async function describeDocument(file, url) {
  try {
    const document = /** @type {Record<string, any>} */ ((await readSpecFile(file)).document);
    const title = typeof document.info?.title === "string" && document.info.title ? document.info.title : "API";
    try {
      return { title, curl: exampleCurl(document, { baseUrl: url, apiKey: "test", file }) };
    } catch {
      return { title };
    }
  } catch {
    return { title: "API" };
  }
}

await runCli(main, { name: "sdkit-mock", usage });
