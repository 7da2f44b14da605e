import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { DateUtils } from 'typeorm/util/DateUtils';
import { openDatabase } from '../db/data-source';
import { dialectOf } from './dialect';
import { DAY_MS, HOUR_MS, TOKYO_OFFSET_MS } from '../stats/tokyo-clock';

describe('the SQL arithmetic on instants (SQLite)', () => {
  let dir: string;
  let dataSource: DataSource;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'madoguchi-stats-sql-'));
    dataSource = await openDatabase(join(dir, 'test.sqlite'));
  });
  afterAll(async () => {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  /** An instant written as the column stores it, as an SQL literal. */
  const stored = (ms: number) => `'${DateUtils.mixedDateToUtcDatetimeString(new Date(ms))}'`;

  it('puts instants on exact Tokyo hour and day boundaries into the right hour and day', async () => {
    const sql = dialectOf(dataSource);
    const start = Date.parse('2020-12-31T00:00:00+09:00');
    // Every boundary and the millisecond either side of it, over three days around the year end.
    const instants = Array.from({ length: 72 }, (_, h) => start + h * HOUR_MS).flatMap((t) => [t - 1, t, t + 1]);
    const query = instants
      .map((t) => `SELECT ${sql.tokyoHourIndex(stored(t))} AS h, ${sql.tokyoDayIndex(stored(t))} AS d`)
      .join(' UNION ALL ');
    const rows: { h: number; d: number }[] = await dataSource.query(query);
    expect(rows).toEqual(
      instants.map((t) => ({
        h: Math.floor((t + TOKYO_OFFSET_MS) / HOUR_MS),
        d: Math.floor((t + TOKYO_OFFSET_MS) / DAY_MS),
      })),
    );
  });

  it('measures durations in whole milliseconds', async () => {
    const sql = dialectOf(dataSource);
    const from = Date.parse('2021-11-09T10:00:00+09:00');
    const cases = [0, 1, 140_000, 459_999, 86_400_000 + 7];
    const rows: { ms: number }[] = await dataSource.query(
      cases.map((d) => `SELECT ${sql.millisBetween(stored(from), stored(from + d))} AS ms`).join(' UNION ALL '),
    );
    expect(rows.map((r) => r.ms)).toEqual(cases);
  });
});
