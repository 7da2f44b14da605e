/*
 * What must hold when two servers share one database, whether they run in this process (e2e/api) or as two built
 * processes (e2e/server): each scenario takes a manager signed in on each.
 */
import type { AuditEntry, Page, SupportCase } from '@madoguchi/contracts';
import { ApiClient } from './api-client';
import { arrival, created, pastNotCompleted } from './builders';
import { openStream } from './live-stream';

/** Exactly one of two simultaneous edits of a case wins, the other is told (409); nothing is lost or half-audited. */
export async function simultaneousEditsLoseNothing(east: ApiClient, west: ApiClient): Promise<void> {
  const cases = await Promise.all(Array.from({ length: 12 }, () => created(east, pastNotCompleted())));
  const answers = await Promise.all(
    cases.flatMap((c) => [
      east.request<SupportCase>('PATCH', `/api/cases/${c.id}`, { version: c.version, note: `east ${c.id}` }),
      west.request<SupportCase>('PATCH', `/api/cases/${c.id}`, { version: c.version, note: `west ${c.id}` }),
    ]),
  );
  for (const [i, c] of cases.entries()) {
    const pair = answers.slice(2 * i, 2 * i + 2);
    expect(pair.map((a) => a.status).sort()).toEqual([200, 409]);
    const winner = pair.find((a) => a.status === 200)?.body;
    expect(winner?.note).toMatch(/^(east|west) \d+$/);
    // Read back through either server: the winner's note, one version later.
    for (const reader of [east, west]) {
      const stored = (await reader.get<SupportCase>(`/api/cases/${c.id}`)).body;
      expect(stored).toMatchObject({ note: winner?.note, version: c.version + 1 });
    }
    const history = await west.get<Page<AuditEntry>>(`/api/audit?entityType=case&entityId=${c.id}`);
    expect(history.body.items.map((entry) => entry.action).sort()).toEqual(['create', 'update']);
  }
}

/** Cases left unfinished on both servers at once each get a follow-up code of their own. */
export async function followUpCodesStayUnique(east: ApiClient, west: ApiClient): Promise<void> {
  const cases = await Promise.all(
    Array.from({ length: 40 }, (_, i) => created(i % 2 ? east : west, pastNotCompleted())),
  );
  const codes = cases.map((c) => c.followUpCode);
  expect(codes.every((code) => typeof code === 'string' && code.length > 0)).toBe(true);
  expect(new Set(codes).size).toBe(40);
}

/** Receptions of one day on both servers at once are numbered 1, 2, 3…, none twice and none skipped. */
export async function ticketsStayInSequence(east: ApiClient, west: ApiClient, day = '2020-11-25'): Promise<void> {
  const cases = await Promise.all(
    Array.from({ length: 30 }, (_, i) => created(i % 2 ? east : west, arrival({ arrivedAt: `${day}T10:00:00+09:00` }))),
  );
  const numbers = cases.map((c) => Number(c.ticket?.slice(2))).sort((a, b) => a - b);
  expect(numbers).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
}

/** A screen streaming from one server hears of a case committed through the other, and can read it there. */
export async function liveNewsCrossesServers(eastUrl: string, westUrl: string): Promise<void> {
  const reader = await ApiClient.signIn(westUrl, 'manager');
  const writer = await ApiClient.signIn(eastUrl, 'staff');
  const stream = await openStream(westUrl, '/api/live/desk', { authorization: `Bearer ${reader.bearer}` });
  try {
    await stream.next('ready');
    const [, written] = await Promise.all([stream.next('cases'), created(writer, pastNotCompleted())]);
    expect((await reader.get<SupportCase>(`/api/cases/${written.id}`)).body).toMatchObject({ id: written.id });
  } finally {
    stream.close();
  }
}

/** Signing out on one server ends the session's streams on the other, and the session is refused there. */
export async function signOutEndsStreamsEverywhere(eastUrl: string, westUrl: string): Promise<void> {
  const user = await ApiClient.signIn(eastUrl, 'manager');
  const stream = await openStream(westUrl, '/api/live/desk', { authorization: `Bearer ${user.bearer}` });
  await stream.next('ready');
  expect((await user.post('/api/auth/logout')).status).toBeLessThan(300);
  await stream.ended;
  expect((await new ApiClient(westUrl, user.bearer).get('/api/auth/me')).status).toBe(401);
}

/** The consistency scenarios as tests, for a describe whose beforeAll signs in a manager on each server. */
export function itKeepsTwoServersConsistent(managers: () => [ApiClient, ApiClient]): void {
  it('lets exactly one of two simultaneous edits of a case win; the other is told, and nothing is lost', () =>
    simultaneousEditsLoseNothing(...managers()));
  it('hands out a different follow-up code to every case left unfinished on either server at the same time', () =>
    followUpCodesStayUnique(...managers()));
  it('numbers the tickets of a day 1, 2, 3… across both servers, none twice and none skipped', () =>
    ticketsStayInSequence(...managers()));
}
