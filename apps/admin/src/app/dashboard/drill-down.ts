import type {
  CaseFilter,
  CaseListQuery,
  CaseSegment,
  CaseStatus,
  Procedure,
  ReasonCode,
  TokyoDate,
} from '@madoguchi/contracts';
import type { DayRange } from './date-range';

/** What was clicked on a chart, a tile or a table; each maps to the case list's URL filters. */
export type DrillTarget =
  | { kind: 'all'; status?: CaseStatus }
  | { kind: 'day'; date: TokyoDate; status?: CaseStatus }
  | { kind: 'heatmap'; weekday: number; hour: number }
  | { kind: 'reason'; reason: ReasonCode }
  | { kind: 'procedure'; procedure: Procedure; status?: CaseStatus }
  | { kind: 'paymentService'; paymentServiceId: number; status?: CaseStatus }
  | { kind: 'staff'; username: string; status?: CaseStatus }
  | { kind: 'segment'; segment: CaseSegment; status?: CaseStatus }
  | { kind: 'turnedAway'; outageId: number }
  | { kind: 'arrivedDuring'; outageId: number }
  | { kind: 'duringOutages' };

/** The case list's query params, named as the API names them. */
export type DrillParams = Partial<Record<keyof CaseListQuery, string>>;

/**
 * The case list's query params for a click: the cases the clicked number counts, that is the dashboard's range and
 * filter bar narrowed by what was clicked.
 */
export function drillDownParams(target: DrillTarget, range: DayRange, filter: CaseFilter = {}): DrillParams {
  const base = { ...filterParams(filter), from: range.from, to: range.to };
  switch (target.kind) {
    case 'all':
      return withStatus(base, target.status);
    case 'day':
      return withStatus({ ...base, from: target.date, to: target.date }, target.status);
    case 'heatmap':
      return { ...base, weekday: String(target.weekday), hour: String(target.hour) };
    case 'reason':
      return { ...base, status: 'not_completed', reason: target.reason };
    case 'procedure':
      return withStatus({ ...base, procedure: target.procedure }, target.status);
    case 'paymentService':
      return withStatus({ ...base, paymentServiceId: String(target.paymentServiceId) }, target.status);
    case 'staff':
      return withStatus({ ...base, staff: target.username }, target.status);
    case 'segment':
      return withStatus({ ...base, segment: target.segment }, target.status);
    case 'turnedAway':
      // An outage counts the cases of its whole span, even where it runs past the range: no dates, any day.
      return { ...filterParams(filter), turnedAwayBy: String(target.outageId) };
    case 'arrivedDuring':
      return { ...filterParams(filter), arrivedDuring: String(target.outageId) };
    case 'duringOutages':
      return { ...base, duringOutages: 'true' };
  }
}

function filterParams(filter: CaseFilter): DrillParams {
  const params: DrillParams = {};
  if (filter.siteId !== undefined) params.siteId = String(filter.siteId);
  if (filter.staff) params.staff = filter.staff;
  if (filter.paymentServiceId !== undefined) params.paymentServiceId = String(filter.paymentServiceId);
  if (filter.channel) params.channel = filter.channel;
  if (filter.ageBand) params.ageBand = filter.ageBand;
  return params;
}

function withStatus(params: DrillParams, status: CaseStatus | undefined): DrillParams {
  return status ? { ...params, status } : params;
}
