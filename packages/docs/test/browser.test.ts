import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { buildSite } from "../src/build-site.js";
import { type StaticServer, startStaticServer } from "../src/static-server.js";
import { distDir, packageDir, readBundledSpec, scratchDir } from "./helpers.js";

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
  // Hydrated when the sidebar's tag can be opened.
  await page.getByText("contacts", { exact: true }).first().waitFor({ state: "visible" });
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

    await page.getByText("contacts", { exact: true }).first().click();
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
    await page.getByText("contacts", { exact: true }).first().click();
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
    await page.getByText("Search", { exact: false }).first().click();
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
    await page.waitForURL(`${server.url}/reference.html`, { waitUntil: "load" });
    await page.getByText("contacts", { exact: true }).first().waitFor({ state: "visible" });
    await page.getByRole("link", { name: "Guide", exact: true }).first().click();
    await page.waitForURL(`${server.url}/index.html`);
    await page.screenshot({ path: join(resultsDir, "guide.png"), fullPage: true });
    await page.close();
  });

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
    await buildSite({ specPath: join(dir, "openapi.json"), outDir: join(dir, "site") });

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
