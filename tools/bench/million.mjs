// A million demo cases: the built server writes them into a fresh database (the demo generation time), then a fresh
// server on that database has its statistics timed (stats.mjs). SQLite always; PostgreSQL too when DATABASE_URL is
// set, in a scratch database created beside the one it names and dropped afterwards.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { freePort, startProcess, waitFor } from './ingest.mjs';
import { runStatsTimings } from './stats.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
export const GENERATION_TARGET_SECONDS = 60;

/** The built server on one database; neither engine's variable leaks in from the caller's environment. */
function startServer(database, env) {
  return startProcess(
    [join(ROOT, 'dist/apps/api/main.js')],
    { NODE_ENV: 'test', HOST: '127.0.0.1', MADOGUCHI_DEMO: '1', ...database, ...env },
    { clear: ['DATABASE_URL', 'DATABASE_PATH'] },
  );
}

/** Writes the demo cases through the server's own seeding at start-up; its log says how long the writing took. */
async function generate(database, cases) {
  const port = await freePort();
  const started = performance.now();
  const server = startServer(database, { PORT: String(port), DEMO_CASES: String(cases), LOG_LEVEL: 'log' });
  try {
    // A million cases and their statistics' counters take minutes on two cores.
    await waitFor(`http://127.0.0.1:${port}/api/health`, server.child, server.output, 1800);
    const startedSeconds = (performance.now() - started) / 1000;
    const written = /Demo data written: ([\d,]+) cases in ([\d.]+) s/.exec(server.output());
    if (!written) throw new Error(`the server did not say it wrote the demo data:\n${server.output()}`);
    const count = Number(written[1].replaceAll(',', ''));
    if (count !== cases) throw new Error(`the server wrote ${count} demo cases, not ${cases}`);
    return {
      cases: count,
      seconds: Number(written[2]),
      untilListeningSeconds: Math.round(startedSeconds * 10) / 10,
      // Other work on the machine's two cores moves this figure more than anything else: said beside it.
      loadAverage: Math.round(loadavg()[0] * 10) / 10,
    };
  } finally {
    await server.stop();
  }
}

/** Generation, then the statistics of a server started afresh on the generated database. */
async function measure(database, { cases, repeats, settleMs, size }) {
  const generation = await generate(database, cases);
  const port = await freePort();
  const server = startServer(database, { PORT: String(port), DEMO_CASES: String(cases), LOG_LEVEL: 'warn' });
  try {
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitFor(`${baseUrl}/api/health`, server.child, server.output);
    const stats = await runStatsTimings({ baseUrl, pid: server.child.pid, repeats, settleMs });
    return { generation: { ...generation, databaseMb: await size() }, stats };
  } finally {
    await server.stop();
  }
}

