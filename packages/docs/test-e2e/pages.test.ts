import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { guideContent, PACKAGE_DIR, quickStartContent, renderPage, renderSiteHeader } from "@sdkit/docs";
import { describe, expect, it, vi } from "vitest";
import { packageDir, readBundledSpec } from "../test/helpers.js";

// The builder's own templates, which every site of it uses.
const templates = join(PACKAGE_DIR, "templates");

describe("site pages", () => {
  it("marks the current page in the header, and only that one", async () => {
    const template = await readFile(join(templates, "site-header.html"), "utf8");
    const header = renderSiteHeader(template, { siteName: "Hatch API <docs>", current: "quick-start" });
    expect(header).toContain('href="quick-start.html" data-page="quick-start" aria-current="page"');
    expect(header.match(/aria-current/g)).toHaveLength(1);
    expect(header).toContain("Hatch API &lt;docs&gt;");
  });

  it("fills every placeholder of the layout", async () => {
    const layout = await readFile(join(templates, "page.html"), "utf8");
    const html = renderPage(layout, {
      title: "A & B",
      header: "<header>h</header>",
      contentHtml: "<p>body</p>",
      toc: [{ depth: 2, id: "x", text: "X" }],
    });
    expect(html).toContain("<title>A &amp; B</title>");
    expect(html).toContain('<a class="toc-link" href="#x">X</a>');
    expect(html).not.toMatch(/<!--@\w+-->/);
  });

  it("pulls sample files into the quick start and fails on an include that does not exist", async () => {
    const { contentHtml, title, topics } = await quickStartContent(
      "# Start\n\n## 1. Install it\n\n<!-- include: samples/quick-start/first-contact.ts -->\n",
      { baseDir: packageDir, file: "content/quick-start.md" },
    );
    expect(topics).toEqual(["install it"]);
    expect(title).toBe("Start");
    expect(contentHtml).toContain('<pre><code class="language-ts">import { createHatchClient }');
    await expect(
      quickStartContent("<!-- include: samples/nope.ts -->\n", { baseDir: packageDir, file: "content/quick-start.md" }),
    ).rejects.toThrow(
      /content\/quick-start\.md: "<!-- include: samples\/nope\.ts -->" names a file that does not exist/,
    );
  });

  it("builds the guide from info.description, and one that links the reference for a spec without one", async () => {
    const spec = await readBundledSpec();
    const guide = guideContent(spec);
    expect(guide.title).toBe("Hatch API guide");
    expect(guide.toc.map((entry) => entry.text)).toEqual(
      expect.arrayContaining(["Getting an API key", "Authentication", "Errors", "Rate limits", "Retries"]),
    );
    delete spec.info.description;
    const warnings: string[] = [];
    const warn = vi.spyOn(console, "warn").mockImplementation((text) => warnings.push(String(text)));
    const bare = guideContent(spec);
    warn.mockRestore();
    expect(warnings.join("\n")).toMatch(/no info\.description/);
    expect(bare.markdown).toContain("[API reference](reference.html)");
    expect(bare.contentHtml).toContain('href="reference.html"');
  });
});
