// A form body written as its document declares each field (`encoding`: style and explode), the
// way servers that declare `deepObject` read it (`metadata[key]=value`, `items[0][price]=p`).
import { describe, expect, test } from "vitest";
import { encodeForm, formEncoder } from "../src/body-encoding.ts";

/** The form's pairs in order, decoded: what the server reads. */
function pairs(body: BodyInit | undefined): Array<[string, string]> {
  expect(body).toBeInstanceOf(URLSearchParams);
  return [...(body as URLSearchParams).entries()];
}

describe("formEncoder", () => {
  test("deepObject: nested objects and arrays as bracketed keys, array items by index", () => {
    const encode = formEncoder({ metadata: { style: "deepObject", explode: true }, items: { style: "deepObject" } });
    const body = encode({
      name: "Ada",
      metadata: { plan: "pro", limits: { seats: 3 } },
      items: [{ price: "p_1", quantity: 2 }, { price: "p_2" }],
    });
    expect(pairs(body)).toEqual([
      ["name", "Ada"],
      ["metadata[plan]", "pro"],
      ["metadata[limits][seats]", "3"],
      ["items[0][price]", "p_1"],
      ["items[0][quantity]", "2"],
      ["items[1][price]", "p_2"],
    ]);
  });

  test("deepObject: an array of scalars by index; empty, null and undefined leaves send nothing", () => {
    const encode = formEncoder({ expand: { style: "deepObject" }, meta: { style: "deepObject" } });
    expect(
      pairs(encode({ expand: ["customer", "invoice"], meta: { a: null, b: undefined, c: [], d: {}, e: false } })),
    ).toEqual([
      ["expand[0]", "customer"],
      ["expand[1]", "invoice"],
      ["meta[e]", "false"],
    ]);
  });

  test("a date inside a deepObject field is a leaf (its ISO string), not an object to open", () => {
    const when = new Date("2026-01-02T03:04:05.000Z");
    const encode = formEncoder({ event: { style: "deepObject" } });
    expect(pairs(encode({ event: { at: when } }))).toEqual([["event[at]", "2026-01-02T03:04:05.000Z"]]);
  });

  test("form, not exploded: one value, items (or keys and values) joined by commas", () => {
    const encode = formEncoder({ tags: { style: "form", explode: false }, point: { explode: false } });
    expect(pairs(encode({ tags: ["a", "b"], point: { x: 1, y: 2 } }))).toEqual([
      ["tags", "a,b"],
      ["point", "x,1,y,2"],
    ]);
  });

  test("spaceDelimited and pipeDelimited arrays, not exploded", () => {
    const encode = formEncoder({
      words: { style: "spaceDelimited", explode: false },
      ids: { style: "pipeDelimited", explode: false },
    });
    expect(pairs(encode({ words: ["a", "b"], ids: [1, 2, 3] }))).toEqual([
      ["words", "a b"],
      ["ids", "1|2|3"],
    ]);
  });

  test("fields without a declared encoding are written as encodeForm writes them", () => {
    const body = { tags: ["x", "y"], profile: { a: 1 }, n: 2 };
    const encode = formEncoder({ other: { style: "deepObject" } });
    expect(pairs(encode(body))).toEqual(pairs(encodeForm(body)));
    expect(pairs(encode(body))).toEqual([
      ["tags", "x"],
      ["tags", "y"],
      ["profile", '{"a":1}'],
      ["n", "2"],
    ]);
  });

  test("no body stays no body; a field named like an Object.prototype member is not an encoding", () => {
    const encode = formEncoder({});
    expect(encode(undefined)).toBeUndefined();
    expect(pairs(encode({ toString: "x", constructor: { a: 1 } }))).toEqual([
      ["toString", "x"],
      ["constructor", '{"a":1}'],
    ]);
  });
});
