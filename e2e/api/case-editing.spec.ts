import type { AuditEntry, Page, ProblemDetails, StaleVersionProblem, SupportCase } from '@madoguchi/contracts';
import { ApiClient } from '../support/api-client';
import { arrival, created, pastNotCompleted, problemType } from '../support/builders';
import { ApiServer, startApi } from '../support/api-server';
import { at } from '../support/elements';

describe('correcting a case', () => {
  let server: ApiServer;
  let staff: ApiClient;
  let colleague: ApiClient;
  let manager: ApiClient;

  beforeAll(async () => {
    server = await startApi();
    staff = await ApiClient.signIn(server.baseUrl, 'staff');
    colleague = await ApiClient.signIn(server.baseUrl, 'staff02');
    manager = await ApiClient.signIn(server.baseUrl, 'manager');
  });
  afterAll(() => server.stop());

  it('changes the fields sent, keeps the others, and increments the version on every change', async () => {
    const waiting = await created(staff, arrival({ procedure: 'both', ageBand: '40to64' }));
    const first = await staff.request<SupportCase>('PATCH', `/api/cases/${waiting.id}`, {
      version: waiting.version,
      ageBand: '65to74',
      note: '付き添いあり',
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ ageBand: '65to74', note: '付き添いあり', procedure: 'both', version: 2 });
    const second = await staff.request<SupportCase>('PATCH', `/api/cases/${waiting.id}`, { version: 2, note: null });
    expect(second.body).toMatchObject({ ageBand: '65to74', note: null, version: 3 });
  });

  it('refuses a change from a stale screen with 409 and the case as it is now, so the screen can show what changed', async () => {
    const waiting = await created(staff, arrival());
    await staff.request('PATCH', `/api/cases/${waiting.id}`, { version: waiting.version, procedure: 'reservation' });
    const stale = await manager.request<StaleVersionProblem<SupportCase>>('PATCH', `/api/cases/${waiting.id}`, {
      version: waiting.version,
      ageBand: '75plus',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.type).toBe(problemType('stale-version'));
    expect(stale.body.detail).toContain(`version ${waiting.version}`);
    expect(stale.body.current).toMatchObject({
      id: waiting.id,
      procedure: 'reservation',
      ageBand: '40to64',
      version: 2,
    });
    expect((await staff.get<SupportCase>(`/api/cases/${waiting.id}`)).body.ageBand).toBe('40to64');
  });

  it('needs the version, and refuses null for a field that cannot be empty', async () => {
    const waiting = await created(staff, arrival());
    const noVersion = await staff.request<ProblemDetails>('PATCH', `/api/cases/${waiting.id}`, { ageBand: null });
    expect(noVersion.status).toBe(400);
    expect(new Set(noVersion.body.errors?.map((e) => e.field))).toEqual(new Set(['version']));
    const nullProcedure = await staff.request<ProblemDetails>('PATCH', `/api/cases/${waiting.id}`, {
      version: 1,
      procedure: null,
    });
    expect(nullProcedure.status).toBe(400);
    expect(nullProcedure.body.errors?.map((e) => e.field)).toEqual(['procedure']);
  });

  it('checks the corrected case as a whole and names every field at fault', async () => {
    const waiting = await created(staff, arrival());
    const answer = await staff.request<ProblemDetails>('PATCH', `/api/cases/${waiting.id}`, {
      version: 1,
      status: 'completed',
    });
    expect(answer.status).toBe(422);
    expect(answer.body.errors?.map((e) => e.field).sort()).toEqual(['completed', 'endedAt', 'startedAt']);
    expect((await staff.get<SupportCase>(`/api/cases/${waiting.id}`)).body).toMatchObject({
      status: 'waiting',
      version: 1,
    });
  });

  it('refuses a corrected note carrying a My Number and keeps the old note', async () => {
    const waiting = await created(staff, arrival({ note: '電話で予約' }));
    const answer = await staff.request<ProblemDetails>('PATCH', `/api/cases/${waiting.id}`, {
      version: 1,
      note: '個人番号６２１４ ９８３２ ０２５７',
    });
    expect(answer.status).toBe(422);
    expect(answer.body.type).toBe(problemType('personal-data'));
    expect((await staff.get<SupportCase>(`/api/cases/${waiting.id}`)).body.note).toBe('電話で予約');
  });

  it('lets staff change only their own cases of the day; a manager corrects any', async () => {
    const theirs = await created(colleague, pastNotCompleted());
    const refused = await staff.request<ProblemDetails>('PATCH', `/api/cases/${theirs.id}`, { version: 1, note: 'x' });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toContain('own cases of the same day');

    const mine = await created(staff, pastNotCompleted());
    // Written up the day before yesterday: too late for staff to change.
    const twoDaysAgo = server.database.instant(new Date(Date.now() - 2 * 24 * 3600_000));
    await server.sql(`UPDATE support_case SET "createdAt" = ? WHERE id = ?`, [twoDaysAgo, mine.id]);
    expect((await staff.request('PATCH', `/api/cases/${mine.id}`, { version: 1, note: '追記' })).status).toBe(403);
    expect((await staff.get(`/api/cases/${mine.id}`)).status).toBe(200);
    const corrected = await manager.request<SupportCase>('PATCH', `/api/cases/${mine.id}`, {
      version: 1,
      note: '追記',
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body.note).toBe('追記');
  });

  it('lets staff read today’s queue and their own cases, but not a colleague’s past ones', async () => {
    const colleaguesPast = await created(
      colleague,
      pastNotCompleted({
        arrivedAt: '2020-11-25T10:00:00+09:00',
        startedAt: '2020-11-25T10:01:00+09:00',
        endedAt: '2020-11-25T10:02:00+09:00',
      }),
    );
    const colleaguesToday = await created(colleague, arrival());
    expect((await staff.get(`/api/cases/${colleaguesPast.id}`)).status).toBe(403);
    expect((await staff.get(`/api/cases/${colleaguesToday.id}`)).status).toBe(200);
    const day = await staff.get<Page<SupportCase>>('/api/cases?from=2020-11-25&to=2020-11-25');
    expect(day.body.items.map((c) => c.id)).not.toContain(colleaguesPast.id);
    const all = await manager.get<Page<SupportCase>>('/api/cases?from=2020-11-25&to=2020-11-25');
    expect(all.body.items.map((c) => c.id)).toContain(colleaguesPast.id);
  });

  it('leaves an audit trail of who changed what, with the case before and after', async () => {
    const waiting = await created(staff, arrival({ note: '最初のメモ' }));
    await staff.post(`/api/cases/${waiting.id}/start`);
    await manager.request('PATCH', `/api/cases/${waiting.id}`, { version: 2, note: '管理者が修正' });
    const trail = await manager.get<Page<AuditEntry>>(`/api/audit?entityType=case&entityId=${waiting.id}`);
    expect(trail.status).toBe(200);
    const lines = [...trail.body.items].reverse();
    expect(lines.map((e) => [e.action, e.actorUsername])).toEqual([
      ['create', 'staff'],
      ['start', 'staff'],
      ['update', 'manager'],
    ]);
    expect(lines[0]?.before).toBeNull();
    expect(lines[0]?.after).toMatchObject({ id: waiting.id, status: 'waiting', note: '最初のメモ' });
    expect(lines[1]?.before).toMatchObject({ status: 'waiting', version: 1 });
    expect(lines[1]?.after).toMatchObject({ status: 'in_service', staffUsername: 'staff', version: 2 });
    expect(lines[2]?.before).toMatchObject({ note: '最初のメモ', version: 2 });
    expect(lines[2]?.after).toMatchObject({ note: '管理者が修正', version: 3 });
    expect(Date.parse(at(lines, 2).at)).toBeGreaterThanOrEqual(Date.parse(at(lines, 0).at));

    const byManager = await manager.get<Page<AuditEntry>>(`/api/audit?actor=manager&entityType=case`);
    expect(byManager.body.items.every((e) => e.actorUsername === 'manager')).toBe(true);
    expect(byManager.body.items.map((e) => e.entityId)).toContain(waiting.id);
  });

  it('records nothing in the audit log for a refused change', async () => {
    const waiting = await created(staff, arrival());
    await staff.request('PATCH', `/api/cases/${waiting.id}`, { version: 1, note: '1234 5678 9018' });
    await staff.request('PATCH', `/api/cases/${waiting.id}`, { version: 7, note: '古い画面から' });
    const trail = await manager.get<Page<AuditEntry>>(`/api/audit?entityType=case&entityId=${waiting.id}`);
    expect(trail.body.items.map((e) => e.action)).toEqual(['create']);
  });
});
