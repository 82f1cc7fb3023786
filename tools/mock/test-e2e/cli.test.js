// @ts-check
import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
// Test helpers of this repository, by path: as devDependencies their names would be in the published manifest.
import { runNode } from "../../test-support/src/exec.js";
import { holdPort } from "../test/helpers.js";

const cli = fileURLToPath(new URL("../src/cli.js", import.meta.url));

describe("mock CLI", () => {
  it("prints the URL, serves the spec and stops cleanly on SIGINT", async () => {
    const child = spawn(process.execPath, [cli, "--port", "0", "--quiet"], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    const url = await new Promise((resolve, reject) => {
      child.stdout.on("data", (chunk) => {
        output += chunk;
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match) resolve(match[1]);
      });
      child.once("exit", () => reject(new Error(`CLI exited early:\n${output}`)));
    });
    const response = await fetch(`${url}/v1/contacts`, {
      method: "PUT",
      headers: { authorization: "Bearer test", "content-type": "application/json" },
      body: JSON.stringify({ source: "custom:cli-test" }),
    });
    expect(response.status).toBe(200);

    child.kill("SIGINT");
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
    expect(output).toContain("mock stopped (SIGINT)");
    await expect(fetch(`${url}/v1/contacts`)).rejects.toThrow();
  });

  it("names the served API and prints a curl of its first operation, which the mock answers", async () => {
    const spec = fileURLToPath(new URL("../test/fixtures/pets.yaml", import.meta.url));
    const child = spawn(process.execPath, [cli, "--spec", spec, "--port", "0", "--quiet"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    try {
      await new Promise((resolve, reject) => {
        child.stdout.on("data", (chunk) => {
          output += chunk;
          if (output.includes("Press Ctrl-C to stop.")) resolve(undefined);
        });
        child.once("exit", () => reject(new Error(`CLI exited early:\n${output}`)));
      });
      const url = /Petstore mock \(Prism [\d.]+\) listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      expect(url, output).toBeDefined();
      // The document's first operation, its path parameter and body from the examples, the mock's key.
      expect(output).toContain(`curl --request POST "${url}/pets/rex/toys"`);
      expect(output).toContain('--header "Authorization: Bearer test"');
      expect(output).toContain('"name": "ball"');
      expect(output).not.toMatch(/contact|hatch/i);
      const response = await fetch(`${url}/pets/rex/toys`, {
        method: "POST",
        headers: { authorization: "Bearer test", "content-type": "application/json" },
        body: JSON.stringify({ name: "ball" }),
      });
      expect(response.status).toBe(201);
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = once(child, "exit");
        child.kill("SIGINT");
        await exited;
      }
    }
  });

  it("exits 1 naming the path when the spec is missing", async () => {
    const { code, output } = await runNode([cli, "--spec", "/nonexistent/openapi.json"]);
    expect(code).toBe(1);
    expect(output).toContain("spec not found at /nonexistent/openapi.json");
  });

  it("exits 1 with a one-line reason when the port is taken", async () => {
    const held = await holdPort();
    try {
      const { code, output } = await runNode([cli, "--port", String(held.port)]);
      expect(code).toBe(1);
      expect(output).toContain(`port ${held.port} on 127.0.0.1 is already in use`);
      expect(output).not.toContain("Prism log");
    } finally {
      await held.close();
    }
  });

  it("exits 2 with usage on a bad option", async () => {
    const bad = await runNode([cli, "--port", "forty"]);
    expect(bad.code).toBe(2);
    expect(bad.output).toContain('--port must be 0..65535, got "forty"');
    const unknown = await runNode([cli, "--colour"]);
    expect(unknown.code).toBe(2);
    expect(unknown.output).toContain("Usage: sdkit-mock");
  });
});
