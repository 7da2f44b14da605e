// `npm run bench`: measures the built server on this machine, prints the figures and writes docs/benchmarks.md.
// `--smoke` runs each measurement for a moment only, to check that the benchmark works, not how fast anything is.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { runFirstLoads } from './first-load.mjs';
import { runIngestBenchmark } from './ingest.mjs';
import { runSignInFlood } from './sign-in-flood.mjs';

const smoke = process.argv.includes('--smoke');
// DATABASE_URL asks for the million-case statistics on PostgreSQL as well; every other measurement is of SQLite.
const databaseUrl = process.env.DATABASE_URL;
delete process.env.DATABASE_URL;
const ROOT = resolve(import.meta.dirname, '../..');

const ingest = await runIngestBenchmark(smoke ? { connections: 4, seconds: 1 } : { connections: 32, seconds: 10 });
const { bare, cases } = ingest;
const target = { ratio: 0.35, p99: 30 };
const met = ingest.ratio >= target.ratio && cases.p99 <= target.p99 && cases.errors === 0;
// Requests still in flight when the load stopped may be stored unanswered (at most one per connection in each of the two runs).
const durable =
  cases.stored >= cases.acknowledgedTotal && cases.stored <= cases.acknowledgedTotal + 2 * ingest.connections;

const lines = [
  `Ingest: ${ingest.connections} connections for ${ingest.seconds} s`,
  `  bare NestJS route     ${bare.requestsPerSecond.toLocaleString('en')} req/s   p50 ${bare.p50} ms   p99 ${bare.p99} ms`,
  `  POST /api/cases       ${cases.requestsPerSecond.toLocaleString('en')} req/s   p50 ${cases.p50} ms   p99 ${cases.p99} ms   errors ${cases.errors}`,
  `  ratio                 ${ingest.ratio.toFixed(2)} (target >= ${target.ratio}, p99 <= ${target.p99} ms, no errors): ${met ? 'met' : 'MISSED'}`,
  `  durability            ${cases.acknowledgedTotal.toLocaleString('en')} acknowledged, ${cases.stored.toLocaleString('en')} in the file after stop: ${durable ? 'every acknowledged case is there' : 'MISMATCH'}`,
];
process.stdout.write(`${lines.join('\n')}\n`);

const flood = await runSignInFlood(smoke ? { seconds: 1, flooders: 4 } : { seconds: 10, flooders: 32 });
const floodLines = [
  `Sign-in flood: a public route (GET /api/calendar, 16 connections) alone and during wrong passwords from 200 addresses`,
  `  alone                 ${flood.alone.requestsPerSecond.toLocaleString('en')} req/s   p99 ${flood.alone.p99} ms`,
  `  during the flood      ${flood.during.requestsPerSecond.toLocaleString('en')} req/s   p99 ${flood.during.p99} ms`,
  `  sign-ins answered     ${JSON.stringify(flood.signIns)}`,
];
process.stdout.write(`${floodLines.join('\n')}\n`);

const loads = await runFirstLoads({ cases: smoke ? 50 : 2000 });
const loadLines = [
  'First loads in headless Chromium (empty cache, bytes on the wire, until the network is idle)',
  ...loads.map(
    (l) =>
      `  ${l.path.padEnd(21)} ${String(l.kib).padStart(5)} KiB in ${l.requests} requests` +
      (l.targetKib ? `   (target <= ${l.targetKib} KiB: ${l.kib <= l.targetKib ? 'met' : 'MISSED'})` : ''),
  ),
];
process.stdout.write(`${loadLines.join('\n')}\n`);

