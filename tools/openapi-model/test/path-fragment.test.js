// @ts-check
import { describe, expect, it } from "vitest";
import { pathBeforeFragment, splitPathFragment } from "../src/index.js";

describe("splitPathFragment", () => {
  it("splits a path key at its fragment, the three kinds AWS documents use", () => {
    expect(splitPathFragment("/#X-Amz-Target=Svc.Op")).toEqual({ path: "/", fragment: "X-Amz-Target=Svc.Op" });
    expect(splitPathFragment("/#Action=AssumeRole")).toEqual({ path: "/", fragment: "Action=AssumeRole" });
    expect(splitPathFragment("/v1/things/{id}/export#type")).toEqual({
      path: "/v1/things/{id}/export",
      fragment: "type",
    });
  });

  it("reads a key that is only a fragment as `/`, and leaves a key without one whole", () => {
    expect(splitPathFragment("#Action=A")).toEqual({ path: "/", fragment: "Action=A" });
    expect(splitPathFragment("/v1/things")).toEqual({ path: "/v1/things", fragment: undefined });
    expect(splitPathFragment("/v1/things#")).toEqual({ path: "/v1/things", fragment: "" });
  });
});

describe("pathBeforeFragment", () => {
  it("is the path a request goes to", () => {
    expect(pathBeforeFragment("/v1/things/{id}/export#type")).toBe("/v1/things/{id}/export");
    expect(pathBeforeFragment("/#Action=AssumeRole")).toBe("/");
    expect(pathBeforeFragment("/v1/things")).toBe("/v1/things");
  });
});
