import { statSync } from "node:fs";
import { resolve } from "node:path";
import type { Readable } from "node:stream";
import { convertValue, setPath, UsageError } from "./arguments.js";
import type { CommandSpec, OperationRef, OptionSpec } from "./command-spec.js";
import { classifyStatus, classifyThrown, EXIT } from "./exit-codes.js";
import { appendLine, Journal, RowSet } from "./journal.js";
import { csvRecords, lines, textChunks } from "./records.js";

/** The header that carries a row's number from the import to its fetch, removed before sending. */
export const ROW_HEADER = "x-sdkit-bulk-row";
/** The column (CSV) or key (NDJSON) the rejects file adds; ignored when the file is fed back. */
export const ERRORS_COLUMN = "_errors";

export interface BulkSettings {
  file: string;
  format: "csv" | "ndjson";
  /** column (or key) → body field (dotted) */
  maps: Map<string, string>;
  /** Where columns that are no body field go (a free-form object field), if anywhere. */
  unknownInto: string | undefined;
  concurrency: number;
  journalPath: string;
  rejectsPath: string;
  resendInDoubt: boolean;
  progress: "tty" | "plain";
  progressEveryMs: number;
}

export interface BulkIo {
  stdin: Readable;
  stderr: (text: string) => void;
  /** Aborts the run as Ctrl-C does: no new row starts, rows in flight finish. */
  signal: AbortSignal;
  now?: () => number;
}

export interface BulkSummary {
  file: string;
  rows: number;
  accepted: number;
  rejected: number;
  failed: number;
  skipped: number;
  inDoubt: number;
  sent: number;
  retries: number;
  seconds: number;
  perSecond: number;
  rejectsFile: string | undefined;
  journal: string;
  interrupted: boolean;
}

type Row = { row: number; line: number; body?: unknown; errors?: Record<string, string[]>; original: unknown };
type Send = (
  body: unknown,
  row: number,
  signal: AbortSignal,
) => Promise<{ response?: Response; error?: unknown; data?: unknown }>;
/** What the client is created with for a bulk run: a fetch that journals each attempt as it leaves. */
export type Fetch = (input: Request, init?: RequestInit) => Promise<Response>;

/** The body options of a command by name, and the top-level fields a row may set as they are. */
function fieldsOf(spec: CommandSpec, unknownInto: string | undefined) {
  const byName = new Map<string, OptionSpec>();
  for (const option of spec.options) if (option.in === "body") byName.set(option.name, option);
  const top = new Set(spec.options.filter((o) => o.in === "body").map((o) => o.key[0] as string));
  if (unknownInto) top.add(unknownInto);
  return { byName, top };
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Rows of the input: each with its body, or the errors that keep it from being sent. */
async function* rowsOf(
  spec: CommandSpec,
  settings: BulkSettings,
  stdin: Readable,
  onHeader: (header: string[]) => void,
): AsyncGenerator<Row> {
  const { byName, top } = fieldsOf(spec, settings.unknownInto);
  const target = (column: string) => settings.maps.get(column) ?? column;
  const chunks = textChunks(settings.file, stdin);
  if (settings.format === "csv") {
    let header: string[] | undefined;
    let row = 0;
    let line = 1;
    for await (const record of csvRecords(chunks)) {
      if (!header) {
        header = record.map((h) => h.trim());
        const unknown = header.filter(
          (h) => h !== ERRORS_COLUMN && !byName.has(target(h)) && !top.has(target(h).split(".")[0] as string),
        );
        if (unknown.length > 0 && !settings.unknownInto) {
          throw new UsageError(
            `columns that are no field of the body: ${unknown.join(", ")}; map them (--map column=field) or collect them (--unknown-into <field>)`,
          );
        }
        onHeader(header);
        continue;
      }
      line++;
      const body: Record<string, unknown> = {};
      const errors: Record<string, string[]> = {};
      header.forEach((column, i) => {
        const text = record[i] ?? "";
        if (text === "" || column === ERRORS_COLUMN) return;
        const field = target(column);
        const option = byName.get(field);
        try {
          if (option) setPath(body, option.key, convertValue(option, text.trim()), option.name);
          else if (top.has(field.split(".")[0] as string)) setPath(body, field.split("."), text, field);
          else setPath(body, [settings.unknownInto as string, column], text, column);
        } catch (error) {
          errors[field] = [(error as Error).message];
        }
      });
      yield Object.keys(errors).length > 0
        ? { row: row++, line, errors, original: record }
        : { row: row++, line, body, original: record };
    }
    return;
  }
  let row = 0;
  let line = 0;
  for await (const text of lines(chunks)) {
    line++;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      yield {
        row: row++,
        line,
        errors: { [ERRORS_COLUMN]: [`not JSON: ${(error as Error).message}`] },
        original: text,
      };
      continue;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      yield { row: row++, line, errors: { [ERRORS_COLUMN]: ["not a JSON object"] }, original: value };
      continue;
    }
    const body: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (key === ERRORS_COLUMN) continue;
      const field = target(key);
      if (top.has(field.split(".")[0] as string) || !settings.unknownInto) setPath(body, field.split("."), item, field);
      else setPath(body, [settings.unknownInto, key], item, key);
    }
    yield { row: row++, line, body, original: value };
  }
}

