import { describe, expect, test } from "vitest";
import { raceStop } from "../src/abort.ts";

describe("raceStop: the exchange against the attempt's abort or timeout", () => {
  const never = new Promise<never>(() => {});

  test("settles as the work does while the stop has not come", async () => {
    await expect(raceStop(Promise.resolve("page"), never)).resolves.toBe("page");
    await expect(raceStop(Promise.reject(new Error("reset")), never)).rejects.toThrow("reset");
  });

  test("rejects with the stop's reason when the stop comes first", async () => {
    const stop = Promise.reject(new Error("aborted"));
    await expect(raceStop(never, stop)).rejects.toThrow("aborted");
  });

  test("a work that fails after the stop won is handled (no unhandled rejection)", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      let fail: (reason: unknown) => void = () => {};
      const work = new Promise<string>((_, reject) => {
        fail = reject;
      });
      await expect(raceStop(work, Promise.reject(new Error("timed out")))).rejects.toThrow("timed out");
      fail(new Error("fetch aborted too"));
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });
});
