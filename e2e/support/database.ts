import { execFileSync } from 'node:child_process';

const SCRIPT = `
const Database = require('better-sqlite3');
const [path, sql, params] = process.argv.slice(1);
const db = new Database(path, { timeout: 5000 });
const statement = db.prepare(sql);
const values = JSON.parse(params);
console.log(JSON.stringify(statement.reader ? statement.all(...values) : (statement.run(...values), [])));
db.close();`;

/**
 * Runs one SQL statement on the server's SQLite file from outside, for what no API call can set up (a case recorded
 * on an earlier day) or to look at what is stored. Fixtures only: tests check behaviour through the API.
 */
export function sql<T = Record<string, unknown>>(databasePath: string, statement: string, params: unknown[] = []): T[] {
  const out = execFileSync(process.execPath, ['-e', SCRIPT, databasePath, statement, JSON.stringify(params)]);
  return JSON.parse(out.toString() || '[]') as T[];
}
