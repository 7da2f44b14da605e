/* The two engines' migrations: each reaches exactly the schema the entities describe, and the same one. */
import type { DataSource } from 'typeorm';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { openDatabase } from '../../apps/api/src/testing';
import { freshDatabase, TestDatabase } from '../support/engine';

/** Tables, columns, indexes and foreign keys as both engines can state them; types are left to each engine. */
async function schemaOf(dataSource: DataSource) {
  const runner = dataSource.createQueryRunner();
  try {
    const tables = await runner.getTables(dataSource.entityMetadatas.map((entity) => entity.tableName));
    const described = tables
      .map((table) => ({
        table: table.name.replace(/^public\./, ''),
        columns: table.columns.map((c) => `${c.name}${c.isNullable ? '?' : ''}${c.isPrimary ? ' primary' : ''}`).sort(),
        indexes: [] as string[],
        foreignKeys: table.foreignKeys
          .map((f) => `${f.name}(${f.columnNames.join(',')})→${f.referencedTableName.replace(/^public\./, '')}`)
          .sort(),
      }))
      .sort((a, b) => a.table.localeCompare(b.table))
      .map(async (table) => ({ ...table, indexes: await indexesOf(dataSource, table.table) }));
    return Promise.all(described);
  } finally {
    await runner.release();
  }
}

// TypeORM does not keep the order of an index's columns on PostgreSQL, and that order is what makes it useful.
const PG_INDEXES = `
  SELECT i.relname AS name, ix.indisunique AS "unique", array_agg(a.attname::text ORDER BY k.ord) AS columns
  FROM pg_index ix
  JOIN pg_class i ON i.oid = ix.indexrelid
  JOIN pg_class t ON t.oid = ix.indrelid
  CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
  JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
  WHERE t.relname = $1 AND NOT ix.indisprimary
  GROUP BY i.relname, ix.indisunique`;

/** Every index of a table but the primary key's, as `name(column,column) [unique]`, columns in their order. */
async function indexesOf(dataSource: DataSource, table: string): Promise<string[]> {
  let indexes: { name: string; unique: boolean | number; columns: string[] }[];
  if (dataSource.options.type === 'postgres') {
    indexes = await dataSource.query(PG_INDEXES, [table]);
  } else {
    const list: { name: string; unique: number; origin: string }[] = await dataSource.query(
      `SELECT name, "unique", origin FROM pragma_index_list(?)`,
      [table],
    );
    indexes = [];
    for (const index of list.filter((i) => i.origin !== 'pk')) {
      const info: { name: string }[] = await dataSource.query('SELECT name FROM pragma_index_info(?) ORDER BY seqno', [
        index.name,
      ]);
      indexes.push({ ...index, columns: info.map((column) => column.name) });
    }
  }
  return indexes.map((i) => `${i.name}(${i.columns.join(',')})${i.unique ? ' unique' : ''}`).sort();
}

describe('the schema', () => {
  const opened: DataSource[] = [];
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    for (const dataSource of opened) await dataSource.destroy();
    for (const database of databases) await database.drop();
  });

  async function migrated(database: TestDatabase): Promise<DataSource> {
    databases.push(database);
    const target = database.env['DATABASE_URL']
      ? { engine: 'postgres' as const, url: database.env['DATABASE_URL'] }
      : { engine: 'sqlite' as const, path: database.env['DATABASE_PATH'] as string };
    const dataSource = await openDatabase(target);
    opened.push(dataSource);
    return dataSource;
  }

  it("is brought by the test engine's migrations exactly to what the entities describe", async () => {
    const dataSource = await migrated(await freshDatabase());
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    const schema = await schemaOf(dataSource);
    expect(schema.find((t) => t.table === 'support_case')?.indexes).toContain(
      'uq_case_ticket(siteId,ticketDay,ticketNumber) unique',
    );
    expect(schema.map((t) => t.table)).toEqual([
      'api_token',
      'audit_log',
      'auth_token',
      'health_probe',
      'outage',
      'payment_service',
      'site',
      'stats_rollup',
      'support_case',
      'user_account',
    ]);
  });

  it('is the same on the test engine as on SQLite: tables, columns, nullability, indexes and foreign keys', async () => {
    const onTestEngine = await schemaOf(await migrated(await freshDatabase()));
    const sqlite = await schemaOf(await migrated(await freshDatabase('sqlite')));
    expect(onTestEngine).toEqual(sqlite);
  });
});
