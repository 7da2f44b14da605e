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
import { DataSource } from 'typeorm';
import { UserAccount } from '../auth/user.entity';
import { applyCaseFilter } from '../cases/case-filter';
import { SupportCaseEntity } from '../cases/support-case.entity';
import { PaymentServiceEntity } from '../catalog/payment-service.entity';
import { SiteEntity } from '../catalog/site.entity';
import { instantParam } from '../db/dialect';
import { instantFromRaw } from '../db/instants';

/** Rows read per query: large enough to keep round trips few, small enough that memory stays flat for any range. */
export const EXPORT_BATCH_SIZE = 1000;

export type CaseExportFilter = Pick<CaseListQuery, 'from' | 'to' | 'status' | 'procedure' | 'reason'> & CaseFilter;

/** One case as an export row sees it: the stored columns only, read raw. */
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
  arrivedAt: Date;
  startedAt: Date | null;
  endedAt: Date | null;
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

const COLUMNS: (keyof ExportCase)[] = [
  'id',
  'siteId',
  'staffId',
  'channel',
  'procedure',
  'ageBand',
  'representative',
  'paymentServiceId',
  'status',
  'arrivedAt',
  'startedAt',
  'endedAt',
  'completedReservation',
  'completedApplication',
  'alreadyReserved',
  'reason',
  'note',
  'previousCaseId',
];

type RawCase = Record<keyof ExportCase, unknown>;

const int = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
const flag = (value: unknown): boolean => value === true || value === 1 || value === '1';
// SQLite returns TypeORM's UTC 'YYYY-MM-DD HH:MM:SS.SSS'; read directly, since an export parses it millions of times.
const STORED_UTC = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?$/;
const instant = (value: unknown): Date | null => {
  if (typeof value === 'string' && STORED_UTC.test(value)) return new Date(`${value.replace(' ', 'T')}Z`);
  const iso = instantFromRaw(value);
  return iso ? new Date(iso) : null;
};

function toExportCase(raw: RawCase): ExportCase {
  return {
    id: Number(raw.id),
    siteId: Number(raw.siteId),
    staffId: int(raw.staffId),
    channel: raw.channel as Channel,
    procedure: raw.procedure as Procedure,
    ageBand: (raw.ageBand ?? null) as AgeBand | null,
    representative: raw.representative as Representative,
    paymentServiceId: int(raw.paymentServiceId),
    status: raw.status as CaseStatus,
    arrivedAt: instant(raw.arrivedAt) ?? new Date(NaN),
    startedAt: instant(raw.startedAt),
    endedAt: instant(raw.endedAt),
    completedReservation: flag(raw.completedReservation),
    completedApplication: flag(raw.completedApplication),
    alreadyReserved: flag(raw.alreadyReserved),
    reason: (raw.reason ?? null) as ReasonCode | null,
    note: (raw.note ?? null) as string | null,
    previousCaseId: int(raw.previousCaseId),
  };
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

  /** Keyset pages on (arrivedAt, id): each seeks the index past the last row sent, so late pages cost as early ones. */
  async *batches(filter: CaseExportFilter): AsyncGenerator<ExportCase[]> {
    const { start, end } = tokyoDayRange(filter.from, filter.to);
    // The last row sent, as the database returned it, so that the next comparison matches the stored form exactly.
    let after: { arrivedAt: unknown; id: number } | null = null;
    for (;;) {
      const qb = this.dataSource.getRepository(SupportCaseEntity).createQueryBuilder('c').select([]);
      for (const column of COLUMNS) qb.addSelect(`c.${column}`, column);
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
      const rows = await qb
        .orderBy('c.arrivedAt', 'ASC')
        .addOrderBy('c.id', 'ASC')
        .limit(EXPORT_BATCH_SIZE)
        .getRawMany<RawCase>();
      if (rows.length) yield rows.map(toExportCase);
      const last = rows.at(-1);
      if (!last || rows.length < EXPORT_BATCH_SIZE) return;
      after = { arrivedAt: last.arrivedAt, id: Number(last.id) };
    }
  }
}
