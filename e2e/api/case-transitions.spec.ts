import type { ProblemDetails, StaleVersionProblem, SupportCase } from '@madoguchi/contracts';
import { ApiClient } from '../support/api-client';
import { arrival, created, inService, problemType } from '../support/builders';
import { ApiServer, startApi } from '../support/api-server';

describe('moving a case through the counter', () => {
  let server: ApiServer;
  let staff: ApiClient;
  let staffJa: ApiClient;
  let colleague: ApiClient;

  beforeAll(async () => {
    server = await startApi();
    staff = await ApiClient.signIn(server.baseUrl, 'staff');
    staffJa = await ApiClient.signIn(server.baseUrl, 'staff', undefined, 'ja');
    colleague = await ApiClient.signIn(server.baseUrl, 'staff02');
  });
  afterAll(() => server.stop());

  it('starts a waiting case: in service, by me, from now', async () => {
    const waiting = await created(staff, arrival());
    const before = Date.now();
    const answer = await staff.post<SupportCase>(`/api/cases/${waiting.id}/start`, { version: waiting.version });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 'in_service', staffUsername: 'staff', version: waiting.version + 1 });
    expect(Date.parse(answer.body.startedAt as string)).toBeGreaterThanOrEqual(before - 1000);
    expect((await staff.get<SupportCase>(`/api/cases/${waiting.id}`)).body).toEqual(answer.body);
  });

  it('finishes a case as completed with every step of its procedure by default', async () => {
    const serving = await inService(staff, { procedure: 'both' });
    const answer = await staff.post<SupportCase>(`/api/cases/${serving.id}/finish`, {
      outcome: 'completed',
      paymentServiceId: 1,
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      status: 'completed',
      completed: ['reservation', 'application'],
      paymentServiceId: 1,
      reason: null,
      followUpCode: null,
      version: serving.version + 1,
    });
    expect(Date.parse(answer.body.endedAt as string)).toBeGreaterThanOrEqual(Date.parse(serving.startedAt as string));
  });

  it('finishes an application for someone already reserved with only the application completed', async () => {
    const serving = await inService(staff, { procedure: 'both' });
    const answer = await staff.post<SupportCase>(`/api/cases/${serving.id}/finish`, {
      outcome: 'completed',
      alreadyReserved: true,
      paymentServiceId: 1,
    });
    expect(answer.body).toMatchObject({ completed: ['application'], alreadyReserved: true, paymentServiceId: 1 });
  });

  it('finishes a case as not completed with a reason, and gives it a follow-up code', async () => {
    const serving = await inService(staff);
    const answer = await staff.post<SupportCase>(`/api/cases/${serving.id}/finish`, {
      outcome: 'not_completed',
      reason: 'pin_locked',
      note: '暗証番号を3回誤り',
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 'not_completed', reason: 'pin_locked', note: '暗証番号を3回誤り' });
    expect(answer.body.followUpCode).toMatch(/^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{6}$/);
  });

  it('asks which payment service an application was completed for', async () => {
    const serving = await inService(staff, { procedure: 'application' });
    const answer = await staff.post<ProblemDetails>(`/api/cases/${serving.id}/finish`, { outcome: 'completed' });
    expect(answer.status).toBe(422);
    expect(answer.body.errors?.map((e) => e.field)).toEqual(['paymentServiceId']);
  });

  it('refuses to finish as not completed without a reason, naming the field, and leaves the case in service', async () => {
    const serving = await inService(staff);
    const answer = await staff.post<ProblemDetails>(`/api/cases/${serving.id}/finish`, { outcome: 'not_completed' });
    expect(answer.status).toBe(422);
    expect(answer.body.errors?.map((e) => e.field)).toEqual(['reason']);
    expect((await staff.get<SupportCase>(`/api/cases/${serving.id}`)).body.status).toBe('in_service');
  });

  it('marks a waiting citizen who left before being served', async () => {
    const waiting = await created(staff, arrival());
    const answer = await staff.post<SupportCase>(`/api/cases/${waiting.id}/leave`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 'left', startedAt: null, staffUsername: null });
    expect(answer.body.endedAt).not.toBeNull();
  });

  it('refuses every transition from the wrong state with 409 and says why, in Japanese too', async () => {
    const done = await inService(staff, { procedure: 'reservation' });
    expect((await staff.post(`/api/cases/${done.id}/finish`, { outcome: 'completed' })).status).toBe(200);
    const waiting = await created(staff, arrival());
    const serving = await inService(staff);
    const refusals: [string, string][] = [
      [`/api/cases/${done.id}/finish`, 'このケースはすでに完了しています。'],
      [`/api/cases/${done.id}/start`, 'このケースはすでに完了しています。'],
      [`/api/cases/${done.id}/leave`, 'このケースはすでに完了しています。'],
      [`/api/cases/${waiting.id}/finish`, 'このケースはまだ対応を開始していません。'],
      [`/api/cases/${serving.id}/start`, 'このケースはすでに対応中です。'],
      [`/api/cases/${serving.id}/leave`, 'このケースはすでに対応中です。'],
    ];
    for (const [path, detail] of refusals) {
      const answer = await staffJa.post<ProblemDetails>(path, path.endsWith('finish') ? { outcome: 'completed' } : {});
      expect({ path, status: answer.status, type: answer.body.type }).toEqual({
        path,
        status: 409,
        type: problemType('invalid-transition'),
      });
      expect(answer.body.detail.startsWith(detail)).toBe(true);
    }
    const english = await staff.post<ProblemDetails>(`/api/cases/${done.id}/finish`, { outcome: 'completed' });
    expect(english.body.detail).toBe('This case is already completed. Only a case in service can be finished.');
  });

  it('refuses a transition sent from a stale screen, with the case as it is now', async () => {
    const waiting = await created(staff, arrival());
    await staff.post(`/api/cases/${waiting.id}/start`, { version: waiting.version });
    // The same account on a second screen that still shows the case as waiting.
    const stale = await staff.post<StaleVersionProblem<SupportCase>>(`/api/cases/${waiting.id}/leave`, {
      version: waiting.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.type).toBe(problemType('stale-version'));
    expect(stale.body.current).toMatchObject({ id: waiting.id, status: 'in_service', version: waiting.version + 1 });
  });

  it('keeps a colleague from finishing a case someone else is serving', async () => {
    const serving = await inService(staff);
    const answer = await colleague.post<ProblemDetails>(`/api/cases/${serving.id}/finish`, { outcome: 'completed' });
    expect(answer.status).toBe(403);
    expect(answer.body.detail).toBe('Another staff member is serving this case.');
  });

  it('asks for confirmation before finishing as platform maintenance when no outage is recorded', async () => {
    const serving = await inService(staff, { procedure: 'reservation' });
    const body = { outcome: 'not_completed', reason: 'platform_maintenance' };
    const asked = await staffJa.post<ProblemDetails>(`/api/cases/${serving.id}/finish`, body);
    expect(asked.status).toBe(409);
    expect(asked.body.type).toBe(problemType('confirmation-required'));
    expect(asked.body.detail).toContain('メンテナンスは記録されていません');
    expect((await staff.get<SupportCase>(`/api/cases/${serving.id}`)).body.status).toBe('in_service');
    const confirmed = await staff.post<SupportCase>(`/api/cases/${serving.id}/finish`, { ...body, confirm: true });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.reason).toBe('platform_maintenance');
  });

  it('refuses a finishing note that carries a My Number, and leaves the case in service', async () => {
    const serving = await inService(staff);
    const answer = await staff.post<ProblemDetails>(`/api/cases/${serving.id}/finish`, {
      outcome: 'not_completed',
      reason: 'other',
      note: '番号 1234-5678-9018 を口頭で確認',
    });
    expect(answer.status).toBe(422);
    expect(answer.body.errors?.[0]?.field).toBe('note');
    const after = (await staff.get<SupportCase>(`/api/cases/${serving.id}`)).body;
    expect(after).toMatchObject({ status: 'in_service', note: null, version: serving.version });
  });
});
