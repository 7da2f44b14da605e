// The bytes a first visit transfers (empty cache) per screen, in headless Chromium, as a tablet or a phone would.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { freePort, startProcess, waitFor } from './ingest.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
// The same flags as the browser tests.
const ARGS = JSON.parse(readFileSync(resolve(ROOT, 'e2e/support/chromium-flags.json'), 'utf8'));

/** One screen loaded in a fresh browser profile: bytes on the wire (after compression) and requests, until idle. */
async function firstLoad(baseUrl, { path, signInAs, viewport }) {
  const profile = mkdtempSync(join(tmpdir(), 'madoguchi-first-load-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ARGS,
    viewport,
    locale: 'ja-JP',
  });
  try {
    if (signInAs) {
      const answer = await context.request.post(`${baseUrl}/api/auth/login`, {
        data: { username: signInAs, password: 'madoguchi-demo' },
      });
      if (!answer.ok()) throw new Error(`sign-in as ${signInAs} failed: ${answer.status()}`);
    }
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    let bytes = 0;
    let requests = 0;
    cdp.on('Network.loadingFinished', (event) => {
      bytes += event.encodedDataLength;
      requests++;
    });
    await page.goto(`${baseUrl}${path}`, { waitUntil: 'networkidle' });
    return { path, kib: Math.round(bytes / 1024), requests };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

export const FIRST_LOADS = [
  { path: '/counter', signInAs: 'staff', viewport: { width: 1024, height: 768 }, targetKib: 400 },
  { path: '/dashboard', signInAs: 'manager', viewport: { width: 1366, height: 768 }, targetKib: null },
  { path: '/self-check', signInAs: null, viewport: { width: 390, height: 844 }, targetKib: 250 },
];

/** Starts the built server with a little demo data and measures each screen's first load. */
export async function runFirstLoads({ cases = 2000 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-bench-ui-'));
  const port = await freePort();
  const server = startProcess([resolve(ROOT, 'dist/apps/api/main.js')], {
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_PATH: join(dir, 'bench.sqlite'),
    MADOGUCHI_DEMO: '1',
    DEMO_CASES: String(cases),
    LOG_LEVEL: 'warn',
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${baseUrl}/api/health`, server.child, server.output);
    const loads = [];
    for (const screen of FIRST_LOADS)
      loads.push({ ...(await firstLoad(baseUrl, screen)), targetKib: screen.targetKib });
    return loads;
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
