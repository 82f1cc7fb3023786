import { createReadStream } from "node:fs";
import type { Readable } from "node:stream";

/**
 * Streams the records of a CSV text (RFC 4180: quoted fields with `""` escapes and line breaks,
 * CRLF or LF, a leading BOM dropped), one array of fields per record, holding one record at a time.
 */
export async function* csvRecords(chunks: AsyncIterable<string>): AsyncGenerator<string[]> {
  let field = "";
  let record: string[] = [];
  let quoted = false;
  /** In a quoted field, a quote was just read: either an escape (`""`) or the closing quote. */
  let quoteSeen = false;
  let first = true;
  let pendingCr = false;
  for await (let chunk of chunks) {
    if (first) {
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      first = false;
    }
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (pendingCr) {
        pendingCr = false;
        if (c === 10) {
          start = i + 1;
          continue;
        }
      }
      if (quoted) {
        if (quoteSeen) {
          quoteSeen = false;
          if (c === 34) {
            field += '"';
            start = i + 1;
            continue;
          }
          quoted = false; // the quote closed the field: fall through to read c unquoted
        } else {
          if (c === 34) {
            field += chunk.slice(start, i);
            quoteSeen = true;
            start = i + 1;
          }
          continue;
        }
      }
      if (c === 34 && field === "" && start === i) {
        quoted = true;
        start = i + 1;
      } else if (c === 44) {
        record.push(field + chunk.slice(start, i));
        field = "";
        start = i + 1;
      } else if (c === 10 || c === 13) {
        record.push(field + chunk.slice(start, i));
        field = "";
        start = i + 1;
        pendingCr = c === 13;
        if (!(record.length === 1 && record[0] === "")) yield record; // skip blank lines
        record = [];
      }
    }
    if (quoted && !quoteSeen) field += chunk.slice(start);
    else if (!quoted) field += chunk.slice(start);
  }
  if (quoteSeen) quoted = false;
  if (quoted) throw new Error("the CSV ends inside a quoted field");
  if (field !== "" || record.length > 0) {
    record.push(field);
    yield record;
  }
}

/** Streams the lines of a text, without their line breaks; blank lines skipped. */
export async function* lines(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let rest = "";
  for await (const chunk of chunks) {
    rest += chunk;
    let newline = rest.indexOf("\n");
    while (newline >= 0) {
      const line = rest.slice(0, newline).replace(/\r$/, "");
      rest = rest.slice(newline + 1);
      if (line.trim() !== "") yield line;
      newline = rest.indexOf("\n");
    }
  }
  if (rest.trim() !== "") yield rest.replace(/\r$/, "");
}

/** A file (or `-`, standard input) as a stream of UTF-8 text chunks. */
export function textChunks(path: string, stdin: Readable): AsyncIterable<string> {
  const stream = path === "-" ? stdin : createReadStream(path, { highWaterMark: 1 << 16 });
  stream.setEncoding("utf8");
  return stream as AsyncIterable<string>;
}
