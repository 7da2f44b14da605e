import { execFileSync } from 'node:child_process';

const SCRIPT = `
const sqlite3 = require('sqlite3');
const [path, sql, params] = process.argv.slice(1);
const db = new sqlite3.Database(path);
db.configure('busyTimeout', 5000);
db.all(sql, JSON.parse(params), (error, rows) => {
  if (error) { console.error(error.message); process.exit(1); }
  console.log(JSON.stringify(rows ?? []));
  db.close();
});`;

/**
 * Runs one SQL statement on the server's SQLite file from outside, for what no API call can set up (a case recorded
 * on an earlier day) or to look at what is stored. Fixtures only: tests check behaviour through the API.
 */
export function sql<T = Record<string, unknown>>(databasePath: string, statement: string, params: unknown[] = []): T[] {
  const out = execFileSync(process.execPath, ['-e', SCRIPT, databasePath, statement, JSON.stringify(params)]);
  return JSON.parse(out.toString() || '[]') as T[];
}
