import type { ValidatorFn } from '@angular/forms';
import { fromTokyoLocalInput } from '../i18n/tokyo-time';

/** A `datetime-local` value that reads as a real Tokyo instant (an empty one is left to `required`). */
export const validDateTime: ValidatorFn = (control) =>
  control.value && !fromTokyoLocalInput(control.value as string) ? { dateTime: true } : null;

/** A whole number (an empty value is left to `required`). */
export const wholeNumber: ValidatorFn = (control) =>
  control.value === null || control.value === '' || Number.isInteger(control.value) ? null : { wholeNumber: true };
