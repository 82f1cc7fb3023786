import { describe, expect, test } from "vitest";
import { ERROR_CLASSES, type MappedErrorStatus } from "../src/core/error-classes.js";
import { errorFromResponse } from "../src/error-from-response.js";
import { createRedactor } from "../src/redaction.js";

/** A concrete status for a table key: `5XX` → 500, `default` → 418 (a status nothing else maps). */
function statusOf(key: MappedErrorStatus): number {
  if (key === "default") return 418;
  if (key === "5XX") return 500;
  return key;
}

describe("ERROR_CLASSES, the table the generated SDK types its errors with", () => {
  test.each(Object.keys(ERROR_CLASSES))("%s is what errorFromResponse really throws", (raw) => {
    const key = (/^\d+$/.test(raw) ? Number(raw) : raw) as MappedErrorStatus;
    const response = new Response(JSON.stringify({ errors: [] }), { status: statusOf(key) });
    const error = errorFromResponse(response, { errors: [] }, createRedactor("k"));
    // The exact class, not a parent: a table entry of HatchApiError for 404 would fail here.
    expect(error.constructor).toBe(ERROR_CLASSES[key]);
    expect(error.status).toBe(statusOf(key));
  });
});