async function onServer(url, work) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function onSqlite(options) {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-bench-million-'));
  const path = join(dir, 'million.sqlite');
  try {
    // The WAL is checkpointed into the file when the last connection closes, so the file alone is the database.
    const size = async () => Math.round(statSync(path).size / 2 ** 20);
    return { engine: 'sqlite', ...(await measure({ DATABASE_PATH: path }, { ...options, size })) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function onPostgres(url, options) {
  const scratch = new URL(url);
  const name = `${scratch.pathname.slice(1) || 'madoguchi'}_bench_${Date.now().toString(36)}`;
  scratch.pathname = `/${name}`;
  await onServer(url, (client) => client.query(`CREATE DATABASE "${name}"`));
  try {
    const size = () =>
      onServer(scratch.toString(), async (client) => {
        const { rows } = await client.query('SELECT pg_database_size(current_database()) AS bytes');
        return Math.round(Number(rows[0].bytes) / 2 ** 20);
      });
    return { engine: 'postgres', ...(await measure({ DATABASE_URL: scratch.toString() }, { ...options, size })) };
  } finally {
    await dropScratch(url, name);
  }
}

/** Drops the scratch database; autovacuum may still be on it for a while, and only a superuser may stop that. */
async function dropScratch(url, name) {
  for (let attempt = 1; ; attempt++) {
    try {
      await onServer(url, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      return;
    } catch (error) {
      if (attempt >= 30) {
        process.stderr.write(
          `The scratch database ${name} could not be dropped (${error.message}); drop it by hand.\n`,
        );
        return;
      }
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
}

/**
 * The million-case benchmark on SQLite, and on PostgreSQL when `databaseUrl` is given. `smoke` writes a couple of
 * thousand cases and asks each route once, to check that the benchmark works, not how fast anything is.
 */
export async function runMillionBenchmark({ smoke = false, databaseUrl = process.env.DATABASE_URL } = {}) {
  const options = smoke
    ? { cases: 2000, repeats: 1, settleMs: 300 }
    : { cases: 1_000_000, repeats: 5, settleMs: 10_000 };
  const runs = [await onSqlite(options)];
  if (databaseUrl) runs.push(await onPostgres(databaseUrl, options));
  return { cases: options.cases, generationTargetSeconds: GENERATION_TARGET_SECONDS, runs };
}

/** Prints the figures and, after a full run, rewrites the stats section of docs/benchmarks.md. */
export function writeMillionReport(million, { smoke = false } = {}) {
  const ms = (value) => `${value.toLocaleString('en')} ms`;
  const verdict = (ok) => (ok ? 'met' : 'MISSED');
  const engineName = { sqlite: 'SQLite', postgres: 'PostgreSQL' };
  const out = [];
  for (const { engine, generation, stats } of million.runs) {
    const t = stats.targets;
    out.push(
      `${million.cases.toLocaleString('en')} demo cases on ${engineName[engine]}`,
      `  generation            ${generation.seconds} s, ${generation.databaseMb.toLocaleString('en')} MB, load average ${generation.loadAverage} (target <= ${million.generationTargetSeconds} s: ${verdict(generation.seconds <= million.generationTargetSeconds)})`,
      `  statistics, cold / warm (median of ${stats.repeats})   whole programme ${stats.ranges.programme.from}..${stats.ranges.programme.to}   one month ${stats.ranges.month.from}..${stats.ranges.month.to}`,
      ...stats.programme.map((row, i) => {
        const month = stats.month[i];
        return `  /api/stats/${row.route.padEnd(9)} ${ms(row.coldMs).padStart(10)} / ${ms(row.warmMs).padStart(10)}   ${ms(month.coldMs).padStart(10)} / ${ms(month.warmMs).padStart(10)}`;
      }),
      `  targets               programme warm <= ${t.programmeWarmMs} ms: ${verdict(stats.met.programmeWarm)}, cold <= ${t.programmeColdMs} ms: ${verdict(stats.met.programmeCold)}; month warm <= ${t.monthWarmMs} ms: ${verdict(stats.met.monthWarm)}`,
      `  dashboard together    ${ms(stats.dashboard.ms)} for ${stats.dashboard.requests} requests (target <= ${t.dashboardMs} ms: ${verdict(stats.met.dashboard)})`,
      `  API at rest           ${stats.restRssMb} MB RSS, ${stats.afterRssMb} MB after the statistics (target <= ${t.restRssMb} MB: ${verdict(stats.met.restRss)})`,
    );
  }
  process.stdout.write(`${out.join('\n')}\n`);
  if (!smoke) {
    const cell = (ok, text) => `${text}${ok ? '' : ' ✗'}`;
    const tables = million.runs.map(({ engine, generation, stats }) => {
      const t = stats.targets;
      return `### ${engineName[engine]}

Demo generation: **${generation.seconds} s** for ${generation.cases.toLocaleString('en')} cases (target ≤ ${million.generationTargetSeconds} s: **${generation.seconds <= million.generationTargetSeconds ? 'met' : 'missed'}**), a database of ${generation.databaseMb.toLocaleString('en')} MB; the server answered ${generation.untilListeningSeconds} s after it was started; the machine's load average (1 min) was ${generation.loadAverage} when it did.

| route | programme cold | programme warm | month cold | month warm |
| --- | ---: | ---: | ---: | ---: |
${stats.programme
  .map((row, i) => {
    const month = stats.month[i];
    return `| \`/api/stats/${row.route}\` | ${cell(row.coldMs <= t.programmeColdMs, ms(row.coldMs))} | ${cell(row.warmMs <= t.programmeWarmMs, ms(row.warmMs))} | ${ms(month.coldMs)} | ${cell(month.warmMs <= t.monthWarmMs, ms(month.warmMs))} |`;
  })
  .join('\n')}

The dashboard's ${stats.dashboard.requests} requests together (whole programme): **${ms(stats.dashboard.ms)}** (target ≤ ${t.dashboardMs} ms: **${stats.met.dashboard ? 'met' : 'missed'}**). API at rest: **${stats.restRssMb} MB** RSS (target ≤ ${t.restRssMb} MB: **${stats.met.restRss ? 'met' : 'missed'}**), ${stats.afterRssMb} MB after the statistics.`;
    });
    const statsSection = `<!-- stats:start (written by npm run bench) -->

Measured on ${new Date().toISOString().slice(0, 10)}: the built server writes ${million.cases.toLocaleString('en')} demo cases into a fresh
database at start-up (\`MADOGUCHI_DEMO=1\`, the time its seeding reports), then a server started afresh on that
database answers each statistics route as a manager: cold is the route's first request, warm the median of
${million.runs[0]?.stats.repeats} more; the dashboard's requests are its six panels, the filter bar's staff list, sites and payment
services, sent at once as the page does on load. Targets: whole programme warm ≤ 100 ms (cold ≤ 1 s), one month warm
≤ 20 ms; ✗ marks a miss.

${tables.join('\n\n')}

<!-- stats:end -->`;
    const docPath = resolve(ROOT, 'docs/benchmarks.md');
    writeFileSync(
      docPath,
      readFileSync(docPath, 'utf8').replace(/<!-- stats:start[\s\S]*?<!-- stats:end -->/, statsSection),
    );
    execFileSync(process.execPath, [resolve(ROOT, 'node_modules/prettier/bin/prettier.cjs'), '--write', docPath]);
    process.stdout.write('Written to docs/benchmarks.md\n');
  }
}

// `node tools/bench/million.mjs [--smoke]` runs this benchmark alone (after `npm run build`).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const smoke = process.argv.includes('--smoke');
  writeMillionReport(await runMillionBenchmark({ smoke }), { smoke });
}
