import { mkdir, rm, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { join } from "node:path";
import { type StaticServer, startStaticServer } from "@sdkit/docs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scratchDir } from "../test/helpers.js";

let root: string;
let server: StaticServer;

beforeAll(async () => {
  const dir = await scratchDir("server");
  root = join(dir, "site");
  await mkdir(join(root, "assets"), { recursive: true });
  await writeFile(join(root, "index.html"), "<h1>home</h1>");
  await writeFile(join(root, "assets", "site.css"), "body{}");
  await writeFile(join(dir, "secret.txt"), "outside the site");
  server = await startStaticServer({ root });
});
afterAll(async () => {
  await server?.close();
  await rm(join(root, ".."), { recursive: true, force: true });
});

/** A raw request, so paths like `/../x` reach the server unnormalised (fetch would clean them). */
function get(path: string, method = "GET"): Promise<{ status: number; type: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { method }, (res) => {
      let body = "";
      res.on("data", (chunk) => {
        body += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, type: res.headers["content-type"], body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("startStaticServer", () => {
  it("listens on a free loopback port when asked for port 0", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).not.toMatch(/:0$/);
  });

  it("serves files with their content type, and index.html for /", async () => {
    expect(await get("/")).toEqual({ status: 200, type: "text/html; charset=utf-8", body: "<h1>home</h1>" });
    expect(await get("/assets/site.css")).toEqual({ status: 200, type: "text/css; charset=utf-8", body: "body{}" });
    expect((await get("/index.html?v=1#top")).body).toBe("<h1>home</h1>");
  });

  it("answers 404 for missing files and for paths that leave the root", async () => {
    expect((await get("/missing.html")).status).toBe(404);
    expect((await get("/../secret.txt")).status).toBe(404);
    expect((await get("/%2e%2e/secret.txt")).status).toBe(404);
    expect((await get("/assets/%2e%2e/%2e%2e/secret.txt")).status).toBe(404);
    expect((await get("/%E0%A4%A")).status).toBe(404);
  });

  it("answers HEAD without a body and refuses other methods", async () => {
    expect(await get("/", "HEAD")).toMatchObject({ status: 200, body: "" });
    expect((await get("/", "POST")).status).toBe(405);
  });

  it("stops listening when closed", async () => {
    const other = await startStaticServer({ root });
    await other.close();
    await expect(fetch(`${other.url}/`)).rejects.toThrow();
  });
});
