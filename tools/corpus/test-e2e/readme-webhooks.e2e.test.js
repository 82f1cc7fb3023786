// @ts-check
// OpenAPI 3.1 `webhooks` in documents we did not write: ReadMe's examples (@readme/oas-examples):
// Train Travel (Bump.sh's example API: a `newBooking` webhook with an example) and webhooks.json (a
// `newPet` webhook with a bodiless DELETE beside its POST). Generated, type-checked, unwrapped.
import { spawnSync } from "node:child_process";
import { createHmac } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { generate } from "@sdkit/codegen";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const examples = join(dirname(require.resolve("@readme/oas-examples/package.json")), "3.1", "json");
const DOCUMENTS = ["train-travel", "webhooks"];
const work = fileURLToPath(new URL("../.tmp/readme-webhooks/", import.meta.url));
const tsc = join(dirname(require.resolve("typescript/package.json")), "bin", "tsc");
const SECRET = `whsec_${Buffer.from("readme-webhooks-e2e-signing-key!").toString("base64")}`;

/** @type {Record<string, any>} */
const sdks = {};

beforeAll(async () => {
  rmSync(work, { recursive: true, force: true });
  for (const name of DOCUMENTS) {
    const spec = join(examples, `${name}.json`);
    const out = join(work, name);
    const label = `@readme/oas-examples 3.1/json/${name}.json`;
    await generate("types", { spec, out: join(out, "types"), label });
    writeFileSync(
      join(out, "types", "index.ts"),
      'export type * from "./aliases.js";\nexport type { components, operations, paths, webhooks } from "./openapi.js";\n',
    );
    await generate("sdk", {
      spec,
      out: join(out, "sdk"),
      sdkConfig: fileURLToPath(new URL("./fixtures/example.sdk.config.json", import.meta.url)),
      typesModule: "../types/index.js",
      label,
    });
  }
  mkdirSync(work, { recursive: true });
  writeFileSync(join(work, "package.json"), '{ "type": "module" }\n');
  writeFileSync(
    join(work, "tsconfig.json"),
    JSON.stringify({
      extends: "../../../../tsconfig.base.json",
      compilerOptions: { noEmit: true, allowImportingTsExtensions: true, types: [] },
      include: DOCUMENTS,
    }),
  );
  for (const name of DOCUMENTS) sdks[name] = await import(pathToFileURL(join(work, name, "sdk", "index.ts")).href);
}, 300_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

/** @param {unknown} event */
function signed(event) {
  const body = JSON.stringify(event);
  const timestamp = Math.floor(Date.now() / 1000);
  const key = Buffer.from(SECRET.slice("whsec_".length), "base64");
  const signature = createHmac("sha256", key).update(`msg_1.${timestamp}.${body}`).digest("base64");
  return {
    body,
    headers: { "webhook-id": "msg_1", "webhook-timestamp": String(timestamp), "webhook-signature": `v1,${signature}` },
  };
}

describe("ReadMe's OpenAPI 3.1 examples with webhooks", () => {
  it("both SDKs type-check", () => {
    const run = spawnSync(process.execPath, [tsc, "-p", join(work, "tsconfig.json")], { encoding: "utf8" });
    expect(run.stdout + run.stderr).toBe("");
    expect(run.status).toBe(0);
  }, 300_000);

  it("Train Travel: unwrap returns the document's newBooking example", async () => {
    const spec = JSON.parse(readFileSync(join(examples, "train-travel.json"), "utf8"));
    const example = spec.webhooks.newBooking.post.requestBody.content["application/json"].example;
    const { body, headers } = signed(example);
    const client = sdks["train-travel"].createExampleClient({ apiKey: "k" });
    expect(await client.webhooks.unwrap(body, headers, { secret: SECRET })).toEqual(example);
    await expect(client.webhooks.unwrap(body, headers, { secret: [] })).rejects.toMatchObject({
      reason: "invalid-secret",
    });
  });

  it("webhooks.json: the newPet POST is the event; the bodiless DELETE beside it does not stop generation", async () => {
    const aliases = readFileSync(join(work, "webhooks", "types", "aliases.ts"), "utf8");
    expect(aliases).toContain('export type NewPetWebhookEvent = NonNullable<NonNullable<webhooks["newPet"]["post"]>');
    const pet = { id: 1, name: "Rex" };
    const { body, headers } = signed(pet);
    const client = sdks.webhooks.createExampleClient({ apiKey: "k" });
    expect(await client.webhooks.unwrap(body, headers, { secret: SECRET })).toEqual(pet);
  });
});
