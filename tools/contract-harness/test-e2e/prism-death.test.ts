import { execFileSync } from "node:child_process";
import { defaultSpecPath } from "@sdkit/mock";
import { afterEach, expect, it } from "vitest";
import type { TestProject } from "vitest/node";
import type { ContractTarget } from "../src/support/target.js";
import { contractGlobalSetup } from "../src/vitest.js";

/** Pids of this process's children running Prism: the one the global setup starts. */
function prismChildren(): number[] {
  const out = execFileSync("ps", ["-o", "pid=,args=", "--ppid", String(process.pid)], { encoding: "utf8" });
  return out
    .split("\n")
    .filter((line) => /prism/i.test(line))
    .map((line) => Number.parseInt(line.trim(), 10))
    .filter((pid) => Number.isInteger(pid) && pid > 0);
}

let teardown: (() => Promise<void>) | undefined;
afterEach(async () => {
  await teardown?.().catch(() => {});
  teardown = undefined;
});

// A Prism that dies mid-run (a crash, the OOM killer) used to leave every later test a bare
// ECONNREFUSED: the tests now read a 502 saying so, and the run ends with that one line.
it("a Prism that dies during the run: requests get the reason, the run ends with it", { timeout: 60_000 }, async () => {
  const before = new Set(prismChildren());
  let target: ContractTarget | undefined;
  const project = {
    provide: (_key: string, value: ContractTarget) => {
      target = value;
    },
  } as unknown as TestProject;
  const setup = contractGlobalSetup({
    specPath: defaultSpecPath(),
    apiKeyEnv: "SDKIT_TEST_KEY",
    providerUrlEnv: "SDKIT_TEST_URL",
  });
  teardown = await setup(project);
  const prism = prismChildren().filter((pid) => !before.has(pid));
  expect(prism).toHaveLength(1);
  process.kill(-(prism[0] as number), "SIGKILL");

  // The front answers on Prism's behalf once it has seen the exit.
  let answer: { status: number; body: { error?: string } } | undefined;
  for (let attempt = 0; attempt < 100; attempt++) {
    const response = await fetch(`${target?.baseUrl}/`);
    answer = { status: response.status, body: await response.json().catch(() => ({})) };
    if (answer.status === 502 && answer.body.error?.includes("exited on its own")) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(answer?.status).toBe(502);
  expect(answer?.body.error).toMatch(/^the mock's Prism exited on its own \(signal SIGKILL\) while serving/);

  const ending = teardown;
  teardown = undefined;
  await expect(ending()).rejects.toThrow(/^contract tests: the mock's Prism exited on its own \(signal SIGKILL\)/);
});
