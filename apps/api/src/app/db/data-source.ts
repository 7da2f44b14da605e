import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import { AuthToken } from '../auth/auth-token.entity';
import { UserAccount } from '../auth/user.entity';
import { SupportCaseEntity } from '../cases/support-case.entity';
import { PaymentServiceEntity } from '../catalog/payment-service.entity';
import { SiteEntity } from '../catalog/site.entity';
import { OutageEntity } from '../outages/outage.entity';
import { AuditLogEntry } from '../audit/audit-log.entity';
import { InitialSchema1764115200000 } from './migrations/1764115200000-initial-schema';
import { Counter1764892800000 } from './migrations/1764892800000-counter';

export const ENTITIES = [
  SiteEntity,
  UserAccount,
  AuthToken,
  PaymentServiceEntity,
  OutageEntity,
  SupportCaseEntity,
  AuditLogEntry,
];

/** Listed by hand: the server is bundled, so migrations cannot be found by a file glob at run time. */
export const MIGRATIONS = [InitialSchema1764115200000, Counter1764892800000];

export function dataSourceOptions(databasePath: string): DataSourceOptions {
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

/** Opens the database and brings it up to date before anything else touches it. */
export async function openDatabase(databasePath: string): Promise<DataSource> {
  const dataSource = new DataSource(dataSourceOptions(databasePath));
  await dataSource.initialize();
  await dataSource.query('PRAGMA foreign_keys = ON');
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}
