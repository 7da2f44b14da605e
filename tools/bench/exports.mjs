// The export benchmark: the built server downloads every case as CSV and as XLSX; rows/s and the server's peak RSS.
import ExcelJS from 'exceljs';
import { once } from 'node:events';
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { freePort, startProcess } from './ingest.mjs';

const ROOT = resolve(import.meta.dirname, '../..');

/** Resident and peak resident memory of a process, in MB, from /proc (Linux). */
function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kib('VmRSS') / 1024, hwmMb: kib('VmHWM') / 1024 };
}

/** Forgets the peak so far, so that VmHWM then tells the peak of what follows (writing 5 to clear_refs). */
function resetPeak(pid) {
  try {
    // Linux resets VmHWM to the current RSS on this write; without the right, the peak counts from the start.
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** CPU seconds the server's main thread (the one that writes the rows) has used: a machine's other load aside. */
function mainThreadCpuSeconds(pid) {
  // Fields 14 and 15 of /proc/<pid>/task/<pid>/stat are user and system time in clock ticks (100 a second on Linux).
  const fields = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const [CR, LF, QUOTE] = [0x0d, 0x0a, 0x22];
const CRLF = Buffer.from('\r\n');

/** Counts CSV records: each ends at a CRLF outside quotes (a doubled quote inside a cell flips twice, changing nothing). */
function recordCounter() {
  let records = 0;
  let quoted = false;
  let previous = 0;
  return {
    add(chunk) {
      if (!quoted && chunk.indexOf(QUOTE) === -1) {
        // No quote in sight: found natively, as a loop over every byte would take CPU from the server it measures.
        if (previous === CR && chunk[0] === LF) records++;
        for (let at = chunk.indexOf(CRLF); at !== -1; at = chunk.indexOf(CRLF, at + 2)) records++;
      } else {
        for (let i = 0; i < chunk.length; i++) {
          const byte = chunk[i];
          if (byte === QUOTE) quoted = !quoted;
          else if (byte === LF && previous === CR && !quoted) records++;
          previous = byte;
        }
      }
      previous = chunk[chunk.length - 1];
    },
    get records() {
      return records;
    },
  };
}

/** Rows of the first sheet of an XLSX file, read back with exceljs' streaming reader (which also checks the file). */
async function xlsxRows(path) {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'ignore',
    styles: 'ignore',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  });
  let rows = 0;
  for await (const sheet of reader) {
    for await (const row of sheet) if (row) rows++;
    break;
  }
  return rows;
}

/** Downloads one export (CSV records counted on the way, an XLSX kept in `keepAs`), sampling the server's RSS. */
async function download(url, token, pid, { keepAs }) {
  const started = performance.now();
  let peakRssMb = memoryOf(pid).rssMb;
  const sampler = setInterval(() => {
    peakRssMb = Math.max(peakRssMb, memoryOf(pid).rssMb);
  }, 50);
  try {
    const answer = await new Promise((done, fail) =>
      get(url, { headers: { authorization: `Bearer ${token}` } }, done).on('error', fail),
    );
    if (answer.statusCode !== 200) throw new Error(`${url} answered ${answer.statusCode}`);
    const counter = recordCounter();
    const file = keepAs ? createWriteStream(keepAs) : null;
    let bytes = 0;
    for await (const chunk of answer) {
      bytes += chunk.length;
      if (file) {
        if (!file.write(chunk)) await once(file, 'drain');
      } else counter.add(chunk);
    }
    if (file) await new Promise((done) => file.end(done));
    const seconds = (performance.now() - started) / 1000;
    peakRssMb = Math.max(peakRssMb, memoryOf(pid).rssMb);
    return { seconds, bytes, records: counter.records, peakRssMb };
  } finally {
    clearInterval(sampler);
  }
}

/** Waits for the server to answer, however long seeding a million cases takes. */
async function listening(url, server) {
  for (;;) {
    const { exitCode, signalCode } = server.child;
    if (exitCode !== null || signalCode !== null) {
      throw new Error(`the server exited with ${exitCode ?? signalCode}:\n${server.output()}`);
    }
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function signIn(baseUrl, username) {
  const answer = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'madoguchi-demo' }),
  });
  if (!answer.ok) throw new Error(`sign-in as ${username} failed: ${answer.status}`);
  return (await answer.json()).token;
}

const round = (x, digits = 0) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Starts the built server on a SQLite file (`databasePath`: seeded with `cases` demo cases if it does not exist yet,
 * and kept; without it, a file of its own, removed at the end) or on PostgreSQL (`databaseUrl`: seeded if empty), signs
 * in as the demo manager and downloads every case as CSV, then as XLSX, one at a time. For each: rows (the CSV's
 * records; the XLSX read back), seconds, rows/s, the CPU seconds of the server's main thread (what the rate would be
 * on an idle machine: rows per CPU second), megabytes and the server's peak RSS during that download.
 */
