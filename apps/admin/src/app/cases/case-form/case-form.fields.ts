import type { AbstractControl, FormGroup, ValidatorFn } from '@angular/forms';
import {
  type AgeBand,
  type CaseStatus,
  type Channel,
  type CreateCaseRequest,
  FINISHED_STATUSES,
  type PlatformFunction,
  type Procedure,
  type ReasonCode,
  type Representative,
} from '@madoguchi/contracts';
import { type CaseRecordFacts, type CaseRecordProblem, caseRecordProblems, functionsOf } from '@madoguchi/rules';
import { fromTokyoLocalInput } from '../../core/i18n';

// Which parts of a case the form shows is the screen's business; whether their combination is allowed is the
// rules' (`caseRecordProblems`, the same function the API runs), so the form never words a rule of its own.

/** Statuses in which someone has started serving the citizen. */
const STARTED_STATUSES: readonly CaseStatus[] = ['in_service', 'completed', 'not_completed'];

/** The form's raw value: `datetime-local` strings on Tokyo's clock, hidden parts still holding their last value. */
export interface CaseFormValue {
  channel: Channel;
  procedure: Procedure | null;
  ageBand: AgeBand | null;
  representative: Representative;
  paymentServiceId: number | null;
  status: CaseStatus;
  arrivedAt: string;
  startedAt: string;
  endedAt: string;
  completed: Record<PlatformFunction, boolean>;
  alreadyReserved: boolean;
  reason: ReasonCode | null;
  note: string;
}

/** Which of the optional parts of a case apply, given its status and procedure. */
export interface ApplicableFields {
  startedAt: boolean;
  endedAt: boolean;
  reason: boolean;
  steps: readonly PlatformFunction[];
  paymentService: boolean;
  alreadyReserved: boolean;
}

export function applicableFields(
  status: CaseStatus,
  procedure: Procedure | null,
  alreadyReserved = false,
): ApplicableFields {
  const involvesApplication = procedure === 'application' || procedure === 'both';
  return {
    startedAt: STARTED_STATUSES.includes(status),
    endedAt: FINISHED_STATUSES.includes(status),
    reason: status === 'not_completed',
    // A citizen who already had a MyKey ID completes only the application, so only that box is offered.
    steps: status === 'completed' && procedure ? functionsOf(procedure, involvesApplication && alreadyReserved) : [],
    paymentService: involvesApplication,
    alreadyReserved: involvesApplication,
  };
}

/** What the form sends: hidden parts are left out, so what staff cannot see is never recorded. */
export function caseRequest(value: CaseFormValue): CreateCaseRequest {
  const fields = applicableFields(value.status, value.procedure, value.alreadyReserved);
  return {
    channel: value.channel,
    procedure: value.procedure as Procedure,
    ageBand: value.ageBand,
    representative: value.representative,
    paymentServiceId: fields.paymentService ? value.paymentServiceId : null,
    status: value.status,
    arrivedAt: fromTokyoLocalInput(value.arrivedAt) ?? undefined,
    startedAt: fields.startedAt ? fromTokyoLocalInput(value.startedAt) : null,
    endedAt: fields.endedAt ? fromTokyoLocalInput(value.endedAt) : null,
    completed: fields.steps.filter((step) => value.completed[step]),
    alreadyReserved: fields.alreadyReserved && value.alreadyReserved,
    reason: fields.reason ? value.reason : null,
    note: value.note.trim() || null,
  };
}

/** The facts the shared rules judge; null until there is a procedure and a readable arrival to judge. */
export function caseFacts(request: CreateCaseRequest): CaseRecordFacts | null {
  if (!request.procedure || !request.arrivedAt) return null;
  return {
    status: request.status ?? 'waiting',
    procedure: request.procedure,
    representative: request.representative ?? 'self',
    ageBand: request.ageBand ?? null,
    paymentServiceId: request.paymentServiceId ?? null,
    arrivedAt: request.arrivedAt,
    startedAt: request.startedAt ?? null,
    endedAt: request.endedAt ?? null,
    completed: request.completed ?? [],
    alreadyReserved: request.alreadyReserved ?? false,
    reason: request.reason ?? null,
    note: request.note ?? null,
  };
}

/** Everything the shared rules find wrong with the case as the form holds it. */
export function caseFormProblems(form: FormGroup): CaseRecordProblem[] {
  const facts = caseFacts(caseRequest(form.getRawValue() as CaseFormValue));
  return facts ? caseRecordProblems(facts) : [];
}

/**
 * Puts the shared rules' problem about `field` on the control that edits it, as `{ record: { ja, en } }`, so that
 * Material shows it under the field in the current language.
 */
export function recordRule(field: CaseRecordProblem['field']): ValidatorFn {
  return (control: AbstractControl) => {
    const form = control.root;
    // While the form is being built the control has no parent yet, and nothing to compare with.
    if (form === control || !isFormGroup(form)) return null;
    const problem = caseFormProblems(form).find((p) => p.field === field);
    return problem ? { record: problem.message } : null;
  };
}

function isFormGroup(control: AbstractControl): control is FormGroup {
  return 'controls' in control && !Array.isArray((control as FormGroup).controls);
}
