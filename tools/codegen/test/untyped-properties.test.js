// @ts-check
// A property whose schema gives no type and no properties (`{ additionalProperties: true }`, `{}`)
// types as `Record<string, unknown>` or `unknown`: a built example must still carry it when it is
// required, or the contract binding's `satisfies` fails to compile.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { conformsTo } from "../src/example-check.js";
import { schemaExample } from "../src/examples.js";
import { buildModel } from "../src/model.js";
import { requestExample } from "../src/targets/samples.js";

const spec = JSON.parse(readFileSync(new URL("./fixtures/untyped-properties.json", import.meta.url), "utf8"));

describe("an example built from a schema with untyped properties", () => {
  it("keeps every required property: an empty object for an untyped one, null for a null one", () => {
    const m = /** @type {import("../src/model.js").OperationModel} */ (buildModel(spec).byId.get("createImport"));
    expect(requestExample(spec, m).body).toEqual({ type: "string", target: {}, anything: {}, nothing: null });
  });

  it("conforms to the schema it was built from", () => {
    const schema = { $ref: "#/components/schemas/ImportSource" };
    expect(conformsTo(spec, schema, schemaExample(spec, schema))).toBe(true);
  });

  it("is an empty object for a schema with no type information at all", () => {
    expect(schemaExample(spec, { additionalProperties: true })).toEqual({});
    expect(schemaExample(spec, {})).toEqual({});
  });
});
