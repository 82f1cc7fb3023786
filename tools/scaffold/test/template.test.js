// @ts-check
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { listTemplateFiles, readTemplate } from "../src/template.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));

// A scaffolded repo's sdk.config.json decides the client's factory and type names, also after the
// user edits it: so no copied code may spell Hatch's (which a rename would freeze at scaffold time).
it("copies no code that spells the client's factory or type names", async () => {
  const { client } = JSON.parse(await readFile(join(root, "sdk.config.json"), "utf8"));
  /** @type {string[]} */
  const spelled = [];
  for (const path of await listTemplateFiles(root)) {
    if (!/\.(c|m)?[jt]s$/.test(path)) continue;
    const text = await readTemplate(root, path);
    // The type's name is in its options type's too.
    for (const name of [client.factory, client.type]) if (text.includes(name)) spelled.push(`${path}: ${name}`);
  }
  expect(spelled).toEqual([]);
});
