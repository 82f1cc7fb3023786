// @ts-check
// A `discriminator` on a schema that is not a component (an action body whose `anyOf` members
// share an inline base through `allOf`, as bundled documents write it) made openapi-typescript omit
// the discriminated property and type a member that only requires it as `Record<string, never>`:
// the request body's type became unsatisfiable. A component's own discriminator keeps its meaning.
import { describe, expect, it } from "vitest";
import { renderTarget } from "../src/generate.js";
import { dropInlineDiscriminators } from "../src/targets/types.js";
import { tinySpec, typeErrors } from "./helpers.js";

const base = {
  type: "object",
  required: ["type"],
  discriminator: { propertyName: "type" },
  properties: { type: { type: "string", enum: ["assign", "unassign"] } },
};

function document() {
  return tinySpec(
    {
      "POST /ips/{ip}/actions": {
        operationId: "ipAction",
        tags: ["ips"],
        parameters: [{ name: "ip", in: "path", required: true, schema: { type: "string" } }],
        requestBody: {
          content: {
            "application/json": {
              schema: {
                discriminator: { propertyName: "type" },
                anyOf: [
                  { allOf: [structuredClone(base), { type: "object", required: ["type"] }] },
                  {
                    allOf: [
                      {
                        $ref: "#/paths/~1ips~1%7Bip%7D~1actions/post/requestBody/content/application~1json/schema/anyOf/0/allOf/0",
                      },
                      { type: "object", required: ["type", "target"], properties: { target: { type: "integer" } } },
                    ],
                  },
                ],
              },
            },
          },
        },
      },
    },
    {
      components: {
        schemas: {
          Pet: {
            type: "object",
            required: ["kind"],
            properties: { kind: { type: "string" } },
            discriminator: { propertyName: "kind", mapping: { cat: "#/components/schemas/Cat" } },
          },
          Cat: { allOf: [{ $ref: "#/components/schemas/Pet" }, { type: "object" }] },
        },
      },
    },
  );
}

describe("discriminators on schemas that are not components", () => {
  it("are dropped before typing, a component's own is kept", () => {
    const spec = /** @type {any} */ (dropInlineDiscriminators(document()));
    const schema = spec.paths["/ips/{ip}/actions"].post.requestBody.content["application/json"].schema;
    expect(schema.discriminator).toBeUndefined();
    expect(schema.anyOf[0].allOf[0].discriminator).toBeUndefined();
    expect(spec.components.schemas.Pet.discriminator).toEqual({
      propertyName: "kind",
      mapping: { cat: "#/components/schemas/Cat" },
    });
  });

  it("leave the discriminated property in the request body's type", async () => {
    const files = await renderTarget("types", document(), { file: "/repo/spec/dist/openapi.json" });
    const source = String(files.get("openapi.ts"));
    const body = source.slice(source.indexOf("ipAction: {"));
    const requestBody = body.slice(body.indexOf("requestBody"), body.indexOf("responses:"));
    expect(requestBody).not.toContain("Omit<");
    expect(requestBody).not.toContain("Record<string, never>");
    expect(requestBody).toMatch(/target: number;/);
    // The `allOf` base a `$ref` points at is hoisted into a component of its own, with no
    // discriminator there either: its property stays in its type.
    const hoisted = "paths_ips_ip_actions_post_requestBody_content_application_json_schema_anyOf_0_allOf_0";
    expect(requestBody).toContain(`components["schemas"]["${hoisted}"]`);
    const component = source.slice(source.indexOf(`${hoisted}: {`));
    expect(component.slice(0, component.indexOf("};"))).toMatch(/type: "assign" \| "unassign";/);
    files.set(
      "use.ts",
      'import type { IpActionRequestBody } from "./aliases.js";\n' +
        'export const assign: IpActionRequestBody = { type: "assign" };\n' +
        'export const unassign: IpActionRequestBody = { type: "unassign", target: 1 };\n',
    );
    expect(await typeErrors(files)).toEqual([]);
  });
});
