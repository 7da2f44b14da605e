import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AgeBand,
  CaseFilter,
  CaseListQuery,
  CaseStatus,
  Channel,
  Procedure,
  ReasonCode,
  Representative,
} from '@madoguchi/contracts';
import { tokyoDayRange } from '@madoguchi/rules';
import type BetterSqlite3 from 'better-sqlite3';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import type { BetterSqlite3Driver } from 'typeorm/driver/better-sqlite3/BetterSqlite3Driver';
import { UserAccount } from '../auth/user.entity';
import { applyCaseFilter } from '../cases/case-filter';
import { CASE_FACT_COLUMNS, SupportCaseEntity } from '../cases/support-case.entity';
import { PaymentServiceEntity } from '../catalog/payment-service.entity';
import { SiteEntity } from '../catalog/site.entity';
import { engineOf } from '../db/data-source';
import { dialectOf, instantParam } from '../db/dialect';

/** Rows read per query: large enough to keep round trips few, small enough that memory stays flat for any range. */
export const EXPORT_BATCH_SIZE = 1000;

export type CaseExportFilter = Pick<CaseListQuery, 'from' | 'to' | 'status' | 'procedure' | 'reason'> & CaseFilter;

/** One case as an export row sees it: the stored columns only, read raw; instants as epoch milliseconds. */
export interface ExportCase {
  id: number;
  siteId: number;
  staffId: number | null;
  channel: Channel;
  procedure: Procedure;
  ageBand: AgeBand | null;
  representative: Representative;
  paymentServiceId: number | null;
  status: CaseStatus;
  arrivedAt: number;
  startedAt: number | null;
  endedAt: number | null;
  completedReservation: boolean;
  completedApplication: boolean;
  alreadyReserved: boolean;
  reason: ReasonCode | null;
  note: string | null;
  previousCaseId: number | null;
}

/** Names the rows refer to by id; the catalogues are small, so they are read once per export instead of joined. */
export interface ExportLookups {
  sites: Map<number, string>;
  staff: Map<number, { username: string; displayName: string }>;
  paymentServices: Map<number, string>;
}

/** The columns of a raw row, in this order, then the stored arrival instant that the next page seeks past. */
const COLUMNS: (keyof ExportCase)[] = ['id', ...CASE_FACT_COLUMNS, 'previousCaseId'];
const INSTANTS = new Set<keyof ExportCase>(['arrivedAt', 'startedAt', 'endedAt']);
const SEEK_AT = COLUMNS.length;

const flag = (value: unknown): boolean => value === true || value === 1;

/** A raw row (an array, in the order of COLUMNS): rows as arrays skip a property lookup per column per row. */
function toExportCase(row: unknown[]): ExportCase {
  return {
    id: row[0] as number,
    siteId: row[1] as number,
    staffId: row[2] as number | null,
    channel: row[3] as Channel,
    procedure: row[4] as Procedure,
    ageBand: row[5] as AgeBand | null,
    representative: row[6] as Representative,
    paymentServiceId: row[7] as number | null,
    status: row[8] as CaseStatus,
    arrivedAt: row[9] as number,
    startedAt: row[10] as number | null,
    endedAt: row[11] as number | null,
    completedReservation: flag(row[12]),
    completedApplication: flag(row[13]),
    alreadyReserved: flag(row[14]),
    reason: row[15] as ReasonCode | null,
    note: row[16] as string | null,
    previousCaseId: row[17] as number | null,
  };
}

/** Runs the pages' SQL on the connected engine, returning rows as arrays. */
interface RawRows {
  read(sql: string, parameters: unknown[]): Promise<unknown[][]>;
  close(): Promise<void>;
}

