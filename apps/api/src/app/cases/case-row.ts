import type { Channel, SupportCase } from '@madoguchi/contracts';
import type { CaseRecordFacts } from '@madoguchi/rules';
import type { SupportCaseEntity } from './support-case.entity';

export type CaseRowInput = CaseRecordFacts & { siteId: number; staffId: number | null; channel: Channel };
export type CaseRow = Omit<
  SupportCaseEntity,
  | 'id'
  | 'createdAt'
  | 'updatedAt'
  | 'site'
  | 'staff'
  | 'paymentService'
  | 'previousCase'
  | 'followUpCode'
  | 'previousCaseId'
  | 'ticketDay'
  | 'ticketNumber'
  | 'ticket'
  | 'counter'
> &
  Partial<
    Pick<SupportCaseEntity, 'followUpCode' | 'previousCaseId' | 'ticketDay' | 'ticketNumber' | 'ticket' | 'counter'>
  >;

const instant = (value: string | null) => (value ? new Date(value) : null);
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The stored form of a case: one place that turns API-shaped facts (ISO strings, step lists) into columns. */
export function toCaseRow(c: CaseRowInput): CaseRow {
  return {
    siteId: c.siteId,
    staffId: c.staffId,
    channel: c.channel,
    procedure: c.procedure,
    ageBand: c.ageBand,
    representative: c.representative,
    paymentServiceId: c.paymentServiceId,
    status: c.status,
    arrivedAt: new Date(c.arrivedAt),
    startedAt: instant(c.startedAt),
    endedAt: instant(c.endedAt),
    completedReservation: c.completed.includes('reservation'),
    completedApplication: c.completed.includes('application'),
    alreadyReserved: c.alreadyReserved,
    reason: c.reason,
    note: c.note,
    certRenewedAt: instant(c.certRenewedAt ?? null),
    version: 1,
  };
}

/** The columns a change of facts touches (no version: the update bumps it). */
export function caseColumns(c: CaseRecordFacts): Omit<CaseRow, 'siteId' | 'staffId' | 'channel' | 'version'> {
  const {
    siteId: _s,
    staffId: _st,
    channel: _c,
    version: _v,
    ...columns
  } = toCaseRow({
    ...c,
    siteId: 0,
    staffId: null,
    channel: 'counter',
  });
  return columns;
}

/** The facts the desk's rules check, read back from a stored case. */
export function factsOf(entity: SupportCaseEntity): CaseRecordFacts {
  return {
    status: entity.status,
    procedure: entity.procedure,
    representative: entity.representative,
    ageBand: entity.ageBand,
    paymentServiceId: entity.paymentServiceId,
    arrivedAt: entity.arrivedAt.toISOString(),
    startedAt: iso(entity.startedAt),
    endedAt: iso(entity.endedAt),
    completed: [
      ...(entity.completedReservation ? (['reservation'] as const) : []),
      ...(entity.completedApplication ? (['application'] as const) : []),
    ],
    alreadyReserved: entity.alreadyReserved,
    reason: entity.reason,
    note: entity.note,
    certRenewedAt: iso(entity.certRenewedAt ?? null),
  };
}

/** The API form of a stored case; `staff` must be loaded for `staffUsername`. */
export function toSupportCase(entity: SupportCaseEntity): SupportCase {
  const facts = factsOf(entity);
  return {
    id: entity.id,
    siteId: entity.siteId,
    staffUsername: entity.staff?.username ?? null,
    channel: entity.channel,
    procedure: facts.procedure,
    ageBand: facts.ageBand,
    representative: facts.representative,
    paymentServiceId: facts.paymentServiceId,
    status: facts.status,
    arrivedAt: facts.arrivedAt,
    startedAt: facts.startedAt,
    endedAt: facts.endedAt,
    completed: [...facts.completed],
    alreadyReserved: facts.alreadyReserved,
    reason: facts.reason,
    note: facts.note,
    certRenewedAt: facts.certRenewedAt ?? null,
    followUpCode: entity.followUpCode ?? null,
    previousCaseId: entity.previousCaseId ?? null,
    ticket: entity.ticket ?? null,
    counter: entity.counter ?? null,
    version: entity.version,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}
