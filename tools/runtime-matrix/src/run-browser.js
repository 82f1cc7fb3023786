// @ts-check
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const CHROMIUM_ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Debian's Chromium, or CHROMIUM_PATH; never a downloaded browser. */
export function chromiumPath() {
  return process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
}

/**
 * Opens the smoke server's page in headless Chromium and runs the smoke suite in it: the built client
 * and openapi-fetch are loaded as ES modules through the page's import map, and the client is created
 * with `dangerouslyAllowBrowser` (the suite also checks that it refuses without it). Page errors are
 * collected and fail the run.
 *
 * @param {{ baseUrl: string, runId: string, timeoutMs: number }} options
 * @returns {Promise<import("./suite/smoke-suite.js").SmokeReport & { browserVersion: string }>}
 */
export async function runInChromium({ baseUrl, runId, timeoutMs }) {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium is not at ${executablePath}: run \`bash tools/bootstrap.sh --browser\` (Debian's chromium) or set CHROMIUM_PATH.`,
    );
  }
  const userDataDir = await mkdtemp(join(tmpdir(), "hatch-runtime-matrix-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: timeoutMs,
  });
  try {
    const browserVersion = context.browser()?.version() ?? "";
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(timeoutMs);
    /** @type {string[]} */
    const pageErrors = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(`${baseUrl}/browser.html?runId=${encodeURIComponent(runId)}`);
    // A string, not a function: the test runner's transform must not rewrite code that runs in the page.
    await page.waitForFunction("window.hatchSmokeReport !== undefined || window.hatchPageFailed", undefined, {
      timeout: timeoutMs,
    });
    const failed = await page.evaluate("window.hatchPageFailed");
    if (failed || pageErrors.length > 0)
      throw new Error(`the page failed: ${[failed, ...pageErrors].filter(Boolean).join("; ")}`);
    const report = /** @type {import("./suite/smoke-suite.js").SmokeReport} */ (
      await page.evaluate("window.hatchSmokeReport")
    );
    return { ...report, browserVersion };
  } finally {
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}
