import type { EntityManager } from 'typeorm';
import { SupportCaseEntity } from '../../cases/support-case.entity';
import { instantParam } from '../../db/dialect';
import { DAY_MS, TOKYO_OFFSET_MS } from '../tokyo-clock';
import {
  addCase,
  addMonths,
  compareRows,
  counterId,
  DAY_GRAIN,
  daysOfMonthIndex,
  monthIndexOfDayIndex,
  MONTH_GRAIN,
  rollupDelta,
  type RollupCase,
  type RollupRow,
  rowsOf,
  tokyoDayIndexOf,
} from './rollup-rows';

const COLUMNS = ['facet', 'value', 'kind', 'grain', 'period', 'key', 'bin', 'n'] as const;
/**
 * Rows per statement, largest first (512 × 8 values stays within both engines' bounds): a few statement texts only,
 * so that the driver's cache of prepared statements keeps them and the write path's other statements.
 */
const STATEMENT_SIZES = [512, 64, 8, 1];

/** Sizes from STATEMENT_SIZES that add up to `rows`, largest first. */
function statementSizes(rows: number): number[] {
  const sizes: number[] = [];
  let left = rows;
  for (const size of STATEMENT_SIZES) {
    while (left >= size) {
      sizes.push(size);
      left -= size;
    }
  }
  return sizes;
}

/** The fields of a case the rollups read, for a select. */
export const ROLLUP_CASE_FIELDS: (keyof RollupCase & keyof SupportCaseEntity)[] = [
  'arrivedAt',
  'startedAt',
  'endedAt',
  'status',
  'procedure',
  'reason',
  'siteId',
  'staffId',
  'paymentServiceId',
  'channel',
  'ageBand',
  'alreadyReserved',
  'completedReservation',
  'completedApplication',
  'previousCaseId',
];

const placeholders = (manager: EntityManager) =>
  manager.connection.options.type === 'postgres' ? (i: number) => `$${i + 1}` : () => '?';

/** Writes counters; `add` adds n to a counter that exists (a write's delta), otherwise the rows are new. */
async function writeRows(manager: EntityManager, rows: readonly RollupRow[], add: boolean): Promise<void> {
  const mark = placeholders(manager);
  const columns = COLUMNS.map((c) => `"${c}"`).join(', ');
  const key = COLUMNS.slice(0, -1)
    .map((c) => `"${c}"`)
    .join(', ');
  let i = 0;
  for (const size of statementSizes(rows.length)) {
    const chunk = rows.slice(i, i + size);
    i += size;
    const params: (string | number)[] = [];
    const tuples = chunk.map((row) => {
      const start = params.length;
      for (const c of COLUMNS) params.push(row[c]);
      return `(${COLUMNS.map((_, j) => mark(start + j)).join(', ')})`;
    });
    const upsert = add ? ` ON CONFLICT (${key}) DO UPDATE SET "n" = "stats_rollup"."n" + excluded."n"` : '';
    await manager.query(`INSERT INTO "stats_rollup" (${columns}) VALUES ${tuples.join(', ')}${upsert}`, params);
  }
}

/** Brings the counters in step with one case written inside the same transaction (before: null for a new case). */
export async function applyRollupDelta(
  manager: EntityManager,
  before: RollupCase | null,
  after: RollupCase | null,
): Promise<void> {
  const delta = rollupDelta(before, after);
  if (delta.length) await writeRows(manager, delta, true);
}

/** The Tokyo months in which cases arrived, first to last. */
async function monthsWithCases(manager: EntityManager): Promise<number[]> {
  const row = await manager
    .createQueryBuilder(SupportCaseEntity, 'c')
    .select('MIN(c.arrivedAt)', 'first')
    .addSelect('MAX(c.arrivedAt)', 'last')
    .getRawOne<{ first: unknown; last: unknown }>();
  if (!row || row.first === null || row.last === null) return [];
  const asDate = (value: unknown) => (value instanceof Date ? value : new Date(`${String(value).replace(' ', 'T')}Z`));
  const months: number[] = [];
  const last = monthIndexOfDayIndex(tokyoDayIndexOf(asDate(row.last)));
  for (let m = monthIndexOfDayIndex(tokyoDayIndexOf(asDate(row.first))); m <= last; m++) months.push(m);
  return months;
}

/** The counters one Tokyo month's cases make, day rows and the month row. */
async function countedMonth(
  manager: EntityManager,
  month: number,
): Promise<{ counters: Map<string, number>; cases: number }> {
  const { first, last } = daysOfMonthIndex(month);
  const start = new Date(first * DAY_MS - TOKYO_OFFSET_MS);
  const end = new Date((last + 1) * DAY_MS - TOKYO_OFFSET_MS);
  const dataSource = manager.connection;
  const cases = await manager
    .createQueryBuilder(SupportCaseEntity, 'c')
    .select(ROLLUP_CASE_FIELDS.map((f) => `c.${f}`))
    .where('c.arrivedAt >= :start AND c.arrivedAt < :end', {
      start: instantParam(dataSource, start),
      end: instantParam(dataSource, end),
    })
    .getMany();
  const counters = new Map<string, number>();
  // Each case adds to its day only; the month's counters are the sum of its days' (half the work per case).
  for (const c of cases) addCase(counters, c, 1, false);
  addMonths(counters);
  return { counters, cases: cases.length };
}

