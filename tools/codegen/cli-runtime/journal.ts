import { appendFileSync, closeSync, existsSync, openSync, readSync, writeSync } from "node:fs";
import { StringDecoder } from "node:string_decoder";

/** A growable bit set of row numbers: 1,000,000 rows cost 125 kB, so a resume stays flat in memory. */
export class RowSet {
  #bits = new Uint8Array(1024);
  #size = 0;
  get size(): number {
    return this.#size;
  }
  has(row: number): boolean {
    const byte = row >> 3;
    return byte < this.#bits.length && ((this.#bits[byte] as number) & (1 << (row & 7))) !== 0;
  }
  add(row: number): void {
    const byte = row >> 3;
    if (byte >= this.#bits.length) {
      const grown = new Uint8Array(Math.max(byte + 1, this.#bits.length * 2));
      grown.set(this.#bits);
      this.#bits = grown;
    }
    if (!this.has(row)) this.#size++;
    this.#bits[byte] = (this.#bits[byte] as number) | (1 << (row & 7));
  }
  delete(row: number): void {
    if (!this.has(row)) return;
    this.#size--;
    this.#bits[row >> 3] = (this.#bits[row >> 3] as number) & ~(1 << (row & 7));
  }
  *values(): Generator<number> {
    for (let byte = 0; byte < this.#bits.length; byte++) {
      const bits = this.#bits[byte] as number;
      if (bits === 0) continue;
      for (let bit = 0; bit < 8; bit++) if (bits & (1 << bit)) yield byte * 8 + bit;
    }
  }
}

export interface JournalState {
  /** Rows whose outcome was seen (accepted or rejected): never sent again. */
  done: RowSet;
  /** Rows handed to the API whose outcome was never seen (a crash): they may have been applied. */
  inDoubt: RowSet;
}

/**
 * The import's write-ahead journal, one line per event, appended synchronously so that a crash
 * (even `kill -9`) loses nothing written before it: `s <row>` just before a row is handed to the
 * client, `d <row>` once its response (accepted or rejected) is seen, `u <row>` when a failure
 * proves it was not applied (it may be sent again). The first line names the input, so a journal
 * is never applied to another file.
 */
export class Journal {
  readonly #fd: number;
  constructor(
    readonly path: string,
    identity: string,
  ) {
    const fresh = !existsSync(path);
    this.#fd = openSync(path, "a");
    if (fresh) writeSync(this.#fd, `# ${identity}\n`);
  }
  started(row: number): void {
    writeSync(this.#fd, `s ${row}\n`);
  }
  done(row: number): void {
    writeSync(this.#fd, `d ${row}\n`);
  }
  undone(row: number): void {
    writeSync(this.#fd, `u ${row}\n`);
  }
  close(): void {
    closeSync(this.#fd);
  }

  /**
   * Reads a journal; throws if it was written for another input. Read in chunks of `chunkBytes`:
   * a million rows' journal is about 18 MB of text, which read whole (as one string, then sliced)
   * would cost more memory at resume than the whole import does while it runs.
   */
  static read(path: string, identity: string, chunkBytes = 64 * 1024): JournalState {
    const state: JournalState = { done: new RowSet(), inDoubt: new RowSet() };
    if (!existsSync(path)) return state;
    const fd = openSync(path, "r");
    try {
      const buffer = Buffer.alloc(chunkBytes);
      const decoder = new StringDecoder("utf8"); // the identity line may hold a path's multi-byte characters
      let pending = "";
      let first = true;
      const apply = (line: string) => {
        if (first) {
          first = false;
          if (line !== `# ${identity}`) {
            throw new Error(`the journal ${path} belongs to another input (${line.slice(2)}); remove it to start over`);
          }
          return;
        }
        // A line cut short by a crash: its number is still whole or absent.
        const kind = line[0];
        const row = Number(line.slice(2));
        if (line.length < 3 || line[1] !== " " || !Number.isInteger(row)) return;
        if (kind === "s") state.inDoubt.add(row);
        else if (kind === "d") {
          state.inDoubt.delete(row);
          state.done.add(row);
        } else if (kind === "u") state.inDoubt.delete(row);
      };
      for (;;) {
        const read = readSync(fd, buffer, 0, chunkBytes, null);
        if (read === 0) break;
        const text = pending + decoder.write(buffer.subarray(0, read));
        let start = 0;
        for (let end = text.indexOf("\n"); end >= 0; end = text.indexOf("\n", start)) {
          apply(text.slice(start, end));
          start = end + 1;
        }
        pending = text.slice(start);
      }
      pending += decoder.end();
      if (pending !== "" || first) apply(pending);
    } finally {
      closeSync(fd);
    }
    return state;
  }
}

/** Appends one line to a file (the rejects file), creating it. */
export function appendLine(path: string, line: string): void {
  appendFileSync(path, `${line}\n`);
}
