import { registerDecorator, ValidationOptions } from 'class-validator';
import { DateTime } from 'luxon';

/** A real calendar date written YYYY-MM-DD (read as an Asia/Tokyo day by the caller). */
export function IsTokyoDate(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isTokyoDate',
      target: object.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value).isValid,
      },
    });
}
