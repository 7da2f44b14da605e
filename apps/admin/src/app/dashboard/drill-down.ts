import type { CaseListQuery, CaseStatus, Procedure, ReasonCode, TokyoDate } from '@madoguchi/contracts';
import { type DayRange, latestWeekdayIn } from './date-range';

/** What was clicked on a chart; each maps to the case list's URL filters (from, to, status, procedure, reason). */
export type DrillTarget =
  | { kind: 'day'; date: TokyoDate; status?: CaseStatus }
  | { kind: 'heatmap'; weekday: number; hour: number }
  | { kind: 'reason'; reason: ReasonCode }
  | { kind: 'status'; status: CaseStatus }
  | { kind: 'procedure'; procedure: Procedure; status?: CaseStatus }
  | { kind: 'days'; from: TokyoDate; to: TokyoDate };

/** The case list's query params for a click, inside the dashboard's range. */
export function drillDownParams(target: DrillTarget, range: DayRange): Partial<Record<keyof CaseListQuery, string>> {
  switch (target.kind) {
    case 'day':
      return withStatus({ from: target.date, to: target.date }, target.status);
    case 'heatmap': {
      // The case list filters by day, not by hour: the cell opens its weekday's latest day in the range.
      const day = latestWeekdayIn(range, target.weekday) ?? range.to;
      return { from: day, to: day };
    }
    case 'reason':
      return { from: range.from, to: range.to, status: 'not_completed', reason: target.reason };
    case 'status':
      return { from: range.from, to: range.to, status: target.status };
    case 'procedure':
      return withStatus({ from: range.from, to: range.to, procedure: target.procedure }, target.status);
    case 'days':
      return { from: target.from, to: target.to };
  }
}

function withStatus<P extends object>(params: P, status: CaseStatus | undefined): P | (P & { status: CaseStatus }) {
  return status ? { ...params, status } : params;
}
