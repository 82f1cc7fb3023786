// @ts-check
import { describe, expect, it } from "vitest";
import { nextMinorForFixedGroup } from "../src/versions.js";

describe("nextMinorForFixedGroup", () => {
  it("bumps the highest member's minor and resets the patch", () => {
    expect(nextMinorForFixedGroup(["0.1.0", "0.1.0"])).toBe("0.2.0");
    expect(nextMinorForFixedGroup(["1.2.3", "1.4.1"])).toBe("1.5.0");
    expect(nextMinorForFixedGroup(["2.0.0", "10.0.0"])).toBe("10.1.0");
  });

  it("rejects versions it cannot reason about", () => {
    expect(() => nextMinorForFixedGroup(["1.0.0-beta.1"])).toThrow(
      'Expected a plain x.y.z version, got "1.0.0-beta.1"',
    );
  });
});
