import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min, registerDecorator, ValidationOptions } from 'class-validator';
import { DateTime } from 'luxon';

/** The years the desk can mean: a date outside them is a typo, and would reach SQL as nonsense. */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

const withinYears = (date: DateTime) => date.isValid && date.year >= FIRST_YEAR && date.year <= LAST_YEAR;

/** A real calendar date written YYYY-MM-DD between 2000 and 2100 (read as an Asia/Tokyo day by the caller). */
export function IsTokyoDate(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isTokyoDate',
      target: object.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && withinYears(DateTime.fromISO(value)),
      },
    });
}

// Date, time and an explicit offset: a time without one would be read in whatever zone the server runs in.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * An instant written in ISO 8601 with its UTC offset (`Z` or `+09:00`), between 2000 and 2100. A time without an
 * offset is refused rather than guessed: the client knows which zone it meant, the server does not.
 */
export function IsInstant(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isInstant',
      target: object.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && INSTANT.test(value) && withinYears(DateTime.fromISO(value, { setZone: true })),
      },
    });
}

/** The highest record id: ids are PostgreSQL `integer`s (SQLite's would go further, so both refuse beyond). */
export const MAX_ID = 2_147_483_647;

/** A record id in a body: a whole number from 1 that fits the database's integer column. */
export function IsRecordId() {
  return applyDecorators(IsInt(), Min(1), Max(MAX_ID));
}

/** An optional record id in a query string. */
export function IsOptionalQueryId() {
  return applyDecorators(
    IsOptional(),
    Type(() => Number),
    IsRecordId(),
  );
}
