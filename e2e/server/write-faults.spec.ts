/*
 * The write path tried the way it fails in the field, on a real SQLite file: a full disk, a file made read-only, a
 * lock held by another connection, SIGKILL and SIGTERM under a burst of writes. After each, a fresh connection must
 * find every acknowledged case and nothing refused, and the server must take writes again once the cause is gone.
 */
import type { Health } from '@madoguchi/contracts';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync, closeSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient } from '../support/api-client';
import { pastNotCompleted, problemType } from '../support/builders';
import { sql } from '../support/database';
import { RunningServer, startServer } from '../support/server';
import { checkBurstAgainstFile, report, writeBurst, WriteOutcome } from '../support/write-burst';

const health = async (server: RunningServer) => {
  const response = await fetch(`${server.baseUrl}/api/health`);
  return { status: response.status, body: (await response.json()) as Health };
};

/** Health is probed at most every two seconds; wait for it to say `expected`. */
async function healthBecomes(server: RunningServer, expected: Health['status']) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const answer = await health(server);
    if (answer.body.status === expected || Date.now() > deadline) return answer;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Every answer that is not a 201 must be a 503 problem with Retry-After: never a 500, never silence. */
function expectOnlyRetryableRefusals(outcomes: WriteOutcome[]) {
  const refusals = outcomes.filter((o) => o.status !== 201 && o.status !== 'no-answer');
  for (const refusal of refusals) {
    expect(refusal).toMatchObject({ status: 503, retryAfter: expect.stringMatching(/^\d+$/) });
  }
  return refusals;
}

