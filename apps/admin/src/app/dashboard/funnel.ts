import type { StatsPeriodSummary } from '@madoguchi/contracts';

/** The procedures a funnel counts, each with its visits and the completed ones (from the case list's totals). */
export type ProcedureOutcomes = Record<'reservation' | 'application' | 'both', { total: number; completed: number }>;

export interface FunnelStep {
  key: 'reservation' | 'application' | 'followUps';
  attempted: number;
  completed: number;
}

/** Reservation → application → return visits; a visit for both steps counts in each of the first two. */
export function funnelSteps(summary: StatsPeriodSummary, outcomes: ProcedureOutcomes): FunnelStep[] {
  const { reservation, application, both } = outcomes;
  return [
    {
      key: 'reservation',
      attempted: reservation.total + both.total,
      completed: reservation.completed + both.completed,
    },
    {
      key: 'application',
      attempted: application.total + both.total,
      completed: application.completed + both.completed,
    },
    { key: 'followUps', attempted: summary.returned.followUps, completed: summary.returned.succeeded },
  ];
}
