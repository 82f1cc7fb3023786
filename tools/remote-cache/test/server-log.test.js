// @ts-check
import { describe, expect, it } from "vitest";
import { listeningUrl, parseServerLogLine } from "../src/server-log.js";

describe("parseServerLogLine", () => {
  it("reads pino JSON lines and finds the bound URL", () => {
    const line = parseServerLogLine('{"level":30,"message":"Server listening at http://127.0.0.1:41234"}');
    expect(line.level).toBe(30);
    expect(listeningUrl(line)).toBe("http://127.0.0.1:41234");
  });

  it("adds an error's message to the line", () => {
    const line = parseServerLogLine(
      '{"level":50,"message":"request failed","err":{"message":"EACCES: permission denied"}}',
    );
    expect(line).toMatchObject({ level: 50, message: "request failed: EACCES: permission denied" });
    expect(listeningUrl(line)).toBeUndefined();
  });

  it("treats a line that is not JSON (a crash before the logger) as an error", () => {
    const line = parseServerLogLine("Error: Cannot find module 'fastify'");
    expect(line).toMatchObject({ level: 50, message: "Error: Cannot find module 'fastify'" });
  });
});