/** Field errors of a JSON:API error body, by the pointer's last segment. */
function fieldErrorsOf(body: unknown): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  const items = (body as { errors?: unknown })?.errors;
  if (!Array.isArray(items)) return { [ERRORS_COLUMN]: ["rejected"] };
  for (const item of items) {
    const pointer = typeof item?.source?.pointer === "string" ? item.source.pointer : "";
    const field = pointer.split("/").filter(Boolean).at(-1) ?? ERRORS_COLUMN;
    const messages = fields[field] ?? [];
    messages.push(String(item?.detail ?? item?.title ?? "invalid"));
    fields[field] = messages;
  }
  return fields;
}

/**
 * Sends one request per row of a CSV or NDJSON file through the client (its limiter paces them,
 * its retries absorb 429s), `concurrency` at a time, reading the file as it goes so memory stays
 * flat. Resumable: see Journal. Rows the API rejects (an invalid status, 400 or 422) are appended to
 * the rejects file with their field errors in `_errors`, in the input's own format, ready to be
 * fixed and fed back.
 */
export async function runBulk(
  spec: CommandSpec,
  operation: OperationRef,
  makeSend: (fetch: Fetch) => Send,
  settings: BulkSettings,
  io: BulkIo,
  prefix: string,
) {
  const now = io.now ?? (() => performance.now());
  const began = now();
  const identity = `${settings.format} ${resolve(settings.file)}${settings.file === "-" ? "" : ` ${statSync(settings.file).size} bytes`} → ${operation.method} ${operation.path}`;
  const state = Journal.read(settings.journalPath, identity);
  const journal = new Journal(settings.journalPath, identity);
  const totalBytes = settings.file === "-" ? undefined : statSync(settings.file).size;
  const counts = { rows: 0, accepted: 0, rejected: 0, failed: 0, skipped: 0, inDoubt: 0, sent: 0, retries: 0 };
  const attempted = new RowSet();
  let header: string[] | undefined;
  let rejectsWritten = false;
  let fatal: { code: number; error: Record<string, unknown> } | undefined;
  const reject = (row: Row, errors: Record<string, string[]>) => {
    if (settings.format === "csv") {
      if (!rejectsWritten) appendLine(settings.rejectsPath, [...(header ?? []), ERRORS_COLUMN].map(csvCell).join(","));
      const cells = [...(header ?? []).map((_, i) => (row.original as string[])[i] ?? ""), JSON.stringify(errors)];
      appendLine(settings.rejectsPath, cells.map(csvCell).join(","));
    } else {
      const original =
        typeof row.original === "object" && row.original !== null
          ? row.original
          : { [`${ERRORS_COLUMN}Input`]: row.original };
      appendLine(settings.rejectsPath, JSON.stringify({ ...original, [ERRORS_COLUMN]: errors }));
    }
    rejectsWritten = true;
  };

  const stop = new AbortController();
  // Each row waiting for a permit has its own controller, dropped once its request is handed to
  // the network: stopping aborts only those. Aborting a request already sent would not unsend
  // it, and the row would be journaled as not applied though the server may have it (sent twice
  // on the rerun); instead rows in flight finish and their answers are journaled.
  const queued = new Map<number, AbortController>();
  stop.signal.addEventListener("abort", () => {
    for (const controller of queued.values()) controller.abort(stop.signal.reason);
  });
  const onAbort = () => stop.abort(io.signal.reason);
  io.signal.addEventListener("abort", onAbort, { once: true });

  // Progress: a line redrawn in place on a terminal, a plain line now and then otherwise.
  let lastPrinted = began;
  const progressLine = () => {
    const seconds = (now() - began) / 1000;
    const done = counts.accepted + counts.rejected;
    const rate = seconds > 0 ? done / seconds : 0;
    const read = totalBytes ? ` ${Math.min(100, Math.round((bytesRead / totalBytes) * 100))}%` : "";
    const eta =
      totalBytes && bytesRead > 0 && rate > 0 ? ` ETA ${Math.round(seconds * (totalBytes / bytesRead - 1))} s` : "";
    return `${done} rows${read} (${counts.accepted} ok, ${counts.rejected} rejected, ${counts.failed} failed, ${counts.skipped} skipped), ${rate.toFixed(1)}/s, ${counts.retries} retries${eta}`;
  };
  let bytesRead = 0;
  const timer = setInterval(
    () => {
      if (settings.progress === "tty") io.stderr(`\r\x1b[2K${progressLine()}`);
      else if (now() - lastPrinted >= settings.progressEveryMs) {
        lastPrinted = now();
        io.stderr(`${progressLine()}\n`);
      }
    },
    settings.progress === "tty" ? 250 : Math.min(1000, settings.progressEveryMs),
  );
  timer.unref();

  // Called by the client at the moment an attempt is handed to the network (inside the limiter's
  // grant): the row is journaled as started then, not while it waits for a permit.
  const journaledFetch: Fetch = (request, init) => {
    const row = Number(request.headers.get(ROW_HEADER));
    request.headers.delete(ROW_HEADER);
    if (Number.isInteger(row)) {
      queued.delete(row);
      if (attempted.has(row)) counts.retries++;
      attempted.add(row);
      journal.started(row);
    }
    return fetch(request, init);
  };
  const send = makeSend(journaledFetch);
  const inFlight = new Set<Promise<void>>();
  const sendRow = async (row: Row) => {
    counts.sent++;
    const controller = new AbortController();
    queued.set(row.row, controller);
    try {
      const { response, error } = await send(row.body, row.row, controller.signal);
      if (response?.ok) {
        counts.accepted++;
        journal.done(row.row);
        return;
      }
      if (response) {
        const { code, errorClass } = classifyStatus(response.status, prefix);
        if (code === EXIT.invalid) {
          counts.rejected++;
          reject(row, fieldErrorsOf(error));
          journal.done(row.row);
          return;
        }
        counts.failed++;
        // Statuses that no other row can pass (a bad key): stop the import.
        if (code === EXIT.auth || code === EXIT.notFound) {
          fatal ??= {
            code,
            error: { class: errorClass, status: response.status, message: `row ${row.line}: ${response.status}` },
          };
          stop.abort();
        }
        return;
      }
    } catch (thrown) {
      if (controller.signal.aborted) {
        journal.undone(row.row); // aborted while queued in the limiter: never sent
        counts.sent--;
        return;
      }
      counts.failed++;
      if ((thrown as { mayHaveBeenApplied?: unknown })?.mayHaveBeenApplied === false) journal.undone(row.row);
      const { code, errorClass } = classifyThrown(thrown, prefix);
      if (code === EXIT.connection || code === EXIT.unexpected) {
        fatal ??= { code, error: { class: errorClass, message: (thrown as Error)?.message ?? String(thrown) } };
        stop.abort();
      }
    } finally {
      queued.delete(row.row);
    }
  };

  try {
    const source = rowsOf(spec, settings, io.stdin, (h) => {
      header = h;
    });
    for await (const row of source) {
      counts.rows++;
      bytesRead = totalBytes ? Math.min(totalBytes, bytesRead + estimateBytes(row.original)) : 0;
      if (stop.signal.aborted) break;
      if (state.done.has(row.row)) {
        counts.skipped++;
        continue;
      }
      if (state.inDoubt.has(row.row) && !settings.resendInDoubt) {
        counts.inDoubt++;
        reject(row, {
          [ERRORS_COLUMN]: [
            "in doubt: sent before a crash and its answer never seen, so it may have been applied; check it, or rerun with --resend-in-doubt",
          ],
        });
        continue;
      }
      if (row.errors) {
        counts.rejected++;
        reject(row, row.errors);
        journal.done(row.row);
        continue;
      }
      while (inFlight.size >= settings.concurrency) await Promise.race(inFlight);
      const task = sendRow(row).finally(() => inFlight.delete(task));
      inFlight.add(task);
    }
    await Promise.all(inFlight);
  } finally {
    clearInterval(timer);
    io.signal.removeEventListener("abort", onAbort);
    journal.close();
    if (settings.progress === "tty") io.stderr(`\r\x1b[2K${progressLine()}\n`);
  }
  const seconds = (now() - began) / 1000;
  const summary: BulkSummary = {
    file: settings.file,
    rows: counts.rows,
    accepted: counts.accepted,
    rejected: counts.rejected,
    failed: counts.failed,
    skipped: counts.skipped,
    inDoubt: counts.inDoubt,
    sent: counts.sent,
    retries: counts.retries,
    seconds: Math.round(seconds * 10) / 10,
    perSecond: seconds > 0 ? Math.round(((counts.accepted + counts.rejected) / seconds) * 10) / 10 : 0,
    rejectsFile: rejectsWritten ? settings.rejectsPath : undefined,
    journal: settings.journalPath,
    interrupted: io.signal.aborted,
  };
  let code: number = EXIT.ok;
  if (fatal) code = fatal.code;
  else if (io.signal.aborted) code = 130;
  else if (counts.failed > 0) code = EXIT.server;
  else if (counts.rejected > 0 || counts.inDoubt > 0) code = EXIT.invalid;
  return { summary, code, fatal: fatal?.error };
}

/** About how many bytes a row took in the file (for the progress percentage). */
function estimateBytes(original: unknown): number {
  if (Array.isArray(original)) return original.reduce((n: number, cell) => n + String(cell).length + 1, 0);
  return typeof original === "string" ? original.length + 1 : JSON.stringify(original).length + 1;
}
