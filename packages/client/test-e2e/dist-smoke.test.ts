import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";

// These run the BUILT package (dist/, via its package.json `exports`) in a separate `node` process:
// vitest's own module interop would hide a CJS build whose default import of openapi-fetch is broken.
const packageDir = fileURLToPath(new URL("..", import.meta.url));
const run = promisify(execFile);

/** A script body that upserts through an in-memory fetch and prints what happened as JSON. */
const exercise = `
  const seen = [];
  const hatch = createHatchClient({
    apiKey: "smoke-key",
    baseUrl: "https://smoke.test",
    fetch: async (request) => {
      seen.push({ method: request.method, url: request.url, auth: request.headers.get("authorization"),
        ua: request.headers.get("user-agent"), body: await request.text() });
      return seen.length === 1
        ? new Response("{}", { status: 503, headers: { "retry-after": "0" } })
        : new Response(JSON.stringify({ data: { id: "smoke-id" } }), { headers: { "content-type": "application/json" } });
    },
  });
  const result = await hatch.contacts.upsert({ source: "custom:smoke" });
  const raw = await hatch.PUT("/v1/contacts", { body: { source: "custom:raw" } });
  let validation;
  try {
    await createHatchClient({ apiKey: "k", fetch: async () => new Response(JSON.stringify({ errors: [
      { title: "Invalid", detail: "bad email", source: { pointer: "/data/attributes/email" } }] }), { status: 422 }) })
      .contacts.upsert({ source: "x" });
  } catch (error) {
    validation = { isValidation: error instanceof ValidationError, isBase: error instanceof HatchError, fieldErrors: error.fieldErrors };
  }
  console.log(JSON.stringify({ result, rawId: raw.data.data.id, seen, validation, version: VERSION }));
`;

const esm = `import { createHatchClient, HatchError, ValidationError, VERSION } from "@hatch-api/client";
(async () => { ${exercise} })().catch((e) => { console.error(e); process.exit(1); });`;

const cjs = `const { createHatchClient, HatchError, ValidationError, VERSION } = require("@hatch-api/client");
(async () => { ${exercise} })().catch((e) => { console.error(e); process.exit(1); });`;

async function runNode(args: string[]) {
  const { stdout } = await run(process.execPath, args, { cwd: packageDir, timeout: 20_000 });
  return JSON.parse(stdout.trim());
}

describe("the built package", () => {
  test.each([
    ["import()", ["--input-type=module", "-e", esm]],
    ["require()", ["--input-type=commonjs", "-e", cjs]],
  ])("%s resolves through exports and makes a call", async (_how, args) => {
    const pkg = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8"));
    const out = await runNode(args);
    expect(out.result).toEqual({ id: "smoke-id" });
    expect(out.rawId).toBe("smoke-id");
    expect(out.seen).toHaveLength(3); // a 503, its retry, the PUT
    expect(out.seen[0]).toEqual({
      method: "POST",
      url: "https://smoke.test/v1/contacts",
      auth: "Bearer smoke-key",
      ua: `@hatch-api/client/${pkg.version}`,
      body: JSON.stringify({ source: "custom:smoke" }),
    });
    expect(out.seen[1].body).toBe(out.seen[0].body);
    expect(out.seen[2].method).toBe("PUT");
    expect(out.validation).toEqual({ isValidation: true, isBase: true, fieldErrors: { email: ["bad email"] } });
    expect(out.version).toBe(pkg.version);
  });

  test("the built package bounds a stalled body by timeoutMs and refuses a redirect, over a real socket", async () => {
    // The server lives in the child process, so it ends with it even if this test fails.
    const script = `
      import { createServer } from "node:http";
      import { createHatchClient, HatchTimeoutError, HatchApiError } from "@hatch-api/client";
      const server = createServer((req, res) => {
        if (req.url.startsWith("/stall")) {
          res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
          res.write('{"data":');
        } else {
          res.writeHead(302, { location: "http://127.0.0.1:1/elsewhere" });
          res.end();
        }
      });
      await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
      const base = "http://127.0.0.1:" + server.address().port;
      const outcome = async (promise) => promise.then(() => "resolved", (e) => e.name + ":" + (e instanceof HatchTimeoutError || e instanceof HatchApiError));
      const stalled = createHatchClient({ apiKey: "k", baseUrl: base + "/stall", timeoutMs: 300, maxRetries: 0, rateLimit: false });
      const redirected = createHatchClient({ apiKey: "k", baseUrl: base, rateLimit: false });
      const result = {
        upsert: await outcome(stalled.contacts.upsert({ source: "custom:x" })),
        post: await outcome(stalled.POST("/v1/contacts", { body: { source: "custom:x" } })),
        redirect: await outcome(redirected.contacts.upsert({ source: "custom:x" })),
      };
      server.closeAllConnections();
      server.close();
      console.log(JSON.stringify(result));
    `;
    const out = await runNode(["--input-type=module", "-e", script]);
    expect(out).toEqual({
      upsert: "HatchTimeoutError:true",
      post: "HatchTimeoutError:true",
      redirect: "HatchApiError:true",
    });
  });

  test("the import and require entries are the ESM and CJS builds", async () => {
    const out = await runNode([
      "--input-type=module",
      "-e",
      `import { createRequire } from "node:module";
       const require = createRequire(process.cwd() + "/");
       console.log(JSON.stringify({ esm: import.meta.resolve("@hatch-api/client"), cjs: require.resolve("@hatch-api/client") }));`,
    ]);
    expect(out.esm).toMatch(/\/dist\/index\.js$/);
    expect(out.cjs).toMatch(/\/dist\/index\.cjs$/);
  });

  test.each(["dist/index.js", "dist/index.cjs"])(
    "%s imports no Node built-ins and has the version baked in",
    async (file) => {
      const code = await readFile(new URL(`../${file}`, import.meta.url), "utf8");
      const specifiers = [...code.matchAll(/(?:from\s+|require\()\s*["']([^"']+)["']/g)].map((m) => m[1]);
      expect(specifiers.sort()).toEqual(["openapi-fetch"]);
      expect(code).not.toContain("__HATCH_CLIENT_VERSION__");
      expect(code).not.toMatch(/process\.env\.HATCH_API_KEY/); // read through the guarded readEnv only
    },
  );
});
