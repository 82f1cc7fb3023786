import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSite, type StaticServer, startStaticServer } from "@sdkit/docs";
import { type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { distDir, packageDir, readBundledSpec, scratchDir, siteOptions, specOperations } from "../test/helpers.js";

// Debian's Chromium, driven by playwright-core: no browser is downloaded. CHROMIUM_PATH points
// elsewhere on machines that keep Chromium in another place.
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const resultsDir = join(packageDir, "test-results");

/** Everything the browser did that a test may assert on, recorded from the moment it starts. */
interface Recorder {
  requests: string[];
  failedRequests: string[];
  consoleErrors: string[];
}

async function launch(): Promise<{ context: BrowserContext; recorder: Recorder; close: () => Promise<void> }> {
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium is not at ${executablePath}. Install Debian's package (apt-get install -y chromium) ` +
        "or set CHROMIUM_PATH to a Chromium binary. The browser test never downloads a browser.",
    );
  }
  // A fresh profile per run: nothing cached or remembered from an earlier run can hide a request.
  const userDataDir = await mkdtemp(join(tmpdir(), "hatch-docs-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
  });
  // Fail a missing element in seconds, not after Playwright's default 30 s.
  context.setDefaultTimeout(15_000);
  const recorder: Recorder = { requests: [], failedRequests: [], consoleErrors: [] };
  context.on("request", (request) => recorder.requests.push(request.url()));
  context.on("requestfailed", (request) =>
    recorder.failedRequests.push(`${request.url()} (${request.failure()?.errorText ?? "failed"})`),
  );
  context.on("console", (message) => {
    if (message.type() === "error") recorder.consoleErrors.push(`${message.text()} at ${message.location().url}`);
  });
  context.on("weberror", (error) => recorder.consoleErrors.push(`uncaught: ${error.error().message}`));
  return {
    context,
    recorder,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The origin a request went to; `blob:` URLs belong to the page's own origin. */
function originOf(url: string): string {
  return new URL(url).origin;
}

async function openReference(page: Page, server: StaticServer): Promise<void> {
  await page.goto(`${server.url}/reference.html`, { waitUntil: "load" });
  await waitForRedoc(page);
}

/** Redoc has hydrated and routed: its links have turned from paths (`/contacts`) into hash routes. */
async function waitForRedoc(page: Page): Promise<void> {
  await page.locator('a[href^="#/"]').first().waitFor({ state: "attached" });
  // On a phone the sidebar is folded away: any visible "contacts" (sidebar or heading) will do.
  await page.getByText("contacts", { exact: true }).filter({ visible: true }).first().waitFor({ state: "visible" });
}

/** A sidebar entry by its label (Redoc appends the HTTP method badge to an operation's). */
function sidebarEntry(page: Page, label: string): Locator {
  return page
    .locator('a[href^="#/"]', {
      hasText: new RegExp(`^${escapeRegExp(label)}(?:get|put|post|patch|delete|head|options|trace)?$`, "i"),
    })
    .first();
}

/** Whether an element is (at least partly) inside the viewport, i.e. the view a reader lands on. */
async function inViewport(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.bottom > 0 && box.top < window.innerHeight && box.width > 0;
  });
}

/** The built docs bundle (dist/openapi.json): the spec plus the samples the reference shows. */
// biome-ignore lint/suspicious/noExplicitAny: the OpenAPI document.
async function readDocsBundle(): Promise<any> {
  return JSON.parse(await readFile(join(distDir, "openapi.json"), "utf8"));
}

/** The text a reader sees in an element (Playwright's innerText, which follows layout, unlike textContent). */
function visibleText(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText, not the DOM property.
  return locator.innerText();
}

