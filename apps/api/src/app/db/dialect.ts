import { DataSource } from 'typeorm';
import { DateUtils } from 'typeorm/util/DateUtils';
import { DAY_MS, HOUR_MS, TOKYO_OFFSET_MS } from '../stats/tokyo-clock';
import type { Engine } from './engine';

/**
 * Everything that differs between the two engines' SQL, for the repositories: instants as parameters, arithmetic on
 * instants (in integers, so grouping stays exact), and reading or changing one key of a JSON text column.
 */
export interface Dialect {
  engine: Engine;
  /**
   * A parameter for an instant column. TypeORM converts entity values when it writes them but not the parameters of
   * a WHERE clause, so comparisons must use the same representation as the stored values.
   */
  instant(at: Date): Date | string;
  /** The JSON text with `key` set to null. */
  jsonWithNull(column: string, key: string): string;
  /** Whether the JSON text has a non-null `key`. */
  jsonHas(column: string, key: string): string;
  /** An instant as whole milliseconds since 1970-01-01 UTC (null stays null): a number, cheap to read in bulk. */
  epochMillis(instant: string): string;
  /** Whole milliseconds from one instant to a later one; arguments are `alias.property`, which TypeORM quotes. */
  millisBetween(from: string, to: string): string;
  /** Whole minutes from one instant to a later one, rounded half up: the unit of the statistics' durations. */
  durationMinutes(from: string, to: string): string;
  /** The Tokyo day of an instant, as days since 1970-01-01 (see tokyo-clock.ts). */
  tokyoDayIndex(instant: string): string;
  /** The Tokyo hour of an instant, as hours since 1970-01-01 00:00 JST; `% 168` gives the weekday × hour cell. */
  tokyoHourIndex(instant: string): string;
}

/** The dialect of the connected database. */
export function dialectOf(dataSource: DataSource): Dialect {
  const type = dataSource.options.type;
  if (type === 'sqlite' || type === 'better-sqlite3') {
    // Instants are TypeORM's UTC text; julianday() parses it, and rounding to whole ms undoes the float's last bits.
    const epochMillis = (x: string) => `CAST(ROUND((julianday(${x}) - 2440587.5) * ${DAY_MS}) AS INTEGER)`;
    const millisBetween = (from: string, to: string) =>
      `CAST(ROUND((julianday(${to}) - julianday(${from})) * ${DAY_MS}) AS INTEGER)`;
    return {
      engine: 'sqlite',
      instant: (at) => DateUtils.mixedDateToUtcDatetimeString(at),
      epochMillis,
      jsonWithNull: (column, key) => `json_set(${column}, '$.${key}', NULL)`,
      jsonHas: (column, key) => `json_extract(${column}, '$.${key}') IS NOT NULL`,
      millisBetween,
      // Integer division, as durationMinutes() in rollup-rows.ts: the counters and this SQL must agree to the minute.
      durationMinutes: (from, to) => `((${millisBetween(from, to)} + 30000) / 60000)`,
      // Japan keeps UTC+9 all year, so Tokyo local time is the UTC instant plus nine hours.
      tokyoDayIndex: (x) => `((${epochMillis(x)} + ${TOKYO_OFFSET_MS}) / ${DAY_MS})`,
      tokyoHourIndex: (x) => `((${epochMillis(x)} + ${TOKYO_OFFSET_MS}) / ${HOUR_MS})`,
    };
  }
  if (type === 'postgres') {
    const epochMillis = (x: string) => `CAST(ROUND(EXTRACT(EPOCH FROM ${x}) * 1000) AS BIGINT)`;
    const millisBetween = (from: string, to: string) =>
      `CAST(ROUND(EXTRACT(EPOCH FROM (${to} - ${from})) * 1000) AS BIGINT)`;
    return {
      engine: 'postgres',
      instant: (at) => at,
      epochMillis,
      // The snapshots are JSON text on both engines; jsonb reads and writes it here.
      jsonWithNull: (column, key) => `(${column}::jsonb || jsonb_build_object('${key}', NULL))::text`,
      jsonHas: (column, key) => `(${column}::jsonb ->> '${key}') IS NOT NULL`,
      millisBetween,
      durationMinutes: (from, to) => `((${millisBetween(from, to)} + 30000) / 60000)`,
      tokyoDayIndex: (x) => `((${epochMillis(x)} + ${TOKYO_OFFSET_MS}) / ${DAY_MS})`,
      tokyoHourIndex: (x) => `((${epochMillis(x)} + ${TOKYO_OFFSET_MS}) / ${HOUR_MS})`,
    };
  }
  throw new Error(`Madoguchi has no SQL for a ${type} database`);
}

/** A parameter for an instant column of the connected database (see Dialect.instant). */
export const instantParam = (dataSource: DataSource, at: Date): Date | string => dialectOf(dataSource).instant(at);
