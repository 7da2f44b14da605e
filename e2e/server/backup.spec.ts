/* A backup taken while the counter keeps writing, and brought back: whole, and holding every case acknowledged first. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient } from '../support/api-client';
import { sql } from '../support/database';
import { runServerOnce, startServer } from '../support/server';
import { writeBurst, type WriteOutcome } from '../support/write-burst';

describe('backup and restore', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'madoguchi-backup-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('backs up under write load and restores a database that holds every case acknowledged before the backup', async () => {
    const databasePath = join(dir, 'live.sqlite');
    const backupFile = join(dir, 'backup.sqlite');
    const server = await startServer({ DATABASE_PATH: databasePath });
    const staff = await ApiClient.signIn(server.baseUrl, 'staff');

    // Every case answered 201 before the backup starts (the first 150 answers) must be in it.
    let backup: Promise<{ code: number | null; output: string }> | undefined;
    const outcomes: WriteOutcome[] = await writeBurst(staff, 'backup', 1500, 8, (answered) => {
      if (answered === 150) {
        backup = runServerOnce({ DATABASE_PATH: databasePath }, ['backup', backupFile]);
      }
    });
    const acknowledgedBefore = outcomes.slice(0, 150).filter((o) => o.status === 201);
    const result = await backup;
    expect(result?.output).toMatch(/Backup written to .*integrity ok/);
    expect(result?.code).toBe(0);
    expect(outcomes.every((o) => o.status === 201)).toBe(true);

    // A second backup to the same name is refused rather than overwriting the first.
    const again = await runServerOnce({ DATABASE_PATH: databasePath }, ['backup', backupFile]);
    expect(again.code).toBe(1);
    expect(again.output).toContain('already exists');

    // Restoring while the server runs is refused.
    const refused = await runServerOnce({ DATABASE_PATH: databasePath }, ['restore', backupFile]);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('stop it first');
    await server.stop();

    const restored = await runServerOnce({ DATABASE_PATH: databasePath }, ['restore', backupFile]);
    expect(restored.output).toMatch(/Restored .* integrity ok/);
    expect(restored.code).toBe(0);
    expect(sql(databasePath, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    const stored = new Map(
      sql<{ id: number; note: string }>(
        databasePath,
        `SELECT id, note FROM support_case WHERE note LIKE 'backup-%'`,
      ).map((r) => [r.note, r.id]),
    );
    const missing = acknowledgedBefore.filter((o) => stored.get(o.note) !== o.id);
    process.stdout.write(
      `[backup] ${outcomes.length} writes during the backup, ${acknowledgedBefore.length} acknowledged before it began, ` +
        `${stored.size} in the restored file, ${missing.length} missing\n`,
    );
    expect(acknowledgedBefore.length).toBeGreaterThanOrEqual(140);
    expect(missing).toEqual([]);
    // The snapshot was taken while the counter kept writing: later cases are not in it.
    expect(stored.size).toBeLessThan(outcomes.length);

    // The restored database serves again.
    const after = await startServer({ DATABASE_PATH: databasePath });
    try {
      const manager = await ApiClient.signIn(after.baseUrl, 'manager');
      const list = await manager.get<{ total: number }>('/api/cases?from=2020-11-24&to=2020-11-24&pageSize=1');
      expect(list.body.total).toBe(stored.size);
    } finally {
      await after.stop();
    }
    // 1,500 real writes and four server starts: generous on a busy machine; nothing here measures speed.
  }, 180_000);

  it('refuses to restore a file that is not a whole Madoguchi database, and changes nothing', async () => {
    const databasePath = join(dir, 'kept.sqlite');
    const server = await startServer({ DATABASE_PATH: databasePath });
    await server.stop();
    const before = sql(databasePath, 'SELECT id, username FROM user_account ORDER BY id');
    expect(before.length).toBeGreaterThan(0);
    const junk = join(dir, 'junk.sqlite');
    sql(junk, 'CREATE TABLE notes (text TEXT)');
    const result = await runServerOnce({ DATABASE_PATH: databasePath }, ['restore', junk]);
    expect(result.code).toBe(1);
    expect(result.output).toContain('is not a Madoguchi database');
    expect(sql(databasePath, 'SELECT id, username FROM user_account ORDER BY id')).toEqual(before);
  });
});
