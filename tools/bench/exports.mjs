// The export benchmark: the built server downloads every case as CSV and as XLSX; rows/s and the server's peak RSS.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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

/** Downloads one export, counting CSV records or only bytes, while sampling the server's RSS. */
async function download(baseUrl, path, token, pid, { countLines }) {
  const started = performance.now();
  let peakRssMb = memoryOf(pid).rssMb;
  const sampler = setInterval(() => {
    peakRssMb = Math.max(peakRssMb, memoryOf(pid).rssMb);
  }, 50);
  try {
    const answer = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (!answer.ok || !answer.body) throw new Error(`${path} answered ${answer.status}`);
    let bytes = 0;
    let lines = 0;
    let previous = 0;
    let quoted = false;
    for await (const chunk of answer.body) {
      bytes += chunk.length;
      if (countLines) {
        // A record ends at a CRLF outside quotes; a doubled quote inside a cell flips twice, so it changes nothing.
        for (let i = 0; i < chunk.length; i++) {
          const byte = chunk[i];
          if (byte === QUOTE) quoted = !quoted;
          else if (byte === LF && previous === CR && !quoted) lines++;
          previous = byte;
        }
      }
    }
    const seconds = (performance.now() - started) / 1000;
    peakRssMb = Math.max(peakRssMb, memoryOf(pid).rssMb);
    return { seconds, bytes, lines, peakRssMb };
  } finally {
    clearInterval(sampler);
  }
}

/** Waits for the server to answer, however long seeding a million cases takes. */
async function listening(url, server) {
  for (;;) {
    if (server.child.exitCode !== null)
      throw new Error(`the server exited with ${server.child.exitCode}:\n${server.output()}`);
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
 * Starts the built server (dist/apps/api/main.js) on a SQLite file (`databasePath`, seeded with `cases` demo cases
 * when it does not exist yet; a temporary file otherwise) or on PostgreSQL (`databaseUrl`, seeded when empty),
 * signs in as the demo manager, downloads all cases as CSV and then as XLSX, and returns rows/s and peak RSS of each.
 */
export async function runExportBenchmark({
  cases = 200_000,
  databasePath,
  databaseUrl,
  formats = ['csv', 'xlsx'],
} = {}) {
  const dir = databasePath || databaseUrl ? null : mkdtempSync(join(tmpdir(), 'madoguchi-bench-export-'));
  const path = databasePath ?? (dir ? join(dir, 'bench.sqlite') : undefined);
  const seeding = databaseUrl ? true : !existsSync(path);
  const port = await freePort();
  const seedStarted = performance.now();
  const server = startProcess([resolve(ROOT, 'dist/apps/api/main.js')], {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_PATH: path }),
    MADOGUCHI_DEMO: '1',
    DEMO_CASES: String(cases),
    LOG_LEVEL: 'warn',
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await listening(`${baseUrl}/api/health`, server);
    const seedSeconds = seeding ? (performance.now() - seedStarted) / 1000 : null;
    const token = await signIn(baseUrl, 'manager');
    const pid = server.child.pid;
    const atRestMb = memoryOf(pid).rssMb;
    const results = { cases, seedSeconds: seedSeconds && round(seedSeconds, 1), atRestMb: round(atRestMb) };
    for (const format of formats) {
      const peakReset = resetPeak(pid);
      const cpuBefore = mainThreadCpuSeconds(pid);
      const run = await download(baseUrl, `/api/cases/export.${format}`, token, pid, { countLines: format === 'csv' });
      const { hwmMb } = memoryOf(pid);
      const cpuSeconds = mainThreadCpuSeconds(pid) - cpuBefore;
      // The header is one of the CSV's lines; the XLSX is zipped, so its rows are the cases the CSV counted.
      const rows = format === 'csv' ? run.lines - 1 : (results.csv?.rows ?? null);
      results[format] = {
        rows,
        seconds: round(run.seconds, 2),
        rowsPerSecond: rows === null ? null : Math.round(rows / run.seconds),
        serverCpuSeconds: round(cpuSeconds, 2),
        rowsPerServerCpuSecond: rows === null ? null : Math.round(rows / cpuSeconds),
        megabytes: round(run.bytes / 1e6, 1),
        peakRssMb: round(Math.max(run.peakRssMb, peakReset ? hwmMb : 0)),
      };
    }
    return results;
  } finally {
    await server.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
