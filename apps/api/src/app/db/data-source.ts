import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import type { BetterSqlite3ConnectionOptions } from 'typeorm/driver/better-sqlite3/BetterSqlite3ConnectionOptions';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import * as pg from 'pg';
import { AuthToken } from '../auth/auth-token.entity';
import { UserAccount } from '../auth/user.entity';
import { SupportCaseEntity } from '../cases/support-case.entity';
import { PaymentServiceEntity } from '../catalog/payment-service.entity';
import { SiteEntity } from '../catalog/site.entity';
import { OutageEntity } from '../outages/outage.entity';
import { AuditLogEntry } from '../audit/audit-log.entity';
import { HealthProbe } from '../health/health-probe.entity';
import { useInstantType } from './columns';
import { DatabaseTarget, describeTarget, Engine } from './engine';
import { InitialSchema1764115200000 } from './migrations/1764115200000-initial-schema';
import { Counter1764892800000 } from './migrations/1764892800000-counter';
import { HealthProbe1764979200000 } from './migrations/1764979200000-health-probe';
import { UsernamesLowerCase1765065600000 } from './migrations/1765065600000-usernames-lower-case';
import { SystemAuditActor1765152000000 } from './migrations/1765152000000-system-audit-actor';
import { Tickets1765324800000 } from './migrations/1765324800000-tickets';
import { CertRenewedAt1765411200000 } from './migrations/1765411200000-cert-renewed-at';
import { PostgresSchema1765500000000 } from './migrations/postgres/1765500000000-postgres-schema';
import { StatsRollups1765600000000 } from './migrations/1765600000000-stats-rollups';
import { StatsRollupEntity } from '../stats/rollups/stats-rollup.entity';
import { ApiTokenEntity } from '../api-tokens/api-token.entity';
import { ApiTokens1765700000000 } from './migrations/1765700000000-api-tokens';

export const ENTITIES = [
  SiteEntity,
  UserAccount,
  AuthToken,
  PaymentServiceEntity,
  OutageEntity,
  SupportCaseEntity,
  AuditLogEntry,
  HealthProbe,
  StatsRollupEntity,
  ApiTokenEntity,
];

/** Listed by hand: the server is bundled, so migrations cannot be found by a file glob at run time. */
export const MIGRATIONS = [
  InitialSchema1764115200000,
  Counter1764892800000,
  HealthProbe1764979200000,
  UsernamesLowerCase1765065600000,
  SystemAuditActor1765152000000,
  Tickets1765324800000,
  CertRenewedAt1765411200000,
  StatsRollups1765600000000,
  ApiTokens1765700000000,
];

/** PostgreSQL's schema, written once for the engine rather than replayed from SQLite's history; see migrations.spec. */
export const POSTGRES_MIGRATIONS = [PostgresSchema1765500000000, StatsRollups1765600000000, ApiTokens1765700000000];

/** The migrations of the engine: the schemas they reach are compared by a test, so the two sets keep in step. */
export const migrationsOf = (engine: Engine) => (engine === 'sqlite' ? MIGRATIONS : POSTGRES_MIGRATIONS);

const targetOf = (target: DatabaseTarget | string): DatabaseTarget =>
  typeof target === 'string' ? { engine: 'sqlite', path: target } : target;

/** The engine a data source talks to. */
export function engineOf(dataSource: DataSource): Engine {
  return dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
}

/** Options of the reading connection (a SQLite file path, or either engine's target). */
export function dataSourceOptions(target: DatabaseTarget | string): DataSourceOptions {
  const resolved = targetOf(target);
  useInstantType(resolved.engine);
  return resolved.engine === 'sqlite' ? sqliteOptions(resolved.path) : postgresOptions(resolved.url);
}

/**
 * SQLite through better-sqlite3: a statement runs in microseconds on the calling thread, where the asynchronous
 * driver paid three thread-pool round trips for each. Reads and writes must use this one library: two copies of
 * SQLite in one process cannot see each other's file locks.
 */
function sqliteOptions(databasePath: string): BetterSqlite3ConnectionOptions {
  if (databasePath !== ':memory:') mkdirSync(dirname(databasePath), { recursive: true });
  return {
    type: 'better-sqlite3',
    database: databasePath,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    // WAL lets readers run beside the counter's writes without waiting for them.
    enableWAL: true,
    // A wait for a lock blocks the whole process, so readers wait little; writers wait in the write path instead.
    timeout: 250,
    logging: false,
  };
}

// Counts and sums come back as numbers, as they do from SQLite; none of them nears 2^53.
const PG_NUMBERS = new Set([20 /* int8 */, 1700 /* numeric */]);
const pgTypes = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    PG_NUMBERS.has(oid) ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format),
};

