import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { Journal, RowSet } from "../src/generated/runtime/journal.js";
import { csvRecords, lines } from "../src/generated/runtime/records.js";

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}
async function* chunked(text: string, size: number) {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

describe("csvRecords", () => {
  const text = '\uFEFFname,note\r\n"Dana, Jr.","said ""hi""\nthen left"\r\nLee,\n\n"",x\nlast,row';
  const expected = [
    ["name", "note"],
    ["Dana, Jr.", 'said "hi"\nthen left'],
    ["Lee", ""],
    ["", "x"],
    ["last", "row"],
  ];
  test.each([1, 2, 3, 7, 1000])(
    "parses quotes, escapes, line breaks in fields, CRLF and a BOM, in chunks of %i",
    async (size) => {
      expect(await collect(csvRecords(chunked(text, size)))).toEqual(expected);
    },
  );
  test("refuses a file that ends inside a quoted field", async () => {
    await expect(collect(csvRecords(chunked('a\n"open', 3)))).rejects.toThrow("inside a quoted field");
  });
});

test("lines splits on LF and CRLF across chunks and skips blank lines", async () => {
  expect(await collect(lines(chunked('{"a":1}\r\n\n{"b":2}\n{"c"', 4)))).toEqual(['{"a":1}', '{"b":2}', '{"c"']);
});

describe("the journal", () => {
  test("a row started and never answered is in doubt; answered or proven unsent, it is not", () => {
    const dir = mkdtempSync(join(tmpdir(), "cli-journal-"));
    try {
      const path = join(dir, "j");
      const journal = new Journal(path, "csv a.csv");
      journal.started(1);
      journal.done(1);
      journal.started(2);
      journal.started(3);
      journal.undone(3);
      journal.started(4);
      journal.close();
      const state = Journal.read(path, "csv a.csv");
      expect([...state.done.values()]).toEqual([1]);
      expect([...state.inDoubt.values()]).toEqual([2, 4]);
      expect(() => Journal.read(path, "csv b.csv")).toThrow("belongs to another input");
      writeFileSync(path, "# csv a.csv\ns 9\nd 9\ns 1", { flag: "w" }); // cut short by a crash
      expect([...Journal.read(path, "csv a.csv").inDoubt.values()]).toEqual([1]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("RowSet holds a million rows in a bitmap", () => {
    const set = new RowSet();
    for (let i = 0; i < 1_000_000; i += 3) set.add(i);
    expect(set.size).toBe(333_334);
    expect(set.has(999_999)).toBe(true);
    expect(set.has(999_998)).toBe(false);
    set.delete(999_999);
    expect(set.has(999_999)).toBe(false);
  });
});