/** How many of the stored counters of one month (its day rows and its month row) differ from those counted. */
async function differingInMonth(manager: EntityManager, month: number, counted: Map<string, number>): Promise<number> {
  const { first, last } = daysOfMonthIndex(month);
  const mark = placeholders(manager);
  const stored = await manager.query<Record<(typeof COLUMNS)[number], unknown>[]>(
    `SELECT ${COLUMNS.map((c) => `"${c}"`).join(', ')} FROM "stats_rollup"
      WHERE "n" <> 0 AND (("grain" = ${DAY_GRAIN} AND "period" BETWEEN ${mark(0)} AND ${mark(1)})
         OR ("grain" = ${MONTH_GRAIN} AND "period" = ${mark(2)}))`,
    [first, last, month],
  );
  let differing = 0;
  let matched = 0;
  for (const r of stored) {
    const n = counted.get(
      counterId({
        facet: r.facet as RollupRow['facet'],
        value: String(r.value),
        kind: r.kind as RollupRow['kind'],
        grain: Number(r.grain),
        period: Number(r.period),
        key: String(r.key),
        bin: Number(r.bin),
      }),
    );
    if (n === undefined || n === 0) differing++;
    else {
      matched++;
      if (n !== Number(r.n)) differing++;
    }
  }
  // Counted but not stored at all.
  let nonZero = 0;
  for (const n of counted.values()) if (n !== 0) nonZero++;
  return differing + (nonZero - matched);
}

export interface RebuildResult {
  cases: number;
  counters: number;
  /** Counters that were missing, extra or held another number before the rebuild. */
  differed: number;
}

/**
 * Counts every counter again from the cases, a month at a time (bounded memory), and replaces what was stored; runs
 * in the caller's transaction, or one per month when given the data source's manager.
 */
export async function rebuildRollups(
  manager: EntityManager,
  onMonth: (done: number, of: number) => void = () => undefined,
): Promise<RebuildResult> {
  const result: RebuildResult = { cases: 0, counters: 0, differed: 0 };
  const months = await monthsWithCases(manager);
  const inTransaction = manager.queryRunner?.isTransactionActive ?? false;
  const run = <T>(work: (m: EntityManager) => Promise<T>) =>
    inTransaction ? work(manager) : manager.transaction(work);
  if (!months.length) {
    // No cases: any counter is a leftover.
    await run(async (m) => {
      const left = await m.query<{ n: unknown }[]>(`SELECT COUNT(*) AS "n" FROM "stats_rollup" WHERE "n" <> 0`);
      result.differed += Number(left[0]?.n ?? 0);
      await m.query(`DELETE FROM "stats_rollup"`);
    });
    return result;
  }
  for (const [index, month] of months.entries()) {
    await run(async (m) => {
      const counted = await countedMonth(m, month);
      // In the order of the table's key: the B-tree then fills page after page.
      const rows = rowsOf(counted.counters).sort(compareRows);
      result.cases += counted.cases;
      result.counters += rows.length;
      result.differed += await differingInMonth(m, month, counted.counters);
      const { first, last } = daysOfMonthIndex(month);
      const mark = placeholders(m);
      await m.query(
        `DELETE FROM "stats_rollup" WHERE ("grain" = ${DAY_GRAIN} AND "period" BETWEEN ${mark(0)} AND ${mark(1)})
           OR ("grain" = ${MONTH_GRAIN} AND "period" = ${mark(2)})`,
        [first, last, month],
      );
      await writeRows(m, rows, false);
    });
    onMonth(index + 1, months.length);
  }
  {
    // Counters before the first or after the last month with cases can only be left over.
    const firstDay = daysOfMonthIndex(months[0] ?? 0).first;
    const lastDay = daysOfMonthIndex(months[months.length - 1] ?? 0).last;
    await run(async (m) => {
      const mark = placeholders(m);
      const outside = `("grain" = ${DAY_GRAIN} AND ("period" < ${mark(0)} OR "period" > ${mark(1)}))
        OR ("grain" = ${MONTH_GRAIN} AND ("period" < ${mark(2)} OR "period" > ${mark(3)}))`;
      const params = [firstDay, lastDay, months[0], months[months.length - 1]];
      const left = await m.query<{ n: unknown }[]>(
        `SELECT COUNT(*) AS "n" FROM "stats_rollup" WHERE "n" <> 0 AND (${outside})`,
        params,
      );
      result.differed += Number(left[0]?.n ?? 0);
      await m.query(`DELETE FROM "stats_rollup" WHERE ${outside}`, params);
    });
  }
  return result;
}
