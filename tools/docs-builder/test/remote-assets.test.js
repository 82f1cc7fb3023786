// @ts-check
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../src/markdown.js";
import { assertNoExternalResources } from "../src/offline-check.js";
import { dropRemoteAssets, remoteAssetWarnings } from "../src/remote-assets.js";

// Real documents carry remote assets (the API directory's `x-logo`, images in descriptions); the
// offline site must still build, without loading them, and say what it left out.
describe("remote assets in the document", () => {
  const document = () => ({
    openapi: "3.0.3",
    info: {
      title: "Directory API",
      version: "1",
      "x-logo": { url: "https://api.apis.guru/v2/cache/logo/https_example.com_logo.png" },
      description:
        'Intro ![diagram](https://example.com/flow.png "Flow") and <img alt="badge" src="//cdn.example.com/b.svg"> and a local ![ok](assets/local.png).',
    },
    tags: [{ name: "pets", description: "![pets](http://example.com/pets.jpg)" }],
    paths: {},
  });

  it("are dropped (a logo) or replaced by a link (an image), each named in a warning", () => {
    /** @type {any} */
    const spec = document();
    const removed = dropRemoteAssets(spec);
    expect(removed.map((asset) => [asset.pointer, asset.url, asset.action])).toEqual([
      ["/info/x-logo", "https://api.apis.guru/v2/cache/logo/https_example.com_logo.png", "dropped"],
      ["/info/description", "https://example.com/flow.png", "replaced by a link"],
      ["/info/description", "//cdn.example.com/b.svg", "replaced by a link"],
      ["/tags/0/description", "http://example.com/pets.jpg", "replaced by a link"],
    ]);
    expect(spec.info).not.toHaveProperty("x-logo");
    expect(spec.info.description).toContain("[diagram](https://example.com/flow.png)");
    expect(spec.info.description).toContain("![ok](assets/local.png)");
    const warnings = remoteAssetWarnings(removed);
    expect(warnings[0]).toMatch(/^docs: 4 remote asset\(s\)/);
    expect(warnings).toContain(
      "  #/info/x-logo: https://api.apis.guru/v2/cache/logo/https_example.com_logo.png (dropped)",
    );
  });

  it("leave descriptions that pass the offline check", () => {
    const before = document();
    expect(() => assertNoExternalResources(renderMarkdown(before.info.description).html, "index.html")).toThrow();
    /** @type {any} */
    const spec = document();
    dropRemoteAssets(spec);
    expect(() => assertNoExternalResources(renderMarkdown(spec.info.description).html, "index.html")).not.toThrow();
  });
});
