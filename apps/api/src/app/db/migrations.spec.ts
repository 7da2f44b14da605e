import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions, openDatabase } from './data-source';

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
    await dataSource.undoLastMigration();
    const tables = await dataSource.query(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'support_case'`,
    );
    expect(tables).toEqual([]);
  });

  it('never let TypeORM synchronise the schema by itself', () => {
    const options = dataSourceOptions(join(dir, 'other.sqlite'));
    expect(options.synchronize).toBe(false);
    expect(options.migrationsRun).toBe(false);
  });
});
