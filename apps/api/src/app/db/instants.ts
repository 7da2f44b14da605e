import { DataSource } from 'typeorm';
import { DateUtils } from 'typeorm/util/DateUtils';

/**
 * A query parameter for an instant column. TypeORM converts entity values when it writes them but not the
 * parameters of a WHERE clause, so comparisons must use the same representation as the stored values.
 */
export function instantParam(dataSource: DataSource, instant: Date): Date | string {
  const type = dataSource.options.type;
  return type === 'sqlite' || type === 'better-sqlite3' ? DateUtils.mixedDateToUtcDatetimeString(instant) : instant;
}

/** Reads an instant column returned by a raw query into a UTC ISO string. */
export function instantFromRaw(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  const text = String(value);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`).toISOString();
}
