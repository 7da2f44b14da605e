import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import type { SqliteConnectionOptions } from 'typeorm/driver/sqlite/SqliteConnectionOptions';
import { AuthToken } from '../auth/auth-token.entity';
import { UserAccount } from '../auth/user.entity';
import { SupportCaseEntity } from '../cases/support-case.entity';
import { PaymentServiceEntity } from '../catalog/payment-service.entity';
import { SiteEntity } from '../catalog/site.entity';
import { OutageEntity } from '../outages/outage.entity';
import { AuditLogEntry } from '../audit/audit-log.entity';
import { HealthProbe } from '../health/health-probe.entity';
import { InitialSchema1764115200000 } from './migrations/1764115200000-initial-schema';
import { Counter1764892800000 } from './migrations/1764892800000-counter';
import { HealthProbe1764979200000 } from './migrations/1764979200000-health-probe';

export const ENTITIES = [
  SiteEntity,
  UserAccount,
  AuthToken,
  PaymentServiceEntity,
  OutageEntity,
  SupportCaseEntity,
  AuditLogEntry,
  HealthProbe,
];

/** Listed by hand: the server is bundled, so migrations cannot be found by a file glob at run time. */
export const MIGRATIONS = [InitialSchema1764115200000, Counter1764892800000, HealthProbe1764979200000];

export function dataSourceOptions(databasePath: string): SqliteConnectionOptions {
  if (databasePath !== ':memory:') mkdirSync(dirname(databasePath), { recursive: true });
  return {
    type: 'sqlite',
    database: databasePath,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    // WAL lets readers (statistics) run beside the counter's writes; busy timeout rides out short write locks.
    enableWAL: true,
    busyTimeout: 5000,
    logging: ['error'],
  };
}

/** The write path's own connection: the same file, its lock waited for within the bound, no query text in logs. */
export function writerOptions(databasePath: string, lockTimeoutMs: number): DataSourceOptions {
  return { ...dataSourceOptions(databasePath), busyTimeout: lockTimeoutMs, logging: false };
}

/** Opens the database and brings it up to date before anything else touches it. */
export async function openDatabase(databasePath: string): Promise<DataSource> {
  const dataSource = new DataSource(dataSourceOptions(databasePath));
  await dataSource.initialize();
  await dataSource.query('PRAGMA foreign_keys = ON');
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}

/** Makes the shared reading connection refuse writes: every change must go through the write path. */
export async function sealReadConnection(dataSource: DataSource): Promise<void> {
  await dataSource.query('PRAGMA query_only = ON');
}