describe('the write path under storage faults', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'madoguchi-faults-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe('a full disk', () => {
    const mountPoint = join(tmpdir(), `madoguchi-full-disk-${process.pid}`);
    let mounted = false;
    let whyNot = '';
    beforeAll(() => {
      mkdirSync(mountPoint, { recursive: true });
      try {
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=6m', 'tmpfs', mountPoint], { stdio: 'pipe' });
        mounted = true;
      } catch (error) {
        whyNot = String((error as { stderr?: Buffer }).stderr ?? error).trim();
      }
    });
    afterAll(() => {
      if (mounted) execFileSync('umount', [mountPoint]);
      rmSync(mountPoint, { recursive: true, force: true });
    });

    it('refuses writes with 503 while the disk is full, stores none of them, keeps serving reads, and recovers', async () => {
      if (!mounted) {
        process.stdout.write(`[write faults] full disk: SKIPPED, a 6 MB tmpfs could not be mounted here (${whyNot})\n`);
        return;
      }
      const databasePath = join(mountPoint, 'madoguchi.sqlite');
      const server = await startServer({ DATABASE_PATH: databasePath });
      const filler = join(mountPoint, 'filler');
      try {
        const staff = await ApiClient.signIn(server.baseUrl, 'staff');
        const manager = await ApiClient.signIn(server.baseUrl, 'manager');
        // Fill the disk to the last byte, then give back a little so that a few writes still fit.
        const fd = openSync(filler, 'w');
        const chunk = Buffer.alloc(64 * 1024, 1);
        let size = 0;
        try {
          for (;;) size += writeSync(fd, chunk);
        } catch {
          // ENOSPC: the disk is full.
        }
        ftruncateSync(fd, Math.max(0, size - 384 * 1024));
        closeSync(fd);

        const outcomes = await writeBurst(staff, 'disk-full', 300, 16);
        const refusals = expectOnlyRetryableRefusals(outcomes);
        expect(refusals.length).toBeGreaterThan(0);
        expect(refusals.some((r) => r.fault === 'disk-full')).toBe(true);

        // Right after a write that did not fit, health says so: up and reading, not writing.
        outcomes.push(...(await writeBurst(staff, 'disk-full-more', 1, 1)));
        const last = outcomes[outcomes.length - 1] as WriteOutcome;
        if (last.status === 503) {
          expect(await health(server)).toMatchObject({
            status: 503,
            body: { status: 'degraded', database: 'up', writes: 'failing', writeFault: 'disk-full' },
          });
        }
        expect((await manager.get('/api/cases?from=2020-11-24&to=2020-11-24')).status).toBe(200);
        // A sign-in either says it could not be stored, or its token works: never 200 with a dead token.
        const signIn = await new ApiClient(server.baseUrl).post<{ token: string }>('/api/auth/login', {
          username: 'staff',
          password: 'madoguchi-demo',
        });
        expect([200, 503]).toContain(signIn.status);
        if (signIn.status === 200) {
          const me = await fetch(`${server.baseUrl}/api/auth/me`, {
            headers: { authorization: `Bearer ${signIn.body.token}` },
          });
          expect(me.status).toBe(200);
        }

        rmSync(filler);
        const after = await staff.post('/api/cases', pastNotCompleted({ note: 'after-disk-full' }));
        expect(after.status).toBe(201);
        expect((await healthBecomes(server, 'ok')).status).toBe(200);

        await server.stop();
        const check = checkBurstAgainstFile(databasePath, 'disk-full', outcomes);
        expect(sql(databasePath, `SELECT id FROM support_case WHERE note = 'after-disk-full'`)).toHaveLength(1);
        report('full disk (6 MB tmpfs)', check);
        expect(check.found).toBe(check.acknowledged);
      } finally {
        rmSync(filler, { force: true });
        await server.kill('SIGKILL');
      }
    });
  });

  describe('a database file made read-only', () => {
    let server: RunningServer;
    let files: string[] = [];
    const setImmutable = (on: boolean) =>
      execFileSync('chattr', [on ? '+i' : '-i', ...files.filter((f) => existsSync(f))], { stdio: 'pipe' });
    beforeAll(async () => {
      server = await startServer({ DATABASE_PATH: join(dir, 'read-only.sqlite') });
      files = [server.databasePath, `${server.databasePath}-wal`];
    });
    afterAll(async () => {
      setImmutable(false);
      await server.stop();
    });

    it('answers 503 for every write while the file cannot be written, signs nobody out silently, and recovers', async () => {
      const staff = await ApiClient.signIn(server.baseUrl, 'staff');
      const outcomes = await writeBurst(staff, 'read-only', 200, 8, (answered) => {
        if (answered === 40) setImmutable(true);
      });
      const refusals = expectOnlyRetryableRefusals(outcomes);
      expect(refusals.length).toBeGreaterThan(100);

      const degraded = await healthBecomes(server, 'degraded');
      expect(degraded).toMatchObject({ status: 503, body: { writes: 'failing', writeFault: 'read-only' } });
      // A sign-out that could not be stored says so, and the session really is still valid.
      expect((await staff.post('/api/auth/logout')).status).toBe(503);
      expect((await staff.get('/api/auth/me')).status).toBe(200);

      setImmutable(false);
      expect((await staff.post('/api/cases', pastNotCompleted({ note: 'after-read-only' }))).status).toBe(201);
      expect((await healthBecomes(server, 'ok')).status).toBe(200);
      expect((await staff.post('/api/auth/logout')).status).toBe(204);
      expect((await staff.get('/api/auth/me')).status).toBe(401);

      const check = checkBurstAgainstFile(server.databasePath, 'read-only', outcomes);
      report('read-only file (chattr +i)', check);
      expect(check.found).toBe(check.acknowledged);
    });
  });

  describe('a lock held by another connection', () => {
    let server: RunningServer;
    let holder: ChildProcess | undefined;
    beforeAll(async () => {
      server = await startServer({ DATABASE_PATH: join(dir, 'locked.sqlite'), WRITE_LOCK_TIMEOUT_MS: '500' });
    });
    afterAll(async () => {
      holder?.kill('SIGKILL');
      await server.stop();
    });

    it('waits for the lock within its bound, then answers 503 with Retry-After, never 500, and writes once it is free', async () => {
      const staff = await ApiClient.signIn(server.baseUrl, 'staff');
      // Another process takes the write lock and keeps it for two seconds.
      holder = spawn(process.execPath, [
        '-e',
        `const db = new (require('better-sqlite3'))(process.argv[1]);
         db.exec('BEGIN IMMEDIATE'); console.log('locked');
         setTimeout(() => { db.exec('ROLLBACK'); db.close(); console.log('released'); }, 2000);`,
        server.databasePath,
      ]);
      const released = new Promise<void>((resolve) => holder?.on('exit', () => resolve()));
      await new Promise<void>((resolve) =>
        holder?.stdout?.on('data', (d) => String(d).includes('locked') && resolve()),
      );

      const startedAt = Date.now();
      const outcomes = await writeBurst(staff, 'locked', 24, 8);
      const waited = Date.now() - startedAt;
      const refusals = expectOnlyRetryableRefusals(outcomes);
      expect(refusals.length).toBeGreaterThan(0);
      expect(refusals.every((r) => r.fault === 'busy' && r.problemType === problemType('storage-unavailable'))).toBe(
        true,
      );
      expect(waited).toBeLessThan(8_000);

      await released;
      expect((await staff.post('/api/cases', pastNotCompleted({ note: 'after-locked' }))).status).toBe(201);
      const check = checkBurstAgainstFile(server.databasePath, 'locked', outcomes);
      report('lock held by another connection for 2 s (bound 0.5 s)', check);
      expect(check.found).toBe(check.acknowledged);
    });
  });

  describe('the process killed under load', () => {
    it('SIGKILL in a burst: after a restart every acknowledged case is there, under its own id', async () => {
      const databasePath = join(dir, 'killed.sqlite');
      const first = await startServer({ DATABASE_PATH: databasePath });
      const staff = await ApiClient.signIn(first.baseUrl, 'staff');
      let killed: Promise<unknown> | undefined;
      const outcomes = await writeBurst(staff, 'sigkill', 400, 16, (answered) => {
        if (answered === 150) killed = first.kill('SIGKILL');
      });
      await killed;
      expect(outcomes.some((o) => o.status === 'no-answer')).toBe(true);
      expectOnlyRetryableRefusals(outcomes);

      const second = await startServer({ DATABASE_PATH: databasePath });
      try {
        const check = checkBurstAgainstFile(databasePath, 'sigkill', outcomes);
        report('SIGKILL during a burst', check);
        expect(check.acknowledged).toBeGreaterThanOrEqual(150);
        // Requests that died with the process may have been stored without an answer; never the other way round.
        expect(check.found).toBeGreaterThanOrEqual(check.acknowledged);
        const again = await (
          await ApiClient.signIn(second.baseUrl, 'staff')
        ).post('/api/cases', pastNotCompleted({ note: 'after-sigkill' }));
        expect(again.status).toBe(201);
        const acknowledgedIds = new Set(outcomes.map((o) => o.id));
        expect(acknowledgedIds.has((again.body as { id: number }).id)).toBe(false);
      } finally {
        await second.stop();
      }
    });

    it('SIGTERM in a burst: requests in flight finish, later ones get 503 or no connection, and the process exits 0', async () => {
      const databasePath = join(dir, 'stopped.sqlite');
      const server = await startServer({ DATABASE_PATH: databasePath });
      const staff = await ApiClient.signIn(server.baseUrl, 'staff');
      let stopped: Promise<{ code: number | null }> | undefined;
      const outcomes = await writeBurst(staff, 'sigterm', 300, 16, (answered) => {
        if (answered === 100) stopped = server.kill('SIGTERM');
      });
      const exit = await stopped;
      expect(exit).toMatchObject({ code: 0 });
      const refusals = expectOnlyRetryableRefusals(outcomes);
      expect(refusals.every((r) => r.problemType === problemType('shutting-down'))).toBe(true);
      const check = checkBurstAgainstFile(databasePath, 'sigterm', outcomes);
      report('SIGTERM during a burst', check);
      expect(check.found).toBe(check.acknowledged);
      expect(server.output()).not.toMatch(/ERROR/);
    });
  });
});
