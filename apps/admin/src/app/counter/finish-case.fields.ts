import {
  type FinishCaseRequest,
  type PlatformFunction,
  type Procedure,
  type ReasonCode,
  type SupportCase,
} from '@madoguchi/contracts';
import { type CaseRecordFacts, type CaseRecordProblem, caseRecordProblems, functionsOf } from '@madoguchi/rules';
import { fromTokyoLocalInput, toTokyoLocalInput } from '../core/i18n';

// The finish dialog's pure parts: what it offers for a case, what it sends and what the shared rules say about it.

export type Outcome = FinishCaseRequest['outcome'];

export interface FinishFormValue {
  outcome: Outcome;
  completed: Record<PlatformFunction, boolean>;
  alreadyReserved: boolean;
  paymentServiceId: number | null;
  reason: ReasonCode | null;
  note: string;
  /** When 市民課 renewed the certificate, as a `datetime-local` value on Tokyo's clock. */
  certRenewedAt: string;
}

/** Which parts of the finish form apply to a case's procedure. */
export interface FinishFields {
  /** Steps that can be ticked: all of the procedure's (a not completed case may still have done some). */
  steps: readonly PlatformFunction[];
  paymentService: boolean;
  alreadyReserved: boolean;
  reason: boolean;
  /** Asked only when the reason is the wait after a certificate renewal, which counts from that renewal. */
  certRenewedAt: boolean;
}

export function finishFields(
  procedure: Procedure,
  outcome: Outcome,
  alreadyReserved: boolean,
  reason: ReasonCode | null = null,
): FinishFields {
  const involvesApplication = procedure === 'application' || procedure === 'both';
  return {
    steps: functionsOf(procedure, procedure === 'both' && alreadyReserved),
    paymentService: involvesApplication,
    // Only "both" changes with it: an already reserved citizen completes the application alone.
    alreadyReserved: procedure === 'both',
    reason: outcome === 'not_completed',
    certRenewedAt: outcome === 'not_completed' && reason === 'cert_wait_24h',
  };
}

/** The usual answer: completed, every step of the procedure done, the service the case already names. */
export function defaultFinish(c: SupportCase): FinishFormValue {
  const steps = functionsOf(c.procedure, c.procedure === 'both' && c.alreadyReserved);
  return {
    outcome: 'completed',
    completed: { reservation: steps.includes('reservation'), application: steps.includes('application') },
    alreadyReserved: c.alreadyReserved,
    paymentServiceId: c.paymentServiceId,
    reason: null,
    note: c.note ?? '',
    // Usually renewed at 市民課 just before coming to the desk: the start of service is the nearest guess.
    certRenewedAt: toTokyoLocalInput(c.startedAt ?? c.arrivedAt),
  };
}

/** The request body; parts that do not apply are left out so the API keeps the stored value. */
export function finishRequest(c: SupportCase, value: FinishFormValue, confirm = false): FinishCaseRequest {
  const fields = finishFields(c.procedure, value.outcome, value.alreadyReserved, value.reason);
  return {
    outcome: value.outcome,
    completed: fields.steps.filter((step) => value.completed[step]),
    reason: fields.reason ? value.reason : null,
    note: value.note.trim() || null,
    ...(fields.certRenewedAt ? { certRenewedAt: fromTokyoLocalInput(value.certRenewedAt) } : {}),
    ...(fields.paymentService ? { paymentServiceId: value.paymentServiceId } : {}),
    ...(fields.alreadyReserved ? { alreadyReserved: value.alreadyReserved } : {}),
    version: c.version,
    ...(confirm ? { confirm: true } : {}),
  };
}

/** What the shared rules (the same the API runs) find wrong with finishing the case this way now. */
export function finishProblems(c: SupportCase, value: FinishFormValue, now = new Date()): CaseRecordProblem[] {
  const request = finishRequest(c, value);
  const facts: CaseRecordFacts = {
    status: request.outcome,
    procedure: c.procedure,
    representative: c.representative,
    ageBand: c.ageBand,
    paymentServiceId: request.paymentServiceId === undefined ? c.paymentServiceId : request.paymentServiceId,
    arrivedAt: c.arrivedAt,
    startedAt: c.startedAt,
    endedAt: now.toISOString(),
    completed: request.completed ?? [],
    alreadyReserved: request.alreadyReserved ?? c.alreadyReserved,
    reason: request.reason ?? null,
    note: request.note ?? null,
    certRenewedAt: request.certRenewedAt ?? null,
  };
  return caseRecordProblems(facts, now);
}

/** The fields of a case that differ between what a screen showed and what the API has now. */
export const COMPARED_FIELDS = [
  'status',
  'procedure',
  'channel',
  'ageBand',
  'representative',
  'paymentServiceId',
  'staffUsername',
  'startedAt',
  'endedAt',
  'completed',
  'alreadyReserved',
  'reason',
  'note',
] as const satisfies readonly (keyof SupportCase)[];

export type ComparedField = (typeof COMPARED_FIELDS)[number];

export function changedFields(shown: SupportCase, current: SupportCase): ComparedField[] {
  return COMPARED_FIELDS.filter((field) => JSON.stringify(shown[field]) !== JSON.stringify(current[field]));
}
