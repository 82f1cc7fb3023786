// @ts-check
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildModel } from "@sdkit/codegen";
import { afterEach, describe, expect, it } from "vitest";
import { bundleIfMultiFile, dropDanglingRefs } from "../src/document-input.js";

/** @type {string | undefined} */
let dir;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("a description kept as many files", () => {
  it("is bundled once: every file the entry reaches, with $refs on path items and on operations", async () => {
    dir = await mkdtemp(join(tmpdir(), "scaffold-input-"));
    await mkdir(join(dir, "paths"), { recursive: true });
    await mkdir(join(dir, "operations"), { recursive: true });
    await mkdir(join(dir, "schemas"), { recursive: true });
    const entry = {
      openapi: "3.0.3",
      info: { title: "Files", version: "1" },
      paths: { "/pets": { $ref: "paths/pets.yaml" } },
    };
    await writeFile(join(dir, "openapi.json"), JSON.stringify(entry));
    // A path item in a file; one of its operations `$ref`'d from a file of its own (which 3.0
    // does not allow, and real descriptions do).
    await writeFile(
      join(dir, "paths/pets.yaml"),
      "get:\n  $ref: ../operations/list-pets.yaml\npost:\n  operationId: createPet\n  tags: [pets]\n  responses:\n    '201': {description: created}\n",
    );
    await writeFile(
      join(dir, "operations/list-pets.yaml"),
      "operationId: listPets\ntags: [pets]\nresponses:\n  '200':\n    description: ok\n    content:\n      application/json:\n        schema:\n          $ref: ../schemas/pet.yaml\n",
    );
    await writeFile(join(dir, "schemas/pet.yaml"), "type: object\nproperties:\n  name: {type: string}\n");
    const { spec, files } = await bundleIfMultiFile(join(dir, "openapi.json"), entry);
    expect(files).toBe(4);
    expect(JSON.stringify(spec)).not.toMatch(/\.yaml/);
    const model = buildModel(spec, "openapi.json");
    expect(model.operations.map((m) => m.op.operationId)).toEqual(["listPets", "createPet"]);
  });

  it("a single-file document is taken as it is", async () => {
    const spec = { openapi: "3.0.3", info: { title: "x", version: "1" }, paths: {} };
    expect(await bundleIfMultiFile("missing.json", spec)).toEqual({ spec, files: 1 });
  });
});

describe("references that lead nowhere", () => {
  it("are dropped with their pointers: discriminator mappings to missing files, $refs into nothing", () => {
    const spec = {
      openapi: "3.0.3",
      info: { title: "x", version: "1" },
      paths: {},
      components: {
        schemas: {
          A: { type: "object" },
          Record: {
            oneOf: [{ $ref: "#/components/schemas/A" }],
            discriminator: {
              propertyName: "type",
              mapping: { A: "#/components/schemas/A", MX: "models/types.yml#/record_mx", B: "B" },
            },
          },
          Gone: { $ref: "#/components/schemas/Nope" },
        },
      },
    };
    const dropped = dropDanglingRefs(spec);
    expect(dropped.map((entry) => [entry.pointer, entry.ref])).toEqual([
      ["/components/schemas/Record/discriminator/mapping/MX", "models/types.yml#/record_mx"],
      ["/components/schemas/Record/discriminator/mapping/B", "B"],
      ["/components/schemas/Gone", "#/components/schemas/Nope"],
    ]);
    expect(spec.components.schemas.Record.discriminator.mapping).toEqual({ A: "#/components/schemas/A" });
    expect(spec.components.schemas.Gone).not.toHaveProperty("$ref");
    // Nothing else changes, and a second pass finds nothing.
    expect(dropDanglingRefs(spec)).toEqual([]);
  });
});
