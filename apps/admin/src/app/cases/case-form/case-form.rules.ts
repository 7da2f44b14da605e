import type { AbstractControl, FormGroup, ValidationErrors, ValidatorFn } from '@angular/forms';
import { type CaseStatus, FINISHED_STATUSES, type PlatformFunction, type Procedure } from '@madoguchi/contracts';
import { fromTokyoLocalInput, type TranslationKey } from '../../core/i18n';

/** Statuses in which someone has started serving the citizen. */
const STARTED_STATUSES: readonly CaseStatus[] = ['in_service', 'completed', 'not_completed'];

/** The platform steps each procedure attempts; an inquiry attempts none. */
export const PROCEDURE_STEPS: Readonly<Record<Procedure, readonly PlatformFunction[]>> = {
  reservation: ['reservation'],
  application: ['application'],
  both: ['reservation', 'application'],
  inquiry: [],
};

/** Which of the optional parts of a case apply, given its status and procedure. */
export interface ApplicableFields {
  startedAt: boolean;
  endedAt: boolean;
  reason: boolean;
  steps: readonly PlatformFunction[];
  paymentService: boolean;
  alreadyReserved: boolean;
}

export function applicableFields(status: CaseStatus, procedure: Procedure | null): ApplicableFields {
  const involvesApplication = procedure === 'application' || procedure === 'both';
  return {
    startedAt: STARTED_STATUSES.includes(status),
    endedAt: FINISHED_STATUSES.includes(status),
    reason: status === 'not_completed',
    steps: status === 'completed' && procedure ? PROCEDURE_STEPS[procedure] : [],
    paymentService: involvesApplication,
    alreadyReserved: involvesApplication,
  };
}

/** A `datetime-local` value that reads as a real Tokyo instant. */
export const validDateTime: ValidatorFn = (control) =>
  control.value && !fromTokyoLocalInput(control.value) ? { dateTime: true } : null;

/** The service cannot start before the citizen arrived. */
export const startNotBeforeArrival: ValidatorFn = (control) =>
  isBefore(control, sibling(control, 'arrivedAt')) ? { startBeforeArrival: true } : null;

/** The case cannot end before it started, or before arrival when nobody started serving (left). */
export const endNotBeforeStart: ValidatorFn = (control) => {
  const started = sibling(control, 'startedAt');
  if (started?.enabled && started.value) return isBefore(control, started) ? { endBeforeStart: true } : null;
  return isBefore(control, sibling(control, 'arrivedAt')) ? { endBeforeArrival: true } : null;
};

/** At least one enabled checkbox of the group is ticked. */
export const atLeastOneTicked: ValidatorFn = (group) =>
  Object.values((group as FormGroup).value as Record<string, boolean>).some(Boolean) ? null : { stepsRequired: true };

function sibling(control: AbstractControl, name: string): AbstractControl | null {
  return control.parent?.get(name) ?? null;
}

function isBefore(control: AbstractControl, other: AbstractControl | null): boolean {
  const self = fromTokyoLocalInput(control.value as string);
  const then = other?.enabled ? fromTokyoLocalInput(other.value as string) : null;
  return self !== null && then !== null && self < then;
}

/** The translation key for a control's rule error (required is worded per field by the caller). */
export function errorKey(errors: ValidationErrors | null | undefined): TranslationKey | null {
  if (!errors) return null;
  if (errors['dateTime']) return 'common.invalidDateTime';
  if (errors['startBeforeArrival']) return 'caseForm.startBeforeArrival';
  if (errors['endBeforeStart']) return 'caseForm.endBeforeStart';
  if (errors['endBeforeArrival']) return 'caseForm.endBeforeArrival';
  if (errors['stepsRequired']) return 'caseForm.stepsRequired';
  return null;
}
