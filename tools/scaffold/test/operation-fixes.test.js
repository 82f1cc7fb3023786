// @ts-check
import { listOperations, planSdk } from "@sdkit/codegen";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { derivedOperationId, derivedTag, operationTarget, overlaySkeleton, planFixes } from "../src/operation-fixes.js";

/** @param {Record<string, Record<string, unknown>>} paths */
const doc = (paths) => ({ openapi: "3.1.0", info: { title: "t", version: "1" }, paths });
const ok = { responses: { 200: { description: "ok" } } };

describe("derived names", () => {
  it.each([
    ["get", "/pets/{petId}", "getPetsByPetId"],
    ["post", "/user/createWithList", "postUserCreateWithList"],
    ["delete", "/v1/pet-types/{type_id}/owners", "deleteV1PetTypesByTypeIdOwners"],
    ["get", "/", "get"],
    ["post", "/#X-Amz-Target=Svc.CreateThing", "postXAmzTargetSvcCreateThing"],
    ["get", "/things/{id}/export#type", "getThingsByIdExportType"],
  ])("%s %s → %s", (method, path, id) => {
    expect(derivedOperationId(method, path)).toBe(id);
  });

  it.each([
    ["/v1/pets/{id}", "pets"],
    ["/2.0/{id}/orders", "orders"],
    ["/{id}", "default"],
    // A fragment in the path key is not a segment: AWS's operations on `/` share one resource.
    ["/#X-Amz-Target=AmazonEC2ContainerServiceV20141113.CreateCluster", "default"],
    ["/#Action=AssumeRole", "default"],
    ["/v1/exports#type", "exports"],
  ])("tag of %s → %s", (path, tag) => {
    expect(derivedTag(path)).toBe(tag);
  });

  it("quotes a path with a quote in the overlay target", () => {
    expect(operationTarget("/it's", "get")).toBe("$.paths['/it\\'s'].get");
  });
});

describe("planFixes", () => {
  it("names and tags only what lacks them, with ids unique against the document's own", () => {
    const fixes = planFixes(
      doc({
        "/pets": { get: { ...ok }, post: { ...ok, operationId: "getPets", tags: ["pets"] } },
        "/pets/{id}": { get: { ...ok, operationId: "showPet" } },
      }),
    );
    expect(fixes.renamed).toBe(1);
    expect(fixes.tagged).toBe(2);
    expect(fixes.operations).toEqual([
      { method: "get", path: "/pets", pointer: "#/paths/~1pets/get", operationId: "getPets2", tags: ["pets"] },
      { method: "get", path: "/pets/{id}", pointer: "#/paths/~1pets~1{id}/get", tags: ["pets"] },
    ]);
  });

  it("numbers an operationId equal to an earlier one but for case (one sample file on macOS and Windows)", () => {
    const fixes = planFixes(
      doc({
        "/rules": {
          post: { ...ok, operationId: "Create a new rule", tags: ["rules"] },
          put: { ...ok, operationId: "Create a New Rule", tags: ["rules"] },
        },
        "/rules/{id}": { post: { ...ok, operationId: "create a new rule2", tags: ["rules"] } },
        "/lists": { post: { ...ok, operationId: "CREATE A NEW RULE", tags: ["lists"] } },
      }),
    );
    expect(fixes.renamed).toBe(2);
    expect(fixes.operations.map((fix) => [fix.method, fix.path, fix.operationId])).toEqual([
      // Methods in the generators' order (put before post): the put keeps its id.
      ["post", "/rules", "Create a new rule3"],
      ["post", "/lists", "CREATE A NEW RULE4"],
    ]);
  });

  it("needs no x-sdk-method where two operations would share a name: codegen resolves it; a reserved word is fine", () => {
    const spec = doc({
      "/pet/{id}": { delete: { ...ok, operationId: "deletePet", tags: ["pet"] } },
      "/a": { get: { ...ok, operationId: "listPets", tags: ["pets"] } },
      "/b": { get: { ...ok, operationId: "list_pets", tags: ["pets"] } },
    });
    const fixes = planFixes(spec);
    // `pet.delete` is a valid method name (it only ever follows a dot); the two `pets.list` are
    // told apart by codegen, deterministically (the later one takes its whole operationId).
    expect(fixes.methods).toBe(0);
    expect(fixes.operations).toEqual([]);
    const names = [...planSdk(listOperations(spec))].flatMap(([resource, methods]) =>
      methods.map((method) => `${resource}.${method.name}`),
    );
    expect(names).toEqual(["pet.delete", "pets.list", "pets.listPets"]);
  });

  it("puts operations told apart by a path fragment on one resource, each with a method of its own", () => {
    // AWS's shape: operationIds, no tags, one path `/` with a fragment per operation.
    const target = (/** @type {string} */ action) => `/#X-Amz-Target=Widgets.${action}`;
    const spec = doc({
      [target("CreateWidget")]: { post: { ...ok, operationId: "CreateWidget" } },
      [target("ListWidgets")]: { post: { ...ok, operationId: "ListWidgets" } },
      "/#Action=DescribeWidget": { get: { ...ok, operationId: "DescribeWidget" } },
      "/v1/exports/{id}#type": { get: { ...ok } },
    });
    const fixes = planFixes(spec);
    expect(fixes.operations.map((fix) => [fix.path, fix.tags])).toEqual([
      [target("CreateWidget"), ["default"]],
      [target("ListWidgets"), ["default"]],
      ["/#Action=DescribeWidget", ["default"]],
      ["/v1/exports/{id}#type", ["exports"]],
    ]);
    // The derived operationId keeps the fragment's words, which tell it from the plain path's.
    expect(fixes.operations[3]?.operationId).toBe("getV1ExportsByIdType");
    for (const fix of fixes.operations) Object.assign(spec.paths[fix.path]?.[fix.method] ?? {}, fix);
    const names = [...planSdk(listOperations(spec))].flatMap(([resource, methods]) =>
      methods.map((method) => `${resource}.${method.name}`),
    );
    expect(new Set(names).size).toBe(4);
    expect(names.filter((name) => name.startsWith("default."))).toHaveLength(3);
  });

  it("needs nothing for a document that names and tags everything", () => {
    const fixes = planFixes(doc({ "/pets": { get: { ...ok, operationId: "listPets", tags: ["pets"] } } }));
    expect(fixes.operations).toEqual([]);
    expect(overlaySkeleton(fixes, "t")).toBeUndefined();
  });
});

describe("overlaySkeleton", () => {
  it("is an Overlay 1.0 document whose actions target each operation and say what to set", () => {
    const fixes = planFixes(doc({ "/pets/{petId}": { get: { ...ok } } }));
    const text = /** @type {string} */ (overlaySkeleton(fixes, "Pet API"));
    expect(text).toMatch(/^# Written by sdkit-scaffold/);
    expect(YAML.parse(text)).toEqual({
      overlay: "1.0.0",
      info: { title: "Operation names and tags for the Pet API SDK", version: "1.0.0" },
      actions: [{ target: "$.paths['/pets/{petId}'].get", update: { operationId: "getPetsByPetId", tags: ["pets"] } }],
    });
  });
});