export async function runExportBenchmark({
  cases = 200_000,
  databasePath,
  databaseUrl,
  formats = ['csv', 'xlsx'],
  serverScript = resolve(ROOT, 'dist/apps/api/main.js'),
} = {}) {
  const scratch = mkdtempSync(join(tmpdir(), 'madoguchi-bench-export-'));
  const start = async () => {
    const port = await freePort();
    const server = startProcess([serverScript], {
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      ...(databaseUrl
        ? { DATABASE_URL: databaseUrl }
        : { DATABASE_PATH: databasePath ?? join(scratch, 'bench.sqlite') }),
      MADOGUCHI_DEMO: '1',
      DEMO_CASES: String(cases),
      LOG_LEVEL: 'warn',
    });
    await listening(`http://127.0.0.1:${port}/api/health`, server);
    return { server, port };
  };
  const starting = performance.now();
  // A server that wrote the demo cases keeps the seeding's heap: the exports are measured on a fresh one.
  const seeding = await start();
  await seeding.server.stop();
  const seededSeconds = (performance.now() - starting) / 1000;
  const { server, port } = await start();
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    const token = await signIn(baseUrl, 'manager');
    const pid = server.child.pid;
    const results = {
      // Seeding the demo cases, when the database was new, and a start.
      startSeconds: round(seededSeconds, 1),
      atRestMb: round(memoryOf(pid).rssMb),
    };
    for (const format of formats) {
      const peakReset = resetPeak(pid);
      const cpuBefore = mainThreadCpuSeconds(pid);
      const keepAs = format === 'xlsx' ? join(scratch, 'cases.xlsx') : null;
      const run = await download(`${baseUrl}/api/cases/export.${format}`, token, pid, { keepAs });
      const cpuSeconds = mainThreadCpuSeconds(pid) - cpuBefore;
      const peakRssMb = Math.max(run.peakRssMb, peakReset ? memoryOf(pid).hwmMb : 0);
      // Less the header row.
      const rows = (keepAs ? await xlsxRows(keepAs) : run.records) - 1;
      results[format] = {
        rows,
        seconds: round(run.seconds, 2),
        rowsPerSecond: Math.round(rows / run.seconds),
        serverCpuSeconds: round(cpuSeconds, 2),
        rowsPerServerCpuSecond: Math.round(rows / cpuSeconds),
        megabytes: round(run.bytes / 1e6, 1),
        peakRssMb: round(peakRssMb),
      };
    }
    return results;
  } finally {
    await server.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

const EXPORT_TARGET = { rowsPerSecond: 100_000, peakRssMb: 300 };

/** Prints the export figures and, after a full run, rewrites the exports section of docs/benchmarks.md. */
export function writeExportReport(exported, { smoke = false } = {}) {
  const exportLines = [
    `Case exports of ${exported.csv.rows.toLocaleString('en')} cases (server at rest ${exported.atRestMb} MB RSS)`,
    ...['csv', 'xlsx'].map((format) => {
      const r = exported[format];
      return `  ${format.toUpperCase().padEnd(5)} ${r.rowsPerSecond.toLocaleString('en')} rows/s in ${r.seconds} s, ${r.megabytes} MB, peak RSS ${r.peakRssMb} MB`;
    }),
    `  CSV target >= ${EXPORT_TARGET.rowsPerSecond.toLocaleString('en')} rows/s, peak RSS <= ${EXPORT_TARGET.peakRssMb} MB: ${
      exported.csv.rowsPerSecond >= EXPORT_TARGET.rowsPerSecond && exported.csv.peakRssMb <= EXPORT_TARGET.peakRssMb
        ? 'met'
        : 'MISSED'
    }`,
  ];
  process.stdout.write(`${exportLines.join('\n')}\n`);
  if (!smoke) {
    const met =
      exported.csv.rowsPerSecond >= EXPORT_TARGET.rowsPerSecond && exported.csv.peakRssMb <= EXPORT_TARGET.peakRssMb;
    const row = (name, r) =>
      `| ${name} | ${r.rowsPerSecond.toLocaleString('en')} | ${r.seconds} s | ${r.megabytes} MB | ${r.peakRssMb} MB |`;
    const exportSection = `<!-- exports:start (written by npm run bench) -->

Measured on ${new Date().toISOString().slice(0, 10)}: \`GET /api/cases/export.csv\` and \`export.xlsx\` of all
${exported.csv.rows.toLocaleString('en')} demo cases on SQLite, downloaded whole by one client; peak RSS of the server
process while it streamed (at rest ${exported.atRestMb} MB).

| format | rows/s | time | size | peak RSS |
| --- | ---: | ---: | ---: | ---: |
${row('CSV', exported.csv)}
${row('XLSX', exported.xlsx)}

CSV target ≥ ${EXPORT_TARGET.rowsPerSecond.toLocaleString('en')} rows/s with peak RSS ≤ ${EXPORT_TARGET.peakRssMb} MB: **${met ? 'met' : 'missed'}**.

<!-- exports:end -->`;
    const docPath = resolve(ROOT, 'docs/benchmarks.md');
    writeFileSync(
      docPath,
      readFileSync(docPath, 'utf8').replace(/<!-- exports:start[\s\S]*?<!-- exports:end -->/, exportSection),
    );
    execFileSync(process.execPath, [resolve(ROOT, 'node_modules/prettier/bin/prettier.cjs'), '--write', docPath]);
  }
}

// `node tools/bench/exports.mjs [--smoke]` runs this benchmark alone (after `npm run build`).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const smoke = process.argv.includes('--smoke');
  writeExportReport(await runExportBenchmark({ cases: smoke ? 2_000 : 1_000_000 }), { smoke });
}
