import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, types } from 'pg';

/** The engine the in-process API tests run on: `npm run test:api` runs them once per engine. */
export const TEST_ENGINE: 'sqlite' | 'postgres' =
  process.env['MADOGUCHI_TEST_ENGINE'] === 'postgres' ? 'postgres' : 'sqlite';

/** A PostgreSQL URL of a role that may create databases; each test server gets a database of its own there. */
const POSTGRES_URL =
  process.env['MADOGUCHI_TEST_POSTGRES_URL'] ?? 'postgres://madoguchi:madoguchi@127.0.0.1:5432/madoguchi';

/** An empty database of the test engine, and a way to look into it from outside the server. */
export interface TestDatabase {
  engine: 'sqlite' | 'postgres';
  /** What the server is told: DATABASE_PATH, or DATABASE_URL. */
  env: Record<string, string>;
  /**
   * Runs one SQL statement from outside, for what no API call can set up (a case recorded on an earlier day) or to
   * look at what is stored. Write it for both engines: identifiers in double quotes, `?` for each parameter.
   */
  sql<T = Record<string, unknown>>(statement: string, params?: unknown[]): Promise<T[]>;
  /** An instant as the engine stores it, for a parameter of `sql`. */
  instant(at: Date): string;
  /** The names of its tables. */
  tables(): Promise<string[]>;
  /** Removes the database. */
  drop(): Promise<void>;
}

let created = 0;

/** A new, empty database on the test engine (or the one named). */
export async function freshDatabase(engine = TEST_ENGINE): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'madoguchi-api-'));
    const path = join(dir, 'madoguchi.sqlite');
    return {
      engine: 'sqlite',
      env: { DATABASE_PATH: path },
      sql: async <T>(statement: string, params: unknown[] = []) => {
        const db = new Database(path, { timeout: 5000 });
        try {
          const prepared = db.prepare(statement);
          return (prepared.reader ? prepared.all(...params) : (prepared.run(...params), [])) as T[];
        } finally {
          db.close();
        }
      },
      instant: (at) => at.toISOString().replace('T', ' ').replace('Z', ''),
      tables: async () => {
        const db = new Database(path, { readonly: true });
        try {
          const rows = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[];
          return rows.map((row) => row.name);
        } finally {
          db.close();
        }
      },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `madoguchi_test_${process.pid}_${Date.now().toString(36)}_${++created}`;
  await onServer(POSTGRES_URL, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    engine: 'postgres',
    env: { DATABASE_URL: url.toString() },
    sql: <T>(statement: string, params: unknown[] = []) =>
      onServer(url.toString(), async (client) => {
        let n = 0;
        const result = await client.query(
          statement.replace(/\?/g, () => `$${++n}`),
          params,
        );
        return result.rows as T[];
      }),
    instant: (at) => at.toISOString(),
    tables: () =>
      onServer(url.toString(), async (client) => {
        const result = await client.query<{ name: string }>(
          `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'`,
        );
        return result.rows.map((row) => row.name);
      }),
    drop: () =>
      onServer(POSTGRES_URL, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}

// Counts come back as numbers, as they do from SQLite.
const numbers = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    oid === 20 || oid === 1700 ? (value: string) => Number(value) : types.getTypeParser(oid, format),
};

async function onServer<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, types: numbers });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
