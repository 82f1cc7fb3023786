// @ts-check
import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { isAlive, waitFor } from "../test/helpers.js";

const fixture = fileURLToPath(new URL("../test/fixtures/start-then-wait.js", import.meta.url));

it("leaves no Prism behind when the process that started it is SIGKILLed", async () => {
  // The fixture plays a test runner: it starts a mock, then gets killed with no chance to clean up.
  const runner = spawn(process.execPath, [fixture], { stdio: ["ignore", "pipe", "inherit"] });
  const [firstChunk] = await once(runner.stdout, "data");
  const { pid, url } = JSON.parse(String(firstChunk));
  expect(isAlive(pid)).toBe(true);
  expect((await fetch(`${url}/v1/contacts`, { method: "POST" })).status).toBe(401);

  runner.kill("SIGKILL");
  await once(runner, "exit");

  expect(await waitFor(() => !isAlive(pid), 5_000)).toBe(true);
  await expect(fetch(`${url}/v1/contacts`)).rejects.toThrow();
});
