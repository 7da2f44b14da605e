import { PROBLEM_TYPE_PREFIX, type CreateCaseRequest, type ProblemType, type SupportCase } from '@madoguchi/contracts';
import type { ApiClient } from './api-client';

/** The problem `type` URI the API answers for a problem name. */
export const problemType = (name: ProblemType) => `${PROBLEM_TYPE_PREFIX}${name}`;

/** A citizen arriving at the counter now. */
export const arrival = (overrides: Partial<CreateCaseRequest> = {}): CreateCaseRequest => ({
  procedure: 'both',
  ageBand: '40to64',
  ...overrides,
});

/** A whole past visit that ended not completed, logged after the fact (Tue 24 Nov 2020, 10:00–10:15 in Tokyo). */
export const pastNotCompleted = (overrides: Partial<CreateCaseRequest> = {}): CreateCaseRequest => ({
  procedure: 'both',
  ageBand: '40to64',
  status: 'not_completed',
  arrivedAt: '2020-11-24T10:00:00+09:00',
  startedAt: '2020-11-24T10:05:00+09:00',
  endedAt: '2020-11-24T10:15:00+09:00',
  reason: 'pin_locked',
  ...overrides,
});

export async function created(client: ApiClient, body: CreateCaseRequest): Promise<SupportCase> {
  const answer = await client.post<SupportCase>('/api/cases', body);
  if (answer.status !== 201) throw new Error(`case not created: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** A case that arrived now and that `client` has started serving. */
export async function inService(client: ApiClient, overrides: Partial<CreateCaseRequest> = {}): Promise<SupportCase> {
  const waiting = await created(client, arrival(overrides));
  const answer = await client.post<SupportCase>(`/api/cases/${waiting.id}/start`);
  if (answer.status !== 200) throw new Error(`case not started: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** A citizen ready for a reservation, as the self-check asks it: adult, present, card, valid certificate, PIN known. */
export const readyReservation = {
  procedure: 'reservation',
  holderAge: 40,
  holderPresent: true,
  hasCard: true,
  certificate: { status: 'valid' },
  pin: 'known',
} as const;
