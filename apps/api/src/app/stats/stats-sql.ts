import { DataSource } from 'typeorm';
import { DAY_MS, HOUR_MS, TOKYO_OFFSET_MS } from './tokyo-clock';

/** Arithmetic on instants, the only statistics SQL that differs between databases; integers keep grouping exact. */
export interface StatsSql {
  /** Whole milliseconds from one instant to a later one; arguments are `alias.property`, which TypeORM quotes. */
  millisBetween(from: string, to: string): string;
  /** The Tokyo day of an instant, as days since 1970-01-01 (see tokyo-clock.ts). */
  tokyoDayIndex(instant: string): string;
  /** The Tokyo hour of an instant, as hours since 1970-01-01 00:00 JST; `% 168` gives the weekday × hour cell. */
  tokyoHourIndex(instant: string): string;
}

/** Picks the expressions for the connected database; PostgreSQL is written ahead of the move announced in STYLE.md. */
export function statsSql(dataSource: DataSource): StatsSql {
  const type = dataSource.options.type;
  if (type === 'sqlite' || type === 'better-sqlite3') {
    // Instants are TypeORM's UTC text; julianday() parses it, and rounding to whole ms undoes the float's last bits.
    const epochMillis = (x: string) => `CAST(ROUND((julianday(${x}) - 2440587.5) * ${DAY_MS}) AS INTEGER)`;
    return {
      millisBetween: (from, to) => `CAST(ROUND((julianday(${to}) - julianday(${from})) * ${DAY_MS}) AS INTEGER)`,
      // Japan keeps UTC+9 all year, so Tokyo local time is the UTC instant plus nine hours.
      tokyoDayIndex: (x) => `((${epochMillis(x)} + ${TOKYO_OFFSET_MS}) / ${DAY_MS})`,
      tokyoHourIndex: (x) => `((${epochMillis(x)} + ${TOKYO_OFFSET_MS}) / ${HOUR_MS})`,
    };
  }
  if (type === 'postgres') {
    const epochMillis = (x: string) => `CAST(ROUND(EXTRACT(EPOCH FROM ${x}) * 1000) AS BIGINT)`;
    return {
      millisBetween: (from, to) => `CAST(ROUND(EXTRACT(EPOCH FROM (${to} - ${from})) * 1000) AS BIGINT)`,
      tokyoDayIndex: (x) => `((${epochMillis(x)} + ${TOKYO_OFFSET_MS}) / ${DAY_MS})`,
      tokyoHourIndex: (x) => `((${epochMillis(x)} + ${TOKYO_OFFSET_MS}) / ${HOUR_MS})`,
    };
  }
  throw new Error(`Statistics have no SQL for a ${type} database yet`);
}
