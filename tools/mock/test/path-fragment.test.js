// @ts-check
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fragmentRouter } from "../src/fragment-routes.js";
import { parseFragmentPath, routeFragmentPaths } from "../src/path-fragment.js";

// A small document of our own (test/fixtures/fragment-paths.json): the three kinds of fragment
// path AWS documents use, and plain paths beside them.
/** @returns {any} */
const document = () => JSON.parse(readFileSync(new URL("./fixtures/fragment-paths.json", import.meta.url), "utf8"));

describe("parseFragmentPath", () => {
  it("reads a header or query value, a query parameter's name, and the path before the fragment", () => {
    expect(parseFragmentPath("/#X-Amz-Target=S.Op")).toEqual({
      path: "/",
      condition: { name: "X-Amz-Target", value: "S.Op" },
    });
    expect(parseFragmentPath("/a/{id}/export#type")).toEqual({ path: "/a/{id}/export", condition: { name: "type" } });
    expect(parseFragmentPath("#Action=A=B")).toEqual({ path: "/", condition: { name: "Action", value: "A=B" } });
  });

  it("leaves a path without a fragment, or with one that names nothing", () => {
    for (const key of ["/a/b", "/#", "/#=x", "/a# "]) expect(parseFragmentPath(key)).toBeUndefined();
  });
});

describe("routeFragmentPaths", () => {
  it("gives each fragment path item a routable key of its own and leaves the plain paths alone", () => {
    const spec = document();
    const listWidgets = spec.paths["/#X-Amz-Target=Widgets.ListWidgets"];
    const routes = routeFragmentPaths(spec);
    expect(Object.keys(spec.paths)).toEqual([
      "/__fragment/0",
      "/__fragment/1",
      "/__fragment/2",
      "/__fragment/3/v1/widgets/{widgetId}/export",
      "/v1/widgets/{widgetId}/export",
      "/v1/widgets",
    ]);
    expect(spec.paths["/__fragment/0"]).toBe(listWidgets);
    expect(routes).toEqual([
      {
        path: "/",
        condition: { name: "X-Amz-Target", value: "Widgets.ListWidgets" },
        methods: ["post"],
        routedPath: "/__fragment/0",
      },
      {
        path: "/",
        condition: { name: "X-Amz-Target", value: "Widgets.DeleteWidget" },
        methods: ["post"],
        routedPath: "/__fragment/1",
      },
      {
        path: "/",
        condition: { name: "Action", value: "DescribeWidget" },
        methods: ["get"],
        routedPath: "/__fragment/2",
      },
      {
        path: "/v1/widgets/{widgetId}/export",
        condition: { name: "type" },
        methods: ["get"],
        routedPath: "/__fragment/3/v1/widgets/{widgetId}/export",
      },
    ]);
  });

  it("skips a routable key the document already has, and changes nothing without fragment paths", () => {
    const spec = { paths: { "/__fragment/0": { get: {} }, "/#a=b": { $ref: "#/components/pathItems/A" } } };
    Object.assign(spec, { components: { pathItems: { A: { put: {} } } } });
    const routes = routeFragmentPaths(spec);
    expect(Object.keys(spec.paths)).toEqual(["/__fragment/0", "/__fragment/1"]);
    // A $ref'd path item's methods are read through the reference.
    expect(routes[0]?.methods).toEqual(["put"]);
    const plain = { paths: { "/a": { get: {} } } };
    expect(routeFragmentPaths(plain)).toEqual([]);
    expect(Object.keys(plain.paths)).toEqual(["/a"]);
  });
});

describe("fragmentRouter", () => {
  const route = fragmentRouter(routeFragmentPaths(document()));

  it("routes by a header's value (any case of its name) or a query parameter's value", () => {
    expect(route("POST", "/", { "x-amz-target": "Widgets.DeleteWidget" })).toBe("/__fragment/1");
    expect(route("POST", "/?X-Amz-Target=Widgets.ListWidgets", {})).toBe(
      "/__fragment/0?X-Amz-Target=Widgets.ListWidgets",
    );
    expect(route("GET", "/?WidgetId=w1&Action=DescribeWidget", {})).toBe(
      "/__fragment/2?WidgetId=w1&Action=DescribeWidget",
    );
  });

  it("routes by a query parameter's presence, keeping the path's parameters and the query", () => {
    expect(route("GET", "/v1/widgets/w%201/export?type=csv", {})).toBe(
      "/__fragment/3/v1/widgets/w%201/export?type=csv",
    );
  });

  it("forwards as it is a request that meets no condition, or whose method the fragment path lacks", () => {
    expect(route("GET", "/v1/widgets/w1/export", {})).toBeUndefined();
    expect(route("POST", "/", { "x-amz-target": "Widgets.Unknown" })).toBeUndefined();
    expect(route("GET", "/", { "x-amz-target": "Widgets.ListWidgets" })).toBeUndefined();
    expect(route("GET", "/v1/widgets?type=csv", {})).toBeUndefined();
    expect(route("GET", "/v1/widgets/a/b/export?type=csv", {})).toBeUndefined();
  });

  it("tries value conditions before presence ones", () => {
    const routes = routeFragmentPaths({ paths: { "/x#type": { get: {} }, "/x#type=csv": { get: {} } } });
    const router = fragmentRouter(routes);
    expect(router("GET", "/x?type=csv", {})).toBe("/__fragment/1/x?type=csv");
    expect(router("GET", "/x?type=xml", {})).toBe("/__fragment/0/x?type=xml");
  });
});