/** Reads the cases an export holds in arrival order, a batch at a time, however many there are. */
@Injectable()
export class ExportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async lookups(): Promise<ExportLookups> {
    const [sites, staff, services] = await Promise.all([
      this.dataSource.getRepository(SiteEntity).find({ select: { id: true, name: true } }),
      this.dataSource.getRepository(UserAccount).find({ select: { id: true, username: true, displayName: true } }),
      this.dataSource.getRepository(PaymentServiceEntity).find({ select: { id: true, name: true } }),
    ]);
    return {
      sites: new Map(sites.map((s) => [s.id, s.name])),
      staff: new Map(staff.map((u) => [u.id, { username: u.username, displayName: u.displayName }])),
      paymentServices: new Map(services.map((s) => [s.id, s.name])),
    };
  }

  /**
   * Keyset pages on (arrivedAt, id): each seeks the index past the last row sent, so late pages cost as early ones,
   * and no read holds the connection between pages. A consumer that stops early (the client left) ends the reading.
   */
  async *batches(filter: CaseExportFilter): AsyncGenerator<ExportCase[]> {
    const { start, end } = tokyoDayRange(filter.from, filter.to);
    const dialect = dialectOf(this.dataSource);
    const selection = [
      ...COLUMNS.map((column) => (INSTANTS.has(column) ? dialect.epochMillis(`c.${column}`) : `c.${column}`)),
      'c.arrivedAt',
    ].join(', ');
    const raw = await this.rawRows();
    try {
      // The last row sent, as the database stored it, so that the next comparison matches the stored form exactly.
      let after: { arrivedAt: unknown; id: number } | null = null;
      for (;;) {
        // One selection, as TypeORM would put separate ones in an order of its own and the rows are read as arrays.
        const qb = this.dataSource.getRepository(SupportCaseEntity).createQueryBuilder('c').select(selection);
        // One lower bound on arrivedAt, the later of the range's start and the last row sent, is what the index seeks.
        if (after) {
          qb.where('c.arrivedAt >= :afterAt', { afterAt: after.arrivedAt }).andWhere(
            '(c.arrivedAt > :afterAt OR c.id > :afterId)',
            { afterId: after.id },
          );
        } else if (start) {
          qb.where('c.arrivedAt >= :start', { start: instantParam(this.dataSource, start) });
        }
        if (end) qb.andWhere('c.arrivedAt < :end', { end: instantParam(this.dataSource, end) });
        if (filter.status) qb.andWhere('c.status = :status', { status: filter.status });
        if (filter.procedure) qb.andWhere('c.procedure = :procedure', { procedure: filter.procedure });
        if (filter.reason) qb.andWhere('c.reason = :reason', { reason: filter.reason });
        applyCaseFilter(qb, filter);
        const [sql, parameters] = qb
          .orderBy('c.arrivedAt', 'ASC')
          .addOrderBy('c.id', 'ASC')
          .limit(EXPORT_BATCH_SIZE)
          .getQueryAndParameters();
        const rows = await raw.read(sql, parameters);
        if (rows.length) yield rows.map(toExportCase);
        const last = rows.at(-1);
        if (!last || rows.length < EXPORT_BATCH_SIZE) return;
        after = { arrivedAt: last[SEEK_AT], id: last[0] as number };
      }
    } finally {
      await raw.close();
    }
  }

  /** SQLite: prepared statements of the shared connection in raw mode; PostgreSQL: one pooled client, array rows. */
  private async rawRows(): Promise<RawRows> {
    if (engineOf(this.dataSource) === 'sqlite') {
      const db = (this.dataSource.driver as BetterSqlite3Driver).databaseConnection as BetterSqlite3.Database;
      // Two texts at most (the first page and the next ones): each is prepared once per export.
      const statements = new Map<string, BetterSqlite3.Statement>();
      return {
        read: async (sql, parameters) => {
          let statement = statements.get(sql);
          if (!statement) {
            statement = db.prepare(sql).raw(true);
            statements.set(sql, statement);
          }
          return statement.all(...parameters) as unknown[][];
        },
        close: async () => statements.clear(),
      };
    }
    const runner = this.dataSource.createQueryRunner('slave');
    const client = (await runner.connect()) as PoolClient;
    return {
      read: async (text, values) => (await client.query<unknown[]>({ text, values, rowMode: 'array' })).rows,
      close: () => runner.release(),
    };
  }
}