/** A heading by its exact text (Redoc's headings also hold anchor and copy buttons, so their accessible names differ). */
function heading(page: Page, text: string) {
  return page
    .locator("h1, h2, h3")
    .filter({ hasText: new RegExp(`^${text.replace(/[()]/g, "\\$&")}$`) })
    .first();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The row of a request-body property, e.g. `source string required`. */
async function propertyRow(page: Page, name: string): Promise<string> {
  const nameLabel = page.locator(".schema-name", { hasText: new RegExp(`^${name}$`) }).first();
  await nameLabel.waitFor({ state: "visible" });
  return visibleText(nameLabel.locator("xpath=ancestor::div[1]"));
}

describe("the docs site in Chromium", () => {
  // Set up on first use inside a test rather than in beforeAll: when Chromium or the built site is
  // missing, every test then FAILS with the reason, instead of being reported as skipped.
  let setup: Promise<{ server: StaticServer; browser: Awaited<ReturnType<typeof launch>> }> | undefined;
  function site() {
    setup ??= (async () => {
      if (!existsSync(join(distDir, "reference.html"))) {
        throw new Error(
          `${distDir} has no reference.html: run \`pnpm turbo run build --filter=@hatch-api/docs\` first`,
        );
      }
      await mkdir(resultsDir, { recursive: true });
      const server = await startStaticServer({ root: distDir, port: 0 });
      try {
        return { server, browser: await launch() };
      } catch (error) {
        await server.close();
        throw error;
      }
    })();
    return setup;
  }
  afterAll(async () => {
    const started = await setup?.catch(() => undefined);
    await started?.browser.close();
    await started?.server.close();
  });

  it("renders the contacts operations, their request fields, samples and error responses", async () => {
    const { server, browser } = await site();
    const page = await browser.context.newPage();
    await openReference(page, server);
    await heading(page, "Create or update a contact").waitFor({ state: "visible" });

    // `source` is the one required field; other fields are not marked required.
    expect(await propertyRow(page, "source")).toMatch(/source\s+string\s+required/);
    expect(await propertyRow(page, "firstName")).not.toMatch(/required/);
    expect(await propertyRow(page, "externalCreatedAt")).toMatch(/date-time/);

    // The TypeScript sample is the default language of the request samples.
    const sample = page.locator("pre", { hasText: "createHatchClient" }).first();
    await sample.waitFor({ state: "visible" });
    expect(await visibleText(sample)).toContain("process.env.HATCH_API_KEY");
    expect(await visibleText(sample)).toContain("hatch.contacts.upsert(");

    // The error responses, each with its description once opened.
    for (const [status, description] of [
      ["401", "The API key is missing, unknown or revoked."],
      ["422", "The body was understood, but a value was refused."],
      ["429", "Too many requests in the current window."],
    ] as const) {
      const button = page.getByRole("button", { name: status, exact: true }).first();
      await button.waitFor({ state: "visible" });
      await button.click();
      await page.getByText(description).first().waitFor({ state: "visible" });
    }

    // The PUT operation has its own page with the same body.
    await page.getByText("Create or update a contact (PUT)", { exact: true }).first().click();
    await heading(page, "Create or update a contact (PUT)").waitFor({ state: "visible" });
    expect(await propertyRow(page, "source")).toMatch(/required/);
    await page.locator("pre", { hasText: 'hatch.PUT("/v1/contacts"' }).first().waitFor({ state: "visible" });

    await page.screenshot({ path: join(resultsDir, "reference-put-contact.png") });
    await page.close();
  });

  it("switches the samples to curl", async () => {
    const { server, browser } = await site();
    const page = await browser.context.newPage();
    await openReference(page, server);
    await page.getByRole("button", { name: "TypeScript" }).first().click();
    await page.getByRole("menuitem", { name: "curl" }).click();
    const curl = page.locator("pre", { hasText: "--request POST" }).first();
    await curl.waitFor({ state: "visible" });
    expect(await visibleText(curl)).toContain("Authorization: Bearer $HATCH_API_KEY");
    await page.close();
  });

  it("finds the upsert operation with the search", async () => {
    const { server, browser } = await site();
    const page = await browser.context.newPage();
    await openReference(page, server);
    // The search box itself (the reference's intro also mentions "search").
    await page.getByTestId("search-trigger").first().click();
    await page.getByPlaceholder("Search docs...").fill("upsert");
    const results = page.locator('[data-component-name="Search/SearchItem"]');
    await results.first().waitFor({ state: "visible" });
    const texts = await results.allInnerTexts();
    expect(texts.some((text) => /Create or update a contact/.test(text))).toBe(true);
    expect(texts.join("\n").toLowerCase()).toContain("upsert");
    await page.screenshot({ path: join(resultsDir, "reference-search.png") });
    await page.close();
  });

  it("serves the guide, quick start and changelog, linked from every page", async () => {
    const { server, browser } = await site();
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole("heading", { name: "Rate limits" }).waitFor({ state: "visible" });
    await page.getByRole("link", { name: "Quick start", exact: true }).first().click();
    await page.getByRole("heading", { name: "3. Send your first contact" }).waitFor({ state: "visible" });
    expect(await visibleText(page.locator("pre", { hasText: "createHatchClient" }).first())).toContain(
      "process.env.HATCH_API_KEY",
    );
    await page.getByRole("link", { name: "Changelog", exact: true }).first().click();
    await page.getByRole("heading", { name: "Changelog", level: 1 }).waitFor({ state: "visible" });
    await page.getByRole("link", { name: "API reference", exact: true }).first().click();
    // Let the 2.5 MB reference finish loading: leaving earlier aborts it, which would count as a failed request.
    await page.waitForURL(/\/reference\.html#\//, { waitUntil: "load" });
    await waitForRedoc(page);
    await page.getByRole("link", { name: "Guide", exact: true }).first().click();
    await page.waitForURL(`${server.url}/index.html`);
    await page.screenshot({ path: join(resultsDir, "guide.png"), fullPage: true });
    await page.close();
  });

  it("searches the guide, the quick start and the operations from any page", async () => {
    const { server, browser } = await site();
    const spec = await readDocsBundle();
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/quick-start.html`);
    // The footer's form (the page itself runs no script) leads to the search page.
    const footerSearch = page.locator("footer input[type=search]");
    await footerSearch.fill("upsert");
    await footerSearch.press("Enter");
    await page.waitForURL(`${server.url}/search.html?q=upsert`);
    const results = page.locator(".search-result > a");
    await results.first().waitFor({ state: "visible" });
    const found = await results.evaluateAll((links) =>
      links.map((a) => ({ text: a.textContent, href: (a as HTMLAnchorElement).getAttribute("href") })),
    );
    const upsert = specOperations(spec).find(({ operation }) => operation.operationId === "upsertContact");
    expect(found).toContainEqual({
      text: upsert?.operation.summary,
      href: `reference.html#/${upsert?.operation.tags[0].toLowerCase()}/upsertcontact`,
    });
    expect(found).toContainEqual({
      text: "How an upsert matches contacts",
      href: "index.html#how-an-upsert-matches-contacts",
    });
    // Typing searches again; a quick-start section is found and its link opens it.
    await page.locator("#site-search-query").fill("npm install");
    await page.getByRole("link", { name: "1. Install" }).click();
    await page.waitForURL(`${server.url}/quick-start.html#1-install`);
    await expect.poll(() => inViewport(page.locator('[id="1-install"]'))).toBe(true);
    await page.close();
  });

  it("opens the reference at the operations and links the guide instead of repeating it", async () => {
    const { server, browser } = await site();
    const spec = await readDocsBundle();
    const page = await browser.context.newPage();
    await openReference(page, server);
    const firstTag = spec.tags[0].name;
    await page.waitForURL(`${server.url}/reference.html#/${firstTag.toLowerCase()}`);
    // The first tag and its first operation's link are in the first screen, the sidebar group open.
    await expect.poll(() => inViewport(heading(page, firstTag))).toBe(true);
    const [first] = specOperations(spec);
    await expect.poll(() => inViewport(sidebarEntry(page, first?.operation.summary))).toBe(true);
    // No heading of the guide is repeated; the intro (at #/) links the guide and says what search covers.
    const guideHeadings = [...(spec.info.description as string).matchAll(/^#{1,3} (.+)$/gm)].map((m) => m[1]);
    expect(guideHeadings.length).toBeGreaterThan(0);
    for (const text of guideHeadings) expect(await heading(page, text as string).count(), text).toBe(0);
    await page.goto(`${server.url}/reference.html#/`, { waitUntil: "load" });
    const guideLink = page.locator('a[href="index.html"]', { hasText: /^guide$/ });
    await guideLink.waitFor({ state: "visible" });
    await page.getByText("covers the operations only").first().waitFor({ state: "visible" });
    await page.close();
  });

  it("opens every operation's copied link in a fresh page at that operation, and every copyable link resolves", async () => {
    const { server, browser } = await site();
    const spec = await readDocsBundle();
    const page = await browser.context.newPage();
    await openReference(page, server);
    const operations = specOperations(spec);
    /** operationId → the absolute URL a reader gets from "Copy link address" on its sidebar entry. */
    const copied = new Map<string, string>();
    for (const { operation } of operations) {
      const link = sidebarEntry(page, operation.summary);
      await link.waitFor({ state: "visible" });
      copied.set(operation.operationId, await link.evaluate((a) => (a as HTMLAnchorElement).href));
    }
    // Every same-origin link on the page is a file the static server has (hash routes need none).
    const hrefs = await page.locator("a[href]").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    const documents = [
      ...new Set(hrefs.filter((href) => href.startsWith(server.url)).map((href) => href.split("#")[0])),
    ];
    expect(documents.length).toBeGreaterThan(3);
    for (const url of documents) expect((await fetch(url as string, { method: "HEAD" })).status, url).toBe(200);
    // A link to a field, as Redoc's field anchors give it.
    const fieldLink = await page
      .locator('a[href*="path=source"]')
      .first()
      .evaluate((a) => (a as HTMLAnchorElement).href);
    await page.close();

    for (const { operation } of operations) {
      const url = copied.get(operation.operationId) as string;
      expect(url.startsWith(server.url), url).toBe(true);
      const fresh = await browser.context.newPage();
      await fresh.goto(url, { waitUntil: "load" });
      const title = heading(fresh, operation.summary);
      await title.waitFor({ state: "visible" });
      await expect.poll(() => inViewport(title), { message: `${url} shows ${operation.summary}` }).toBe(true);
      await fresh.close();
    }

    const fresh = await browser.context.newPage();
    await fresh.goto(fieldLink, { waitUntil: "load" });
    const field = fresh.locator(".schema-name", { hasText: /^source$/ }).first();
    await field.waitFor({ state: "visible" });
    await expect.poll(() => inViewport(field), { message: `${fieldLink} shows the source field` }).toBe(true);
    await fresh.close();
  });

  it("serves a page at each of Redoc's path links that opens the same view of the reference", async () => {
    const { server, browser } = await site();
    const spec = await readDocsBundle();
    // The links in the server-rendered HTML (before Redoc takes over) are paths like /contacts.
    const raw = await readFile(join(distDir, "reference.html"), "utf8");
    const pathLinks = [...new Set([...raw.matchAll(/href="(\/[^"]+)"/g)].map((m) => m[1] as string))];
    expect(pathLinks.length).toBeGreaterThan(0);
    const routes = new Set(pathLinks);
    for (const { operation } of specOperations(spec)) {
      routes.add(`/${operation.tags[0].toLowerCase()}/${operation.operationId.toLowerCase()}`);
    }
    // Static hosts often redirect a folder to its trailing-slash form first: both must work.
    const [firstRoute] = [...routes];
    for (const route of [...routes, `${firstRoute}/`]) {
      const page = await browser.context.newPage();
      await page.goto(`${server.url}${route}`, { waitUntil: "load" });
      await page.waitForURL(`${server.url}/reference.html#${route.replace(/\/$/, "")}`);
      const operation = specOperations(spec).find(({ operation }) =>
        route.endsWith(`/${operation.operationId.toLowerCase()}`),
      );
      const title = heading(page, operation ? operation.operation.summary : route.replaceAll("/", ""));
      await title.waitFor({ state: "visible" });
      await expect.poll(() => inViewport(title), { message: `${route} shows its view` }).toBe(true);
      await page.close();
    }
  });

  it("opens each section link of the guide and the quick start at its section", async () => {
    const { server, browser } = await site();
    const page = await browser.context.newPage();
    const sections: string[] = [];
    for (const file of ["index.html", "quick-start.html"]) {
      await page.goto(`${server.url}/${file}`);
      const hrefs = await page
        .locator("aside a.toc-link")
        .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      expect(hrefs.length).toBeGreaterThan(2);
      sections.push(...hrefs);
    }
    for (const url of sections) {
      await page.goto("about:blank");
      await page.goto(url);
      const id = decodeURIComponent(new URL(url).hash.slice(1));
      await expect.poll(() => inViewport(page.locator(`[id="${id}"]`)), { message: url }).toBe(true);
    }
    await page.close();
  });

  for (const width of [360, 1400]) {
    it(`fits ${width} px: no sideways scrolling, one-line navigation, every sample line readable`, async () => {
      const { server, browser } = await site();
      const spec = await readDocsBundle();
      const page = await browser.context.newPage();
      await page.setViewportSize({ width, height: 900 });
      for (const file of [
        "index.html",
        "quick-start.html",
        "reference.html",
        "changelog.html",
        "search.html?q=upsert",
        // The CLI and MCP pages, when the SDK config gives the site them.
        ...["cli.html", "mcp.html"].filter((file) => existsSync(join(distDir, file))),
      ]) {
        await page.goto(`${server.url}/${file}`, { waitUntil: "load" });
        if (file.startsWith("search.html")) await page.locator(".search-result").first().waitFor();
        if (file === "reference.html") await waitForRedoc(page);
        const layout = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
          // A link that wraps has one client rect per line.
          navLines: [...document.querySelectorAll(".site-header nav a")].map((a) => a.getClientRects().length),
          navRight: Math.max(
            ...[...document.querySelectorAll(".site-header nav a")].map((a) => a.getBoundingClientRect().right),
          ),
        }));
        expect(layout.scrollWidth, `${file} at ${width} px scrolls sideways`).toBeLessThanOrEqual(layout.clientWidth);
        expect(layout.navLines, `${file} at ${width} px`).toEqual([1, 1, 1, 1]);
        expect(layout.navRight, `${file} at ${width} px: the last link is cut off`).toBeLessThanOrEqual(width);
        await page.screenshot({ path: join(resultsDir, `${file.replace(/\.html.*$/, "")}-${width}.png`) });
      }

      // Each operation's TypeScript sample, on the operation's own route.
      for (const { operation } of specOperations(spec)) {
        await page.goto(
          `${server.url}/reference.html#/${operation.tags[0].toLowerCase()}/${operation.operationId.toLowerCase()}`,
        );
        await heading(page, operation.summary).waitFor();
        // Redoc remembers the language a reader picked (the curl test picks curl): pick TypeScript.
        const curlMenu = page.getByRole("button", { name: "curl", exact: true }).filter({ visible: true }).first();
        if ((await curlMenu.count()) > 0) {
          await curlMenu.click();
          await page.getByRole("menuitem", { name: "TypeScript" }).click();
        }
        const source: string = operation["x-codeSamples"].find((s: { lang: string }) => s.lang === "typescript").source;
        const sample = page.locator('pre[data-component-name="CodeBlock/CodeBlockContainer"]', {
          // The sample's longest line: the one most likely to be cut off.
          hasText: source.split("\n").reduce((longest, line) => (line.length > longest.length ? line : longest), ""),
        });
        await sample.first().scrollIntoViewIfNeeded();
        const box = await sample.first().evaluate((pre) => ({
          clipped: pre.scrollWidth > pre.clientWidth + 1,
          right: pre.getBoundingClientRect().right,
          // biome-ignore lint/performance/useDomNodeTextContent: the text as laid out, which is what a reader sees.
          text: (pre as HTMLElement).innerText,
        }));
        expect(box.clipped, `${operation.operationId} sample clipped at ${width} px`).toBe(false);
        expect(box.right).toBeLessThanOrEqual(width);
        // Every line of the sample is there, whole (wrapping only adds visual breaks).
        const shown = box.text.replace(/\s+/g, " ");
        for (const line of source.split("\n")) expect(shown).toContain(line.trim().replace(/\s+/g, " "));
      }
      await page.screenshot({ path: join(resultsDir, `reference-sample-${width}.png`) });
      await page.close();
    });
  }

  // Runs after the others, so it judges everything they made the pages do.
  it("made no request to any host but the loopback server, and logged no console errors", async () => {
    const { server, browser } = await site();
    const { requests, failedRequests, consoleErrors } = browser.recorder;
    expect([...new Set(requests.map(originOf))]).toEqual([server.url]);
    expect(requests.length).toBeGreaterThan(5);
    expect(requests).toContain(`${server.url}/reference.html`);
    expect(requests).toContain(`${server.url}/assets/redoc-attribution.svg`);
    expect(failedRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});

describe("a changed spec in Chromium", () => {
  it("shows a field description edited in a copy of the bundled spec after a build", async () => {
    const dir = await scratchDir("edited");
    const spec = await readBundledSpec();
    const edited = "Edited by the browser test: the API Source Name, exactly as set up in Hatch.";
    spec.components.schemas.UpsertContactParams.properties.source.description = edited;
    await writeFile(join(dir, "openapi.json"), JSON.stringify(spec));
    await buildSite(siteOptions({ specPath: join(dir, "openapi.json"), outDir: join(dir, "site") }));

    const server = await startStaticServer({ root: join(dir, "site") });
    const browser = await launch();
    try {
      const page = await browser.context.newPage();
      await openReference(page, server);
      await page.getByText("contacts", { exact: true }).first().click();
      await page.getByText(edited).first().waitFor({ state: "visible" });
      expect(await propertyRow(page, "source")).toMatch(/required/);
      expect(await page.getByText("The API Source Name of one of your custom sources").count()).toBe(0);
      expect(browser.recorder.consoleErrors).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
