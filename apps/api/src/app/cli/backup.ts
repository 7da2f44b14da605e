import Database from 'better-sqlite3';
import {
  copyFileSync,
  existsSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Settings } from '../config/config';

/** Beside the database while a server runs on it: the file restore reads to know it must wait. */
export const pidFileOf = (databasePath: string) => `${databasePath}.pid`;

const SIDE_FILES = ['-wal', '-shm'];

interface Checked {
  cases: number;
  bytes: number;
}

/** Opens a database file read-only and proves it whole: integrity_check, and the tables of a Madoguchi database. */
export function checkDatabaseFile(path: string): Checked {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const result = db.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error(`${path} is damaged: integrity_check says ${String(result)}`);
    const tables = new Set(
      (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map(
        (t) => t.name,
      ),
    );
    for (const table of ['migrations', 'support_case', 'user_account', 'audit_log']) {
      if (!tables.has(table)) throw new Error(`${path} is not a Madoguchi database: it has no ${table} table`);
    }
    const { cases } = db.prepare('SELECT COUNT(*) AS cases FROM support_case').get() as { cases: number };
    return { cases, bytes: statSync(path).size };
  } finally {
    db.close();
  }
}

/**
 * A consistent copy of the database while the server keeps serving: VACUUM INTO reads one snapshot (WAL readers
 * never block the counter's writes), writes it to a temporary file, which is checked before it takes its name.
 */
export function backupDatabase(databasePath: string, target: string): Checked {
  if (existsSync(target)) throw new Error(`${target} already exists: choose a new file name, nothing was written`);
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const source = new Database(databasePath, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    source.prepare('VACUUM INTO ?').run(partial);
  } finally {
    source.close();
  }
  try {
    const checked = checkDatabaseFile(partial);
    renameSync(partial, target);
    return checked;
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

const serverRunningOn = (databasePath: string): number | null => {
  const pidFile = pidFileOf(databasePath);
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    // A pid file left by a server that was killed: nobody is using the database.
    return null;
  }
};

/**
 * Brings a backup back with the server stopped: the backup is checked first, the database it replaces is kept beside
 * it (with its WAL) under a dated name, and the copy takes the database's name only once complete.
 */
export function restoreDatabase(databasePath: string, backup: string, now = new Date()): Checked & { keptAs: string } {
  const pid = serverRunningOn(databasePath);
  if (pid !== null)
    throw new Error(`A server (pid ${pid}) is using ${databasePath}: stop it first, nothing was changed`);
  const checked = checkDatabaseFile(backup);
  const keptAs = `${databasePath}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
  const incoming = resolve(dirname(databasePath), `.restore-${now.getTime()}.sqlite`);
  copyFileSync(backup, incoming);
  if (existsSync(databasePath)) {
    renameSync(databasePath, keptAs);
    for (const side of SIDE_FILES) if (existsSync(databasePath + side)) renameSync(databasePath + side, keptAs + side);
  }
  renameSync(incoming, databasePath);
  return { ...checked, keptAs };
}

/** Marks the database as in use by this process until it stops. */
export function claimDatabase(databasePath: string): () => void {
  const pidFile = pidFileOf(databasePath);
  writeFileSync(pidFile, String(process.pid));
  return () => {
    try {
      unlinkSync(pidFile);
    } catch {
      // Already gone.
    }
  };
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** `backup FILE` and `restore FILE` from the command line (npm run backup / npm run restore). */
export function backupCommand(settings: Settings, command: 'backup' | 'restore', args: string[]): void {
  const [file] = args;
  if (!file) {
    process.stderr.write(`Usage: npm run ${command} -- FILE\n`);
    process.exit(2);
  }
  if (settings.DATABASE_URL) {
    process.stderr.write(
      `${command} works on the SQLite file; this server uses PostgreSQL (DATABASE_URL), whose own tools do it: ` +
        `pg_dump --format=custom --file=FILE "$DATABASE_URL" and pg_restore --clean --dbname="$DATABASE_URL" FILE.\n`,
    );
    process.exit(2);
  }
  try {
    if (command === 'backup') {
      const { cases, bytes } = backupDatabase(settings.DATABASE_PATH, file);
      process.stdout.write(
        `Backup written to ${file}: ${cases.toLocaleString('en')} cases, ${megabytes(bytes)}, integrity ok.\n`,
      );
    } else {
      const { cases, keptAs } = restoreDatabase(settings.DATABASE_PATH, file);
      process.stdout.write(
        `Restored ${settings.DATABASE_PATH} from ${file} (${cases.toLocaleString('en')} cases, integrity ok).\n` +
          `The database it replaced is kept as ${keptAs}. Start the server to use it.\n`,
      );
    }
  } catch (error) {
    process.stderr.write(`${command} failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
