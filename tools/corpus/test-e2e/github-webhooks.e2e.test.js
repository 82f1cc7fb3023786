// @ts-check
// GitHub's REST description (@octokit/openapi, OpenAPI 3.0.3) declares its 270-odd webhooks under
// `x-webhooks`. Generated with the types and sdk targets, the SDK type-checks, and its
// `webhooks.unwrap` returns the document's own example events (signed here as Standard Webhooks
// specifies: GitHub itself signs with X-Hub-Signature-256, which unwrap does not read).
import { spawnSync } from "node:child_process";
import { createHmac } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { generate } from "@sdkit/codegen";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const specFile = join(dirname(require.resolve("@octokit/openapi/package.json")), "generated", "api.github.com.json");
const spec = JSON.parse(readFileSync(specFile, "utf8"));
// Inside the package (git-ignored .tmp/), so the generated SDK resolves openapi-fetch from here.
const work = fileURLToPath(new URL("../.tmp/github-webhooks/", import.meta.url));
const tsc = join(dirname(require.resolve("typescript/package.json")), "bin", "tsc");
const SECRET = `whsec_${Buffer.from("github-webhooks-e2e-signing-key!").toString("base64")}`;

/** @type {any} */
let sdk;

beforeAll(async () => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const label = "@octokit/openapi generated/api.github.com.json";
  await generate("types", { spec: specFile, out: join(work, "types"), label });
  writeFileSync(
    join(work, "types", "index.ts"),
    'export type * from "./aliases.js";\nexport type { components, operations, paths, webhooks } from "./openapi.js";\n',
  );
  await generate("sdk", {
    spec: specFile,
    out: join(work, "sdk"),
    sdkConfig: fileURLToPath(new URL("./fixtures/github.sdk.config.json", import.meta.url)),
    typesModule: "../types/index.js",
    label,
  });
  writeFileSync(join(work, "package.json"), '{ "type": "module" }\n');
  writeFileSync(
    join(work, "tsconfig.json"),
    JSON.stringify({
      extends: "../../../../tsconfig.base.json",
      compilerOptions: { noEmit: true, allowImportingTsExtensions: true, types: [] },
      include: ["sdk", "types", "consumer.ts"],
    }),
  );
  // A consumer's handler: the union narrows on GitHub's `action` constant.
  writeFileSync(
    join(work, "consumer.ts"),
    `import { createGitHubClient, WebhookVerificationError } from "./sdk/index.js";
import type { CheckRunCompletedWebhookEvent, WebhookEvent } from "./types/index.js";
const github = createGitHubClient({ apiKey: "token" });
export async function handle(body: string, headers: Record<string, string>): Promise<string> {
  try {
    const event: WebhookEvent = await github.webhooks.unwrap(body, headers, { secret: "whsec_a2V5" });
    if ("check_run" in event && event.action === "completed") {
      const completed: CheckRunCompletedWebhookEvent = event;
      return completed.check_run.conclusion ?? "none";
    }
    return "other";
  } catch (error) {
    if (error instanceof WebhookVerificationError) return error.reason;
    throw error;
  }
}
`,
  );
  sdk = await import(pathToFileURL(join(work, "sdk", "index.ts")).href);
}, 300_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

/** The document's first example of a webhook's body. @param {string} name */
function documentExample(name) {
  const media = spec["x-webhooks"][name].post.requestBody.content["application/json"];
  const first = Object.values(media.examples)[0];
  const example = /** @type {any} */ (first).$ref
    ? spec.components.examples[/** @type {any} */ (first).$ref.split("/").pop()]
    : first;
  return example.value;
}

/** @param {unknown} event */
function signed(event, timestamp = Math.floor(Date.now() / 1000)) {
  const body = JSON.stringify(event);
  const id = `msg_${timestamp}`;
  const key = Buffer.from(SECRET.slice("whsec_".length), "base64");
  const signature = createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64");
  return {
    body,
    headers: { "webhook-id": id, "webhook-timestamp": String(timestamp), "webhook-signature": `v1,${signature}` },
  };
}

describe("GitHub's x-webhooks", () => {
  it("the generated SDK (every webhook in the event union) type-checks with a consumer", () => {
    const aliases = readFileSync(join(work, "types", "aliases.ts"), "utf8");
    // The union's members (one per webhook; a name that clashes takes a number after WebhookEvent).
    const union = aliases.slice(aliases.indexOf("export type WebhookEvent ="));
    const members = union.match(/^ {2}\| \w+;?$/gm) ?? [];
    expect(members.length).toBe(Object.keys(spec["x-webhooks"]).length);
    const run = spawnSync(process.execPath, [tsc, "-p", join(work, "tsconfig.json")], { encoding: "utf8" });
    expect(run.stdout + run.stderr).toBe("");
    expect(run.status).toBe(0);
  }, 300_000);

  it.each(["check-run-completed", "ping", "secret-scanning-alert-location-created"])(
    "unwrap returns the document's example of %s",
    async (name) => {
      const event = documentExample(name);
      const { body, headers } = signed(event);
      const github = sdk.createGitHubClient({ apiKey: "token" });
      expect(await github.webhooks.unwrap(body, headers, { secret: SECRET })).toEqual(event);
    },
  );

  it("refuses a signed body that is no event (not an object), or a tampered example", async () => {
    const github = sdk.createGitHubClient({ apiKey: "token" });
    // Not an action check: GitHub's ping and public events require no discriminating property, so
    // any object with their few required properties is one of them. Every event is an object.
    const unknown = signed([documentExample("check-run-completed")]);
    await expect(github.webhooks.unwrap(unknown.body, unknown.headers, { secret: SECRET })).rejects.toMatchObject({
      name: "WebhookPayloadError",
      reason: "unknown-event",
    });
    const { body, headers } = signed(documentExample("ping"));
    await expect(
      github.webhooks.unwrap(body.replace('"zen":"', '"zen":"!'), headers, { secret: SECRET }),
    ).rejects.toBeInstanceOf(sdk.WebhookSignatureError);
  });
});
