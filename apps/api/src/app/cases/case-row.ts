import type { CaseRecordFacts } from '@madoguchi/rules';
import type { Channel } from '@madoguchi/contracts';
import type { SupportCaseEntity } from './support-case.entity';

export type CaseRowInput = CaseRecordFacts & { siteId: number; staffId: number | null; channel: Channel };
export type CaseRow = Omit<SupportCaseEntity, 'id' | 'createdAt' | 'updatedAt' | 'site' | 'staff' | 'paymentService'>;

const instant = (value: string | null) => (value ? new Date(value) : null);

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
    version: 1,
  };
}
