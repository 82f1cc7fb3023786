import { escapeHtml, renderMarkdown, slugify } from "@sdkit/docs";
import { describe, expect, it } from "vitest";

describe("renderMarkdown", () => {
  it("gives headings stable, unique ids and lists them for a table of contents", () => {
    const { html, toc } = renderMarkdown("## Rate limits\n\ntext\n\n## How an `upsert` matches\n\n## Rate limits\n");
    expect(html).toContain('<h2 id="rate-limits"><a class="anchor" href="#rate-limits">Rate limits</a></h2>');
    expect(html).toContain('<h2 id="how-an-upsert-matches">');
    expect(toc).toEqual([
      { depth: 2, id: "rate-limits", text: "Rate limits" },
      { depth: 2, id: "how-an-upsert-matches", text: "How an upsert matches" },
      { depth: 2, id: "rate-limits-1", text: "Rate limits" },
    ]);
  });

  it("prefixes ids and demotes headings when asked", () => {
    const { html } = renderMarkdown("## 1.0.0\n", { idPrefix: "client-", headingOffset: 1 });
    expect(html).toContain('<h3 id="client-100">');
  });

  it("renders code blocks, tables and links (GitHub-flavoured Markdown)", () => {
    const { html } = renderMarkdown(
      '```json\n{"a": 1}\n```\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n[x](https://jsonapi.org)',
    );
    expect(html).toContain('<pre><code class="language-json">{&quot;a&quot;: 1}');
    expect(html).toContain("<table>");
    expect(html).toContain('<a href="https://jsonapi.org">x</a>');
  });
});

describe("slugify and escapeHtml", () => {
  it("make ids and safe text", () => {
    expect(slugify("Getting an API key")).toBe("getting-an-api-key");
    expect(slugify("Errors & their <b>shape</b>")).toBe("errors-their-shape");
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
});
