import { DataSource, EntityManager } from 'typeorm';
import type { DemoCase, demoCatalogue } from '@madoguchi/demo-data';
import { UserAccount } from '../auth/user.entity';
import { CASE_FACT_COLUMNS, SupportCaseEntity } from '../cases/support-case.entity';
import { PaymentServiceEntity } from '../catalog/payment-service.entity';
import { SiteEntity } from '../catalog/site.entity';
import { engineOf } from '../db/data-source';
import { OutageEntity } from '../outages/outage.entity';

/** The ids the catalogue's names were given, which the cases point to. */
export interface DemoCatalogueIds {
  siteIds: ReadonlyMap<string, number>;
  serviceIds: ReadonlyMap<string, number>;
  staffIds: ReadonlyMap<string, number>;
}

export interface DemoCaseWriter {
  /**
   * Inserts cases in the order given; `firstId` is the id sequence number 1 got (null while only that case goes in),
   * so that a return visit points to the id its earlier visit was given.
   */
  insert(cases: readonly DemoCase[], firstId: number | null): Promise<void>;
}

// The columns a demo case fills; the rest keep their defaults (no ticket, no certificate date, stamps of now).
const CASE_COLUMNS = [...CASE_FACT_COLUMNS, 'version', 'followUpCode', 'previousCaseId'] as const;
const COLUMN_LIST = CASE_COLUMNS.map((column) => `"${column}"`).join(', ');

/** Rows per SQLite statement: 19 variables a row stays well under SQLite's 32,766 bound variables. */
const SQLITE_ROWS_PER_INSERT = 500;

type Value = string | number | boolean | null;

/**
 * The columns of one case in CASE_COLUMNS order, written into `into` from `at`: no object per row. Instants and
 * booleans take the engine's stored form, as TypeORM writes them.
 */
function writeCase(
  into: Value[],
  at: number,
  c: DemoCase,
  ids: DemoCatalogueIds,
  firstId: number | null,
  instant: (iso: string) => string,
  bool: (value: boolean) => Value,
): void {
  const siteId = ids.siteIds.get(c.siteCode);
  if (siteId === undefined) throw new Error(`The demo catalogue has no site ${c.siteCode}`);
  if (c.previousSeq !== null && firstId === null) throw new Error('A return visit came before the first case');
  into[at] = siteId;
  into[at + 1] = c.staffUsername === null ? null : (ids.staffIds.get(c.staffUsername) ?? null);
  into[at + 2] = c.channel;
  into[at + 3] = c.procedure;
  into[at + 4] = c.ageBand;
  into[at + 5] = c.representative;
  into[at + 6] = c.paymentServiceName === null ? null : (ids.serviceIds.get(c.paymentServiceName) ?? null);
  into[at + 7] = c.status;
  into[at + 8] = instant(c.arrivedAt);
  into[at + 9] = c.startedAt === null ? null : instant(c.startedAt);
  into[at + 10] = c.endedAt === null ? null : instant(c.endedAt);
  into[at + 11] = bool(c.completed.includes('reservation'));
  into[at + 12] = bool(c.completed.includes('application'));
  into[at + 13] = bool(c.alreadyReserved);
  into[at + 14] = c.reason;
  into[at + 15] = c.note;
  into[at + 16] = 1;
  into[at + 17] = c.followUpCode;
  // The table was empty and rows go in in order, so sequence number n has id firstId - 1 + n.
  into[at + 18] = c.previousSeq === null || firstId === null ? null : firstId - 1 + c.previousSeq;
}

/** TypeORM's SQLite instant text, "YYYY-MM-DD HH:MM:SS.SSS" in UTC, from the generator's "YYYY-MM-DDTHH:MM:SS.SSSZ". */
const sqliteInstant = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
const sqliteBool = (value: boolean) => (value ? 1 : 0);

function sqliteCaseWriter(manager: EntityManager, ids: DemoCatalogueIds): DemoCaseWriter {
  const width = CASE_COLUMNS.length;
  const row = `(${CASE_COLUMNS.map(() => '?').join(', ')})`;
  const statement = (rows: number) =>
    `INSERT INTO "support_case" (${COLUMN_LIST}) VALUES ${Array.from({ length: rows }, () => row).join(', ')}`;
  const full = statement(SQLITE_ROWS_PER_INSERT);
  const values: Value[] = new Array<Value>(SQLITE_ROWS_PER_INSERT * width);
  return {
    async insert(cases, firstId) {
      for (let from = 0; from < cases.length; from += SQLITE_ROWS_PER_INSERT) {
        const rows = Math.min(SQLITE_ROWS_PER_INSERT, cases.length - from);
        for (let r = 0; r < rows; r++) {
          // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- from + r < cases.length.
          writeCase(values, r * width, cases[from + r]!, ids, firstId, sqliteInstant, sqliteBool);
        }
        // The driver caches prepared statements by their text: every full chunk reuses one.
        if (rows === SQLITE_ROWS_PER_INSERT) await manager.query(full, values);
        else await manager.query(statement(rows), values.slice(0, rows * width));
      }
    },
  };
}

// PostgreSQL takes each column as one array parameter: one short statement for any number of rows.
const POSTGRES_TYPES: Readonly<Record<(typeof CASE_COLUMNS)[number], string>> = {
  siteId: 'int',
  staffId: 'int',
  channel: 'varchar',
  procedure: 'varchar',
  ageBand: 'varchar',
  representative: 'varchar',
  paymentServiceId: 'int',
  status: 'varchar',
  arrivedAt: 'timestamptz',
  startedAt: 'timestamptz',
  endedAt: 'timestamptz',
  completedReservation: 'bool',
  completedApplication: 'bool',
  alreadyReserved: 'bool',
  reason: 'varchar',
  note: 'text',
  version: 'int',
  followUpCode: 'varchar',
  previousCaseId: 'int',
};
const POSTGRES_INSERT = `INSERT INTO "support_case" (${COLUMN_LIST}) SELECT * FROM unnest(${CASE_COLUMNS.map(
  (column, i) => `$${i + 1}::${POSTGRES_TYPES[column]}[]`,
).join(', ')})`;

