// The ingest benchmark: authenticated POST /api/cases of whole past cases against a bare NestJS route, same machine,
// same run. Prints requests/s, p50, p99 and the ratio, checks that every 201 is in the file, and returns the figures.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const ROOT = resolve(import.meta.dirname, '../..');

const CASE = JSON.stringify({
  procedure: 'both',
  ageBand: '40to64',
  status: 'not_completed',
  arrivedAt: '2020-11-24T10:00:00+09:00',
  startedAt: '2020-11-24T10:05:00+09:00',
  endedAt: '2020-11-24T10:15:00+09:00',
  reason: 'pin_locked',
});

export function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

/** Waits until `url` answers; `seconds` allows for a server that writes demo data before it listens. */
export async function waitFor(url, child, output, seconds = 120) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the server did not answer ${url}:\n${output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A node process of the built server; `clear` names variables of this environment it must not inherit. */
export function startProcess(args, env, { clear = [] } = {}) {
  const base = { ...process.env };
  for (const name of clear) delete base[name];
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...base, ...env } });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  return {
    child,
    output: () => output,
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

function load(options) {
  return new Promise((done, fail) => {
    const instance = autocannon(options, (error, result) => (error ? fail(error) : done(result)));
    autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false });
  });
}

const figures = (result) => ({
  requestsPerSecond: Math.round(result.requests.average),
  p50: result.latency.p50,
  p99: result.latency.p99,
  requests: result.requests.total,
  ok: result['2xx'],
  errors: result.errors + result.timeouts + result.non2xx,
});

/** A NestJS application with one route and nothing else: the ceiling of this machine for this framework. */
async function bareRoute(connections, seconds) {
  const port = await freePort();
  const script = `
    require('reflect-metadata');
    const { Controller, Get, Module } = require('@nestjs/common');
    const { NestFactory } = require('@nestjs/core');
    class Bare { ok() { return { ok: true }; } }
    Get()(Bare.prototype, 'ok', Object.getOwnPropertyDescriptor(Bare.prototype, 'ok'));
    Controller('bare')(Bare);
    class BareModule {}
    Module({ controllers: [Bare] })(BareModule);
    NestFactory.create(BareModule, { logger: false }).then((app) => app.listen(${port}, '127.0.0.1'));`;
  const bare = startProcess(['-e', script], {});
  try {
    const url = `http://127.0.0.1:${port}/bare`;
    await waitFor(url, bare.child, bare.output);
    await load({ url, connections, duration: 2 });
    return figures(await load({ url, connections, duration: seconds }));
  } finally {
    await bare.stop();
  }
}

/** The real server on a fresh file on this disk (so that fsync costs what it costs), logging whole cases. */
async function ingest(connections, seconds) {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-bench-'));
  const databasePath = join(dir, 'bench.sqlite');
  const port = await freePort();
  const server = startProcess([join(ROOT, 'dist/apps/api/main.js')], {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_PATH: databasePath,
    MADOGUCHI_DEMO: '1',
    DEMO_CASES: '0',
    LOG_LEVEL: 'warn',
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/api/health`, server.child, server.output);
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'staff', password: 'madoguchi-demo' }),
    });
    const { token } = await login.json();
    const options = {
      url: `${base}/api/cases`,
      method: 'POST',
      connections,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: CASE,
    };
    const warm = await load({ ...options, duration: 2 });
    const result = figures(await load({ ...options, duration: seconds }));
    await server.stop();
    // Durability as promised: every 201 of both runs is in the file, read by a fresh connection after the stop.
    const Database = require('better-sqlite3');
    const db = new Database(databasePath, { readonly: true });
    const stored = db.prepare('SELECT COUNT(*) AS n FROM support_case').get().n;
    db.close();
    return { ...result, acknowledgedTotal: warm['2xx'] + result.ok, stored };
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runIngestBenchmark({ connections = 32, seconds = 10 } = {}) {
  const bare = await bareRoute(connections, seconds);
  const cases = await ingest(connections, seconds);
  return { connections, seconds, bare, cases, ratio: cases.requestsPerSecond / bare.requestsPerSecond };
}
