import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions, MIGRATIONS, openDatabase } from './data-source';

describe('migrations', () => {
  let dir: string;
  let dataSource: DataSource;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'madoguchi-migrations-'));
    dataSource = await openDatabase(join(dir, 'test.sqlite'));
  });
  afterEach(async () => {
    if (dataSource.isInitialized) await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('bring an empty SQLite file exactly to the schema the entities describe', async () => {
    expect(await dataSource.showMigrations()).toBe(false);
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('are idempotent at the next start and can be reverted', async () => {
    await dataSource.destroy();
    dataSource = await openDatabase(join(dir, 'test.sqlite'));
    expect(await dataSource.showMigrations()).toBe(false);
    for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration();
    const tables = await dataSource.query(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('support_case', 'audit_log')`,
    );
    expect(tables).toEqual([]);
  });

  it('upgrade a database written by an earlier version without losing or breaking its cases', async () => {
    const path = join(dir, 'old.sqlite');
    const old = new DataSource({ ...dataSourceOptions(path), migrations: MIGRATIONS.slice(0, 1) });
    await old.initialize();
    await old.query('PRAGMA foreign_keys = ON');
    await old.runMigrations({ transaction: 'each' });
    await old.query(`INSERT INTO site (code, name) VALUES ('main', '本庁舎')`);
    await old.query(
      `INSERT INTO support_case (siteId, channel, procedure, representative, status, arrivedAt, note, version)
       VALUES (1, 'counter', 'both', 'self', 'waiting', '2020-09-01 01:00:00.000', '古いメモ', 1)`,
    );
    await old.destroy();

    const upgraded = await openDatabase(path);
    try {
      expect(await upgraded.query('SELECT id, note, followUpCode, previousCaseId FROM support_case')).toEqual([
        { id: 1, note: '古いメモ', followUpCode: null, previousCaseId: null },
      ]);
      expect(await upgraded.query('PRAGMA foreign_key_check')).toEqual([]);
      expect((await upgraded.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
    } finally {
      await upgraded.destroy();
    }
  });

  it('never let TypeORM synchronise the schema by itself', () => {
    const options = dataSourceOptions(join(dir, 'other.sqlite'));
    expect(options.synchronize).toBe(false);
    expect(options.migrationsRun).toBe(false);
  });
});
