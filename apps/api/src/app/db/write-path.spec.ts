import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { SiteEntity } from '../catalog/site.entity';
import { openDatabase } from './data-source';
import { StorageUnavailableProblem } from './storage-failure';
import { SqliteWritePath, WritePath } from './write-path';

/** Another connection on the file, as a backup tool or a second server holds one (same SQLite library). */
function otherConnection(path: string) {
  const db = new Database(path, { timeout: 0 });
  return { exec: (sql: string) => void db.exec(sql), close: () => void db.close() };
}

const siteCodes = async (path: string) => {
  const other = await openDatabase(path);
  try {
    return (await other.getRepository(SiteEntity).find({ order: { id: 'ASC' } })).map((s) => s.code);
  } finally {
    await other.destroy();
  }
};

describe('WritePath on a real SQLite file', () => {
  let dir: string;
  let path: string;
  let reader: DataSource;
  let writes: WritePath;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'madoguchi-writes-'));
    path = join(dir, 'test.sqlite');
    reader = await openDatabase(path);
    writes = new SqliteWritePath({ databasePath: path, lockTimeoutMs: 300 });
  });
  afterEach(async () => {
    await writes.close();
    await reader.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers only after the commit: a fresh connection finds what was acknowledged', async () => {
    const id = await writes.run(async (m) => (await m.insert(SiteEntity, { code: 'a', name: 'A' })).identifiers[0]);
    expect(id).toEqual({ id: 1 });
    expect(await siteCodes(path)).toEqual(['a']);
  });

  it('keeps a refused request from undoing the others that shared its commit', async () => {
    const results = await Promise.allSettled(
      ['first', 'refused', 'third'].map((code) =>
        writes.run(async (m) => {
          await m.insert(SiteEntity, { code, name: code });
          if (code === 'refused') throw new Error('refused by a rule');
          return code;
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await siteCodes(path)).toEqual(['first', 'third']);
  });

  it('lets concurrent requests share commits instead of one commit each', async () => {
    const before = writes.current;
    await Promise.all(
      Array.from({ length: 100 }, (_, i) => writes.run((m) => m.insert(SiteEntity, { code: `s${i}`, name: 'x' }))),
    );
    const after = writes.current;
    expect(after.units - before.units).toBe(100);
    expect(after.commits - before.commits).toBeLessThan(10);
    expect((await siteCodes(path)).length).toBe(100);
  });

  it('shows nothing uncommitted to readers on the shared reading connection', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const writing = writes.run(async (m) => {
      await m.insert(SiteEntity, { code: 'pending', name: 'P' });
      await held;
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(await reader.getRepository(SiteEntity).count()).toBe(0);
    release();
    await writing;
    expect(await reader.getRepository(SiteEntity).count()).toBe(1);
  });

  it('answers 503 (busy) within the bound while another connection holds the lock, and writes again after', async () => {
    const other = otherConnection(path);
    other.exec('BEGIN IMMEDIATE');
    const startedAt = Date.now();
    const refused = await Promise.allSettled(
      [1, 2, 3].map((i) => writes.run((m) => m.insert(SiteEntity, { code: `locked${i}`, name: 'L' }))),
    );
    const waited = Date.now() - startedAt;
    for (const result of refused) {
      expect(result.status).toBe('rejected');
      const error = (result as PromiseRejectedResult).reason;
      expect(error).toBeInstanceOf(StorageUnavailableProblem);
      expect(error.status).toBe(503);
      expect(error.fault).toBe('busy');
    }
    expect(waited).toBeGreaterThanOrEqual(250);
    expect(writes.current).toMatchObject({ writable: false, fault: 'busy' });
    other.exec('ROLLBACK');
    other.close();
    await writes.run((m) => m.insert(SiteEntity, { code: 'after', name: 'A' }));
    expect(await siteCodes(path)).toEqual(['after']);
    expect(writes.current).toMatchObject({ writable: true, fault: null });
  });

  it('answers every request of a batch whose COMMIT fails with 503, keeps none of it, and recovers', async () => {
    // A deferred foreign key that is still broken at COMMIT makes SQLite refuse the COMMIT itself.
    const failing = Promise.allSettled([
      writes.run((m) => m.insert(SiteEntity, { code: 'innocent', name: 'I' })),
      writes.run(async (m) => {
        await m.query('PRAGMA defer_foreign_keys = ON');
        await m.query(`INSERT INTO user_account (username, displayName, role, passwordHash, siteId, disabled)
                       VALUES ('ghost', 'G', 'staff', 'x', 999, 0)`);
      }),
    ]);
    const results = await failing;
    for (const result of results) {
      expect(result.status).toBe('rejected');
      expect((result as PromiseRejectedResult).reason).toBeInstanceOf(StorageUnavailableProblem);
    }
    expect(await siteCodes(path)).toEqual([]);
    await writes.run((m) => m.insert(SiteEntity, { code: 'next', name: 'N' }));
    expect(await siteCodes(path)).toEqual(['next']);
    expect(await reader.query(`SELECT username FROM user_account WHERE username = 'ghost'`)).toEqual([]);
  });

  it('refuses new work with 503 once closing, after finishing what it had accepted', async () => {
    const accepted = writes.run((m) => m.insert(SiteEntity, { code: 'accepted', name: 'A' }));
    const closing = writes.close();
    await expect(writes.run((m) => m.insert(SiteEntity, { code: 'late', name: 'L' }))).rejects.toMatchObject({
      status: 503,
      type: 'shutting-down',
    });
    await accepted;
    await closing;
    expect(await siteCodes(path)).toEqual(['accepted']);
  });
});
