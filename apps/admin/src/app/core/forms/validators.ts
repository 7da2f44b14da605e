import type { ValidatorFn } from '@angular/forms';
import { containsMyNumber, MY_NUMBER_REFUSAL } from '@madoguchi/rules';
import { fromTokyoLocalInput } from '../i18n/tokyo-time';

/** A `datetime-local` value that reads as a real Tokyo instant (an empty one is left to `required`). */
export const validDateTime: ValidatorFn = (control) =>
  control.value && !fromTokyoLocalInput(control.value as string) ? { dateTime: true } : null;

/** A whole number (an empty value is left to `required`). */
export const wholeNumber: ValidatorFn = (control) =>
  control.value === null || control.value === '' || Number.isInteger(control.value) ? null : { wholeNumber: true };

/** Free text holding a My Number, however typed, shown as the shared refusal under the field before anything is sent. */
export const noMyNumber: ValidatorFn = (control) =>
  typeof control.value === 'string' && containsMyNumber(control.value) ? { record: MY_NUMBER_REFUSAL } : null;
