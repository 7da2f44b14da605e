import type { Settings } from '../config/config';

/** The two databases the desk runs on: an embedded SQLite file, or a PostgreSQL server for many processes. */
export type Engine = 'sqlite' | 'postgres';

/** Where the data lives: a SQLite file, or a PostgreSQL database given by its URL. */
export type DatabaseTarget = { engine: 'sqlite'; path: string } | { engine: 'postgres'; url: string };

/** DATABASE_URL, when set, chooses PostgreSQL; otherwise the SQLite file at DATABASE_PATH. */
export function databaseTarget(settings: Pick<Settings, 'DATABASE_URL' | 'DATABASE_PATH'>): DatabaseTarget {
  return settings.DATABASE_URL
    ? { engine: 'postgres', url: settings.DATABASE_URL }
    : { engine: 'sqlite', path: settings.DATABASE_PATH };
}

/** The target as an operator would name it, without a password. */
export function describeTarget(target: DatabaseTarget): string {
  if (target.engine === 'sqlite') return target.path;
  const url = new URL(target.url);
  if (url.password) url.password = '***';
  return url.toString();
}
