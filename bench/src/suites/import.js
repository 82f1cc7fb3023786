// @ts-check
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { metric } from "../metric.js";

const require = createRequire(import.meta.url);
/** The built `hatch` bin of @hatch-api/cli. */
const BIN = join(dirname(require.resolve("@hatch-api/cli/package.json")), "dist/bin.mjs");

/**
 * Writes a CSV of `rows` contacts (with an unknown column, so every row also builds `details`),
 * streamed, so the file's size costs this process nothing.
 *
 * @param {string} file
 * @param {number} rows
 */
async function writeCsv(file, rows) {
  const out = createWriteStream(file);
  out.write("firstName,email,externalID,source,Favourite Colour\n");
  for (let i = 0; i < rows; i++) {
    if (!out.write(`Dana ${i},dana${i}@example.com,${i},custom:bench,blue\n`)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

/**
 * Runs the import of `rows` rows (by default with the rate limit off) against a 127.0.0.1 server
 * in this process, under GNU time, and returns the import's peak RSS (MB), its wall time and rate,
 * and how many requests the server's `admit` rule turned away with a 429.
 *
 * @param {string} dir
 * @param {number} rows
 * @param {{ args?: string[], admit?: () => boolean }} [options]
 */
async function importOnce(
  dir,
  rows,
  { args = ["--rate-limit", "off", "--concurrency", "32"], admit = () => true } = {},
) {
  const file = join(dir, `rows-${rows}.csv`);
  await writeCsv(file, rows);
  rmSync(`${file}.journal`, { force: true });
  let received = 0;
  let tooMany = 0;
  const server = createServer((req, res) => {
    // Judged when the request arrives (its headers parsed), as a server counting arrivals does.
    if (!admit()) {
      tooMany++;
      req.resume();
      res.writeHead(429, { "content-type": "application/json", "retry-after": "1" });
      res.end('{"errors":[{"status":"429","title":"Too Many Requests"}]}');
      return;
    }
    req.resume();
    req.on("end", () => {
      received++;
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"data":{"id":"c"}}');
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
  const { port } = /** @type {import("node:net").AddressInfo} */ (server.address());
  try {
    const began = performance.now();
    const child = spawn(
      "/usr/bin/time",
      ["-f", "MAXRSS %M", process.execPath, BIN, "contacts", "import", file, ...args],
      {
        env: { ...process.env, HATCH_API_KEY: "bench-key", HATCH_BASE_URL: `http://127.0.0.1:${port}` },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.stdout.resume();
    const [code] = await once(child, "close");
    const seconds = (performance.now() - began) / 1000;
    if (code !== 0) throw new Error(`the import of ${rows} rows exited ${code}:\n${stderr.slice(-2000)}`);
    if (received !== rows) throw new Error(`the server received ${received} of ${rows} rows`);
    const kb = Number(/MAXRSS (\d+)/.exec(stderr)?.[1]);
    return { rssMB: kb / 1024, seconds, perSecond: rows / seconds, tooMany };
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(() => resolve(undefined)));
  }
}

/**
 * A server's admission rule: at most `limit` requests within any `windowMs`, counted by arrival
 * (the strictest reading of a documented "N requests per window"): a sliding window over the
 * arrival times of the requests it admitted.
 *
 * @param {number} limit
 * @param {number} windowMs
 * @param {() => number} [now]
 */
export function slidingWindowByArrival(limit, windowMs, now = () => performance.now()) {
  const arrivals = new Float64Array(limit);
  let head = 0;
  let count = 0;
  return () => {
    const at = now();
    while (count > 0 && (arrivals[head] ?? 0) <= at - windowMs) {
      head = (head + 1) % limit;
      count--;
    }
    if (count >= limit) return false;
    arrivals[(head + count) % limit] = at;
    count++;
    return true;
  };
}

/**
 * The bulk import's memory against the file's size: 1,000,000 rows (rate limit off) against the
 * baseline of 10,000 rows in the same run; flat memory means a ratio near 1. Absolute budget:
 * under 150 MB peak RSS for the million.
 *
 * @param {{ runs: number, log: (line: string) => void }} options
 * @returns {Promise<Array<import("../metric.js").Metric>>}
 */
export async function importSuite({ runs, log }) {
  const rows = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
  const baselineRows = 10_000;
  /** @type {{ big: number[], small: number[], ratio: number[], rate: number[] }} */
  const samples = { big: [], small: [], ratio: [], rate: [] };
  // The rate part: Hatch's 100 per 10 s would take 1,000 s for 10,000 rows, so the window is
  // scaled down to 1 s (same limit, client and server alike); the rule measured is the same.
  const rateRows = Number(process.env.BENCH_IMPORT_RATE_ROWS ?? 10_000);
  const limit = 100;
  const windowMs = Number(process.env.BENCH_IMPORT_WINDOW_MS ?? 1000);
  /** @type {{ ratio: number[], tooMany: number[] }} */
  const rate = { ratio: [], tooMany: [] };
  const dir = mkdtempSync(join(tmpdir(), "bench-import-"));
  try {
    for (let run = 0; run < Math.max(1, Math.min(runs, 2)); run++) {
      const small = await importOnce(dir, baselineRows);
      const big = await importOnce(dir, rows);
      samples.small.push(small.rssMB);
      samples.big.push(big.rssMB);
      samples.ratio.push(big.rssMB / small.rssMB);
      samples.rate.push(big.perSecond);
      const limited = await importOnce(dir, rateRows, {
        args: ["--rate-limit", `${limit}/${windowMs}`],
        admit: slidingWindowByArrival(limit, windowMs),
      });
      rate.ratio.push(limited.perSecond / ((limit * 1000) / windowMs));
      rate.tooMany.push(limited.tooMany);
      log(
        `import: ${rateRows} rows at ${limit} per ${windowMs} ms: ${limited.perSecond.toFixed(1)} rows/s (ratio ${(rate.ratio.at(-1) ?? 0).toFixed(3)}), ${limited.tooMany} answered 429`,
      );
      log(
        `import: ${rows} rows ${big.rssMB.toFixed(0)} MB peak (${baselineRows}: ${small.rssMB.toFixed(0)} MB), ${big.perSecond.toFixed(0)} rows/s`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const rateNote = `hatch contacts import --rate-limit ${limit}/${windowMs}, ${rateRows} rows, against node:http on 127.0.0.1 admitting ${limit} requests per any ${windowMs} ms by arrival (429 beyond); the window is scaled down from the API's 10 s so a run takes minutes, not a quarter of an hour; wall time from spawn to exit`;
  const note = `hatch contacts import, CSV, --rate-limit off, --concurrency 32, against node:http on 127.0.0.1; ${rows} rows`;
  return [
    metric({
      id: "import.peakRssMB",
      label: `peak RSS importing ${rows} rows`,
      unit: "MB",
      samples: samples.big,
      note,
    }),
    metric({
      id: "import.baselineRssMB",
      label: `peak RSS importing ${baselineRows} rows`,
      unit: "MB",
      samples: samples.small,
      note,
    }),
    metric({
      id: "import.rss.ratio",
      label: `peak RSS, ${rows} rows / ${baselineRows} rows`,
      unit: "x",
      samples: samples.ratio,
      note,
    }),
    metric({
      id: "import.rate.ratio",
      label: `rows/s under a ${limit} per ${windowMs} ms limit / ${limit} per ${windowMs} ms`,
      unit: "x",
      samples: rate.ratio,
      note: rateNote,
    }),
    metric({
      id: "import.rate.tooMany",
      label: "requests answered 429 at that limit",
      unit: "requests",
      samples: rate.tooMany,
      note: rateNote,
    }),
    metric({
      id: "import.rowsPerSecond",
      label: "rows per second, rate limit off",
      unit: "req/s",
      samples: samples.rate,
      note,
    }),
  ];
}
