import { readdir, readFile } from "node:fs/promises";
import { describe, expect, test } from "vitest";
import { clientFileNames, renderClientFile } from "../index.js";
import { DEFAULT_RATE_LIMIT, ServerError, ValidationError } from "./.generated/sdk/index.js";

const config = {
  name: "north-wind",
  title: "Northwind",
  packages: { types: "@nw/types", client: "@nw/client" },
  client: { factory: "createNorthwind", type: "Northwind" },
  env: { apiKey: "NW_KEY", baseUrl: "NW_URL", log: "NW_LOG" },
  baseUrl: "https://nw.example",
  rateLimit: false as const,
  userAgent: "@nw/client",
  retry: { maxRetries: 1, timeoutMs: 5_000 },
};
const render = () =>
  renderClientFile({ config, security: [], matchKeys: [], version: "1.2.3", typesModule: "@nw/types", header: "h" });

describe("the generated client file", () => {
  test("imports the idempotency lookup only when the spec declares a key (pay for what you use)", () => {
    const without: string = render();
    expect(without).not.toContain("idempotency");
    const entry = { method: "POST", path: "/v1/orders", header: "Idempotency-Key" };
    const withKeys: string = renderClientFile({
      config,
      security: [],
      matchKeys: [],
      idempotency: [entry],
      version: "1.2.3",
      typesModule: "@nw/types",
      header: "h",
    });
    expect(withKeys).toContain('import { idempotencyLookup } from "./core/idempotency.js";');
    expect(withKeys).toContain(`idempotency: idempotencyLookup([${JSON.stringify(entry)}]),`);
  });

  test("declares every API-specific name from the config", () => {
    const text: string = render();
    const names = clientFileNames(config);
    expect(names.error).toBe("NorthWindError");
    for (const declaration of [
      "export class NorthWindError extends Error",
      'override name = "NorthWindApiError"',
      "export class NorthWindTimeoutError extends NorthWindConnectionError",
      "export function createNorthwind(options: NorthwindOptions = {}): Northwind",
      "export interface Northwind extends Client<paths",
      "export interface NorthWindLogger",
      'title: "Northwind"',
      "userAgent: `@nw/client/",
    ]) {
      expect(text).toContain(declaration);
    }
  });

  test("documents only the defaults the config gives: no rate limit when it has none", () => {
    const text: string = render();
    expect(text).toContain("export const DEFAULT_RATE_LIMIT: false = false;");
    expect(text).toContain("Default none (`false`)");
    expect(text).toContain("Default 5000.");
    expect(text).not.toMatch(/intervalMs: \d/);
  });

  test("the fixture's status classes are the one mapping the runtime uses", () => {
    expect(DEFAULT_RATE_LIMIT).toEqual({ limit: 100, intervalMs: 10_000 });
    expect(
      new ValidationError("m", { status: 422, errors: [], headers: {}, requestId: undefined, fieldErrors: {} }).name,
    ).toBe("ValidationError");
    expect(new ServerError("m", { status: 500, errors: [], headers: {}, requestId: undefined }).name).toBe(
      "ServerError",
    );
  });
});

describe("the core's sources", () => {
  test("name no API: every API word reaches them through the definition", async () => {
    const dir = new URL("../src/", import.meta.url);
    for (const file of await readdir(dir)) {
      const text = await readFile(new URL(file, dir), "utf8");
      expect({ file, found: text.match(/hatch|contact|acme|northwind/gi) }).toEqual({ file, found: null });
    }
  });
});