interface PostgresSession {
  readOnly?: boolean;
  /** How long a statement waits for a lock held elsewhere before it fails (55P03), in ms. */
  lockTimeoutMs?: number;
}

function postgresOptions(url: string, session: PostgresSession = {}): PostgresConnectionOptions {
  const options = [
    // Parameters without a zone (text instants) are read as UTC, whatever the server's own zone.
    '-c TimeZone=UTC',
    ...(session.readOnly ? ['-c default_transaction_read_only=on'] : []),
    ...(session.lockTimeoutMs ? [`-c lock_timeout=${session.lockTimeoutMs}`] : []),
  ];
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: POSTGRES_MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    logging: false,
    extra: {
      options: options.join(' '),
      types: pgTypes,
      max: 10,
      connectionTimeoutMillis: 5000,
    },
  };
}

/**
 * The write path's own connection: the same database; a lock held elsewhere is waited for by the write path (SQLite)
 * or by the server for at most `lockTimeoutMs` (PostgreSQL).
 */
export function writerOptions(target: DatabaseTarget | string, lockTimeoutMs?: number): DataSourceOptions {
  const resolved = targetOf(target);
  if (resolved.engine === 'postgres') {
    useInstantType('postgres');
    return postgresOptions(resolved.url, { lockTimeoutMs });
  }
  return {
    ...dataSourceOptions(resolved),
    timeout: 0,
    // WAL with synchronous FULL: a COMMIT returns only after the WAL is fsynced, so it survives a power cut.
    prepareDatabase: (db: { pragma: (sql: string) => unknown }) => {
      db.pragma('synchronous = FULL');
      // The Checkpointer does this on its own thread; here it stalled the requests behind a COMMIT.
      db.pragma('wal_autocheckpoint = 0');
      // A log grown by a burst is cut back to this size once checkpointed, instead of keeping its peak on disk.
      db.pragma('journal_size_limit = 67108864');
    },
  } as DataSourceOptions;
}

/**
 * TypeORM's SQLite driver writes numeric parameters into the SQL text, so each id makes a new statement to prepare
 * and floods the statement cache. As BigInts they are bound instead (better-sqlite3 binds a BigInt as an integer).
 */
export function bindIntegerParameters(dataSource: DataSource): DataSource {
  if (engineOf(dataSource) !== 'sqlite') return dataSource;
  const driver = dataSource.driver;
  const escape = driver.escapeQueryWithParameters.bind(driver);
  const bound = (value: unknown) => (Number.isSafeInteger(value) ? BigInt(value as number) : value);
  driver.escapeQueryWithParameters = (sql, parameters, nativeParameters) =>
    escape(
      sql,
      Object.fromEntries(
        Object.entries(parameters ?? {}).map(([key, value]) => [
          key,
          Array.isArray(value) ? value.map(bound) : bound(value),
        ]),
      ),
      nativeParameters,
    );
  return dataSource;
}

/** The database could not be opened at start: says where, why, and what to check, without a stack. */
export class DatabaseOpenError extends Error {
  constructor(target: DatabaseTarget, cause: unknown) {
    const why = cause instanceof Error ? cause.message : String(cause);
    const check =
      target.engine === 'postgres'
        ? 'Check that PostgreSQL runs there, that DATABASE_URL names its host, port, database, role and password, ' +
          'and that the role owns the database.'
        : 'Check that DATABASE_PATH names a file this user may create and write, on a local disk.';
    super(`The database at ${describeTarget(target)} could not be opened: ${why}. ${check}`);
  }
}

/** Opens the database and brings it up to date before anything else touches it. */
export async function openDatabase(target: DatabaseTarget | string): Promise<DataSource> {
  const dataSource = bindIntegerParameters(new DataSource(dataSourceOptions(target)));
  try {
    await dataSource.initialize();
  } catch (error) {
    throw new DatabaseOpenError(targetOf(target), error);
  }
  if (engineOf(dataSource) === 'sqlite') await dataSource.query('PRAGMA foreign_keys = ON');
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}

/** Makes the shared reading connection refuse writes: every change must go through the write path. */
export async function sealReadConnection(dataSource: DataSource): Promise<void> {
  if (engineOf(dataSource) === 'sqlite') {
    // Statistics for the query planner, sampled (a few ms even at a million cases): without them SQLite reads every
    // case of a site rather than the minutes of an outage at that site.
    await dataSource.query('PRAGMA analysis_limit = 1000');
    await dataSource.query('PRAGMA optimize = 0x10002');
    await dataSource.query('PRAGMA query_only = ON');
    return;
  }
  // A pooled connection cannot be changed one by one: the pool is opened anew, every session read-only.
  const { url } = dataSource.options as PostgresConnectionOptions;
  await dataSource.destroy();
  dataSource.setOptions(postgresOptions(url as string, { readOnly: true }));
  await dataSource.initialize();
}
