import type {
  Channel,
  CreateCaseRequest,
  PlatformFunction,
  Procedure,
  ReasonCode,
  SupportCase,
} from '@madoguchi/contracts';
import type { ApiClient } from './api-client';

/** '2021-11-08 09:05' or '2021-11-08 09:05:30' on the Tokyo wall clock, as an ISO instant with its offset. */
export function jst(wallClock: string): string {
  const [date, time] = wallClock.split(' ');
  if (time === undefined) throw new Error(`expected 'YYYY-MM-DD HH:MM', got '${wallClock}'`);
  return `${date}T${time.length === 5 ? `${time}:00` : time}+09:00`;
}

const STEPS: Record<Procedure, PlatformFunction[]> = {
  reservation: ['reservation'],
  application: ['application'],
  both: ['reservation', 'application'],
  inquiry: [],
};

interface Common {
  procedure: Procedure;
  arrived: string;
  channel?: Channel;
  paymentServiceId?: number;
  followUpCode?: string;
  note?: string;
  ageBand?: CreateCaseRequest['ageBand'];
}

/** A whole past visit as staff log it after the fact; times are Tokyo wall-clock strings for jst(). */
export type Visit =
  | (Common & { status: 'completed'; started: string; ended: string })
  | (Common & { status: 'not_completed'; started: string; ended: string; reason: ReasonCode })
  | (Common & { status: 'left'; ended: string })
  | (Common & { status: 'in_service'; started: string })
  | (Common & { status: 'waiting' });

export function visitRequest(visit: Visit): CreateCaseRequest {
  const body: CreateCaseRequest = {
    procedure: visit.procedure,
    status: visit.status,
    arrivedAt: jst(visit.arrived),
    channel: visit.channel ?? 'counter',
  };
  if (visit.paymentServiceId !== undefined) body.paymentServiceId = visit.paymentServiceId;
  if (visit.followUpCode !== undefined) body.followUpCode = visit.followUpCode;
  if (visit.note !== undefined) body.note = visit.note;
  if (visit.ageBand !== undefined) body.ageBand = visit.ageBand;
  if ('started' in visit) body.startedAt = jst(visit.started);
  if ('ended' in visit) body.endedAt = jst(visit.ended);
  if (visit.status === 'completed') body.completed = STEPS[visit.procedure];
  if (visit.status === 'not_completed') body.reason = visit.reason;
  return body;
}

/** Logs the visit through POST /api/cases, attributed to whoever `by` signed in as; throws unless it is stored. */
export async function logVisit(by: ApiClient, visit: Visit): Promise<SupportCase> {
  const answer = await by.post<SupportCase>('/api/cases', visitRequest(visit));
  if (answer.status !== 201) throw new Error(`case refused (${answer.status}): ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** GET with the client's token (or none), returning the raw bytes: a BOM must not be decoded away. */
export async function download(
  client: ApiClient | null,
  baseUrl: string,
  path: string,
): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const headers: Record<string, string> = {};
  if (client?.bearer) headers['authorization'] = `Bearer ${client.bearer}`;
  const response = await fetch(`${baseUrl}${path}`, { headers });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}