if (!smoke) {
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const section = `<!-- ingest:start (written by npm run bench) -->

Measured on ${new Date().toISOString().slice(0, 10)} (${machine}): authenticated \`POST /api/cases\` of whole past
cases, ${ingest.connections} connections for ${ingest.seconds} s after a 2 s warm-up, on a fresh SQLite file on the local
disk (WAL, \`synchronous = FULL\`: every answer waited for its fsync). The bare route is a NestJS application with one
\`GET\` route returning \`{ "ok": true }\`, measured in the same run.

| what | requests/s | p50 | p99 | errors |
| --- | ---: | ---: | ---: | ---: |
| bare NestJS route | ${bare.requestsPerSecond.toLocaleString('en')} | ${bare.p50} ms | ${bare.p99} ms | ${bare.errors} |
| \`POST /api/cases\` | ${cases.requestsPerSecond.toLocaleString('en')} | ${cases.p50} ms | ${cases.p99} ms | ${cases.errors} |

Ratio ${ingest.ratio.toFixed(2)} (target ≥ ${target.ratio}, p99 ≤ ${target.p99} ms, no errors): **${met ? 'met' : 'missed'}**.
Durability: ${cases.acknowledgedTotal.toLocaleString('en')} cases acknowledged, ${cases.stored.toLocaleString('en')} found in
the file by a fresh connection after the server stopped.

<!-- ingest:end -->`;
  const floodSection = `<!-- flood:start (written by npm run bench) -->

Measured on ${new Date().toISOString().slice(0, 10)}: \`GET /api/calendar\` with 16 connections for ${ingest.seconds} s, alone and while
32 clients send wrong passwords from 200 loopback addresses (each address is throttled after 10 failures a minute).

| public route | requests/s | p99 |
| --- | ---: | ---: |
| alone | ${flood.alone.requestsPerSecond.toLocaleString('en')} | ${flood.alone.p99} ms |
| during the flood | ${flood.during.requestsPerSecond.toLocaleString('en')} | ${flood.during.p99} ms |

Sign-ins answered during the flood, by status: ${Object.entries(flood.signIns)
    .map(([status, count]) => `${status}: ${count.toLocaleString('en')}`)
    .join(', ')} (401 wrong password, 429 throttled, 503 hashing queue full).

<!-- flood:end -->`;
  const loadSection = `<!-- first-load:start (written by npm run bench) -->

Measured on ${new Date().toISOString().slice(0, 10)}: each screen opened once in a fresh headless Chromium profile
(cache off), signed in through the API first where the screen needs it, against the built server with 2,000 demo
cases; bytes as they travelled (after compression), until the network was idle.

| screen | viewport | transferred | requests | target |
| --- | --- | ---: | ---: | --- |
${loads.map((l) => `| \`${l.path}\` | ${l.path === '/self-check' ? 'phone 390×844' : l.path === '/counter' ? 'tablet 1024×768' : '1366×768'} | ${l.kib.toLocaleString('en')} KiB | ${l.requests} | ${l.targetKib ? `≤ ${l.targetKib} KiB: **${l.kib <= l.targetKib ? 'met' : 'missed'}**` : '—'} |`).join('\n')}

<!-- first-load:end -->`;
  const path = resolve(ROOT, 'docs/benchmarks.md');
  const doc = readFileSync(path, 'utf8')
    .replace(/<!-- ingest:start[\s\S]*?<!-- ingest:end -->/, section)
    .replace(/<!-- flood:start[\s\S]*?<!-- flood:end -->/, floodSection)
    .replace(/<!-- first-load:start[\s\S]*?<!-- first-load:end -->/, loadSection);
  writeFileSync(path, doc);
  execFileSync(process.execPath, [resolve(ROOT, 'node_modules/prettier/bin/prettier.cjs'), '--write', path]);
  process.stdout.write('Written to docs/benchmarks.md\n');
}
// A million demo cases: how long writing them takes, then the statistics routes and the API's memory on them.
{
  const { runMillionBenchmark, writeMillionReport } = await import('./million.mjs');
  writeMillionReport(await runMillionBenchmark({ smoke, databaseUrl }), { smoke });
}

// The case exports at a million cases: rows per second and the server's peak memory while it streams them.
const { runExportBenchmark, writeExportReport } = await import('./exports.mjs');
const exported = await runExportBenchmark({ cases: smoke ? 2_000 : 1_000_000 });
writeExportReport(exported, { smoke });

if (!durable || (smoke && cases.ok === 0) || loads.some((l) => l.kib <= 0) || exported.csv.rows === 0) process.exit(1);
