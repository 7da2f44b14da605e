// A flood of wrong passwords from many addresses (127.0.0.2-127.0.0.201, each under the per-address limit at first),
// against a public route measured alone and during the flood: sign-in hashing must not starve anyone else.
import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, startProcess, waitFor } from './ingest.mjs';

const ROOT = resolve(import.meta.dirname, '../..');

function wrongSignIn(port, from) {
  return new Promise((done) => {
    const body = JSON.stringify({ username: `guess-${from}`, password: 'not-the-password' });
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/auth/login',
        method: 'POST',
        localAddress: from,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => done(res.statusCode));
      },
    );
    req.on('error', () => done(0));
    req.end(body);
  });
}

export async function runSignInFlood({ seconds = 10, flooders = 32 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-flood-'));
  const port = await freePort();
  const server = startProcess([join(ROOT, 'dist/apps/api/main.js')], {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_PATH: join(dir, 'flood.sqlite'),
    MADOGUCHI_DEMO: '1',
    DEMO_CASES: '0',
    LOG_LEVEL: 'error',
  });
  try {
    const url = `http://127.0.0.1:${port}/api/calendar?from=2020-11-01&to=2020-11-30`;
    await waitFor(`http://127.0.0.1:${port}/api/health`, server.child, server.output);
    const measure = () =>
      new Promise((done, fail) =>
        autocannon({ url, connections: 16, duration: seconds }, (error, result) =>
          error ? fail(error) : done(result),
        ),
      );
    const alone = await measure();
    let stop = false;
    const statuses = new Map();
    let next = 0;
    const flood = Array.from({ length: flooders }, async () => {
      while (!stop) {
        const from = `127.0.0.${2 + (next++ % 200)}`;
        const status = await wrongSignIn(port, from);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    });
    const during = await measure();
    stop = true;
    await Promise.all(flood);
    return {
      alone: { requestsPerSecond: Math.round(alone.requests.average), p99: alone.latency.p99 },
      during: { requestsPerSecond: Math.round(during.requests.average), p99: during.latency.p99 },
      signIns: Object.fromEntries(statuses),
    };
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