function postgresCaseWriter(manager: EntityManager, ids: DemoCatalogueIds): DemoCaseWriter {
  const width = CASE_COLUMNS.length;
  const row: Value[] = new Array<Value>(width);
  return {
    async insert(cases, firstId) {
      const columns = CASE_COLUMNS.map(() => new Array<Value>(cases.length));
      cases.forEach((c, r) => {
        writeCase(
          row,
          0,
          c,
          ids,
          firstId,
          (iso) => iso,
          (value) => value,
        );
        // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- one array per column.
        for (let k = 0; k < width; k++) columns[k]![r] = row[k] ?? null;
      });
      if (cases.length) await manager.query(POSTGRES_INSERT, columns);
    },
  };
}

/** The demo seeder's statements; it runs before the server exists, so it is built on the opened data source. */
export class DemoRepository {
  constructor(private readonly dataSource: DataSource) {}

  async hasAccounts(): Promise<boolean> {
    return (await this.dataSource.getRepository(UserAccount).count()) > 0;
  }

  /** Sites, payment services, accounts and outages in one transaction; the ids each name was given. */
  fillCatalogue(catalogue: ReturnType<typeof demoCatalogue>, passwordHash: string) {
    return this.dataSource.transaction(async (manager) => {
      const sites = await manager.save(
        SiteEntity,
        catalogue.sites.map((s) => manager.create(SiteEntity, s)),
      );
      const siteIds = new Map(sites.map((s) => [s.code, s.id]));
      const services = await manager.save(
        PaymentServiceEntity,
        catalogue.paymentServices.map((s) => manager.create(PaymentServiceEntity, { ...s, active: true })),
      );
      const serviceIds = new Map(services.map((s) => [s.name, s.id]));
      const accounts = await manager.save(
        UserAccount,
        catalogue.accounts.map((a) =>
          manager.create(UserAccount, { ...a, passwordHash, disabled: false, siteId: sites[0]?.id ?? null }),
        ),
      );
      const staffIds = new Map(accounts.map((a) => [a.username, a.id]));
      await manager.save(
        OutageEntity,
        catalogue.outages.map((o) =>
          manager.create(OutageEntity, {
            system: o.system,
            paymentServiceId: o.paymentServiceName ? (serviceIds.get(o.paymentServiceName) ?? null) : null,
            kind: o.kind,
            startsAt: new Date(o.startsAt),
            endsAt: o.endsAt ? new Date(o.endsAt) : null,
            affectsReservation: o.affects.includes('reservation'),
            affectsApplication: o.affects.includes('application'),
            note: o.note,
          }),
        ),
      );
      return { siteIds, serviceIds, staffIds };
    });
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Writes demo cases with one prepared multi-row statement, reused for every full chunk: a million rows through the
   * query builder spent most of their time building SQL, not storing it.
   */
  caseWriter(manager: EntityManager, ids: DemoCatalogueIds): DemoCaseWriter {
    return engineOf(this.dataSource) === 'postgres' ? postgresCaseWriter(manager, ids) : sqliteCaseWriter(manager, ids);
  }

  /**
   * Runs `work` (the bulk insert) with the case table's secondary indexes and, on PostgreSQL, its foreign keys set
   * aside, then builds them again from the definitions the database itself held: one sorted build instead of a
   * million updates. Only inside the caller's transaction, where the DDL is undone with everything else on failure;
   * a unique index or a foreign key that the rows break fails the rebuild, and so the seeding.
   */
  async withCaseIndexesSetAside<T>(manager: EntityManager, work: () => Promise<T>): Promise<T> {
    if (!manager.queryRunner?.isTransactionActive) throw new Error('Indexes are only set aside inside a transaction');
    const postgres = engineOf(this.dataSource) === 'postgres';
    const indexes: { name: string; definition: string }[] = postgres
      ? await manager.query(
          `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition FROM pg_index i
           JOIN pg_class c ON c.oid = i.indexrelid
           WHERE i.indrelid = 'support_case'::regclass AND NOT i.indisprimary
             AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
        )
      : await manager.query(
          `SELECT name, sql AS definition FROM sqlite_master
           WHERE type = 'index' AND tbl_name = 'support_case' AND sql IS NOT NULL`,
        );
    // SQLite checks a foreign key with one primary-key lookup; PostgreSQL runs a trigger per row and constraint.
    const foreignKeys: { name: string; definition: string }[] = postgres
      ? await manager.query(
          `SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint
           WHERE conrelid = 'support_case'::regclass AND contype = 'f'`,
        )
      : [];
    for (const { name } of foreignKeys) await manager.query(`ALTER TABLE "support_case" DROP CONSTRAINT "${name}"`);
    for (const { name } of indexes) await manager.query(`DROP INDEX "${name}"`);
    const result = await work();
    for (const { definition } of indexes) await manager.query(definition);
    for (const { name, definition } of foreignKeys) {
      await manager.query(`ALTER TABLE "support_case" ADD CONSTRAINT "${name}" ${definition}`);
    }
    return result;
  }

  async maxCaseId(manager: EntityManager): Promise<number | null> {
    const row = await manager
      .createQueryBuilder(SupportCaseEntity, 'c')
      .select('MAX(c.id)', 'id')
      .getRawOne<{ id: unknown }>();
    return row?.id === null || row?.id === undefined ? null : Number(row.id);
  }
}
