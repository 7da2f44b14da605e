import type { AuditEntry, Page, PaymentService, ProblemDetails, ReturnSlip, SupportCase } from '@madoguchi/contracts';
import { ApiClient } from '../support/api-client';
import { arrival, created, inService, pastNotCompleted, problemType } from '../support/builders';
import { ApiServer, startApi } from '../support/api-server';

describe('return slips and follow-up codes', () => {
  let server: ApiServer;
  let staff: ApiClient;
  let colleague: ApiClient;
  let services: PaymentService[];

  beforeAll(async () => {
    server = await startApi();
    staff = await ApiClient.signIn(server.baseUrl, 'staff');
    colleague = await ApiClient.signIn(server.baseUrl, 'staff02');
    services = (await staff.get<PaymentService[]>('/api/payment-services')).body;
  });
  afterAll(() => server.stop());

  const serviceNamed = (name: string) => services.find((s) => s.name === name) as PaymentService;

  it('gives each unsuccessful case its own code, and none to a completed one', async () => {
    const codes = new Set<string>();
    for (let i = 0; i < 5; i++) codes.add((await created(staff, pastNotCompleted())).followUpCode as string);
    expect(codes.size).toBe(5);
    const completed = await inService(staff, { procedure: 'reservation' });
    const done = await staff.post<SupportCase>(`/api/cases/${completed.id}/finish`, { outcome: 'completed' });
    expect(done.body.followUpCode).toBeNull();
  });

  it('finds the earlier visit by its code, however it is typed', async () => {
    const earlier = await created(colleague, pastNotCompleted());
    const code = earlier.followUpCode as string;
    const typed = `${code.slice(0, 3).toLowerCase()}-${code.slice(3)}`;
    const found = await staff.get<SupportCase>(`/api/cases/follow-up/${encodeURIComponent(typed)}`);
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ id: earlier.id, reason: 'pin_locked', followUpCode: code });
    expect((await staff.get<ProblemDetails>('/api/cases/follow-up/ZZZZZZ')).status).toBe(404);
  });

  it('links the return visit to the earlier one when the code is entered at reception', async () => {
    const earlier = await created(staff, pastNotCompleted());
    const back = await staff.post<SupportCase>('/api/cases', arrival({ followUpCode: earlier.followUpCode as string }));
    expect(back.status).toBe(201);
    expect(back.body.previousCaseId).toBe(earlier.id);
    expect(back.body.followUpCode).toBeNull();
  });

  it('refuses an unknown code with 422 naming the field, and stores nothing', async () => {
    const count = async () => (await staff.get<Page<SupportCase>>('/api/cases?pageSize=1')).body.total;
    const before = await count();
    const answer = await staff.post<ProblemDetails>(
      '/api/cases',
      arrival({ followUpCode: 'QQQQQQ', note: '未知のコード' }),
    );
    expect(answer.status).toBe(422);
    expect(answer.body.errors?.map((e) => e.field)).toEqual(['followUpCode']);
    expect(answer.body.detail).toContain('QQQQQQ');
    expect(await count()).toBe(before);
  });

  it('links, relinks and unlinks through a correction, but never to the case itself', async () => {
    const earlier = await created(staff, pastNotCompleted());
    const back = await created(staff, arrival());
    const linked = await staff.request<SupportCase>('PATCH', `/api/cases/${back.id}`, {
      version: back.version,
      followUpCode: earlier.followUpCode,
    });
    expect(linked.body.previousCaseId).toBe(earlier.id);
    const unlinked = await staff.request<SupportCase>('PATCH', `/api/cases/${back.id}`, {
      version: linked.body.version,
      followUpCode: null,
    });
    expect(unlinked.body.previousCaseId).toBeNull();
    const itself = await staff.request<ProblemDetails>('PATCH', `/api/cases/${earlier.id}`, {
      version: earlier.version,
      followUpCode: earlier.followUpCode,
    });
    expect(itself.status).toBe(422);
    expect(itself.body.errors?.[0]?.field).toBe('followUpCode');
  });

  it('prints a slip for a locked PIN: 市民課 first, what to bring, no time promised', async () => {
    const failed = await created(staff, pastNotCompleted({ reason: 'pin_locked', procedure: 'reservation' }));
    const slip = await staff.get<ReturnSlip>(`/api/cases/${failed.id}/slip`);
    expect(slip.status).toBe(200);
    expect(slip.body).toMatchObject({
      caseId: failed.id,
      followUpCode: failed.followUpCode,
      siteName: '茅ヶ崎市役所 本庁舎 情報推進課',
      reason: 'pin_locked',
      reasonLabel: { ja: '暗証番号ロック', en: 'PIN locked' },
      referTo: 'citizens_division',
      referToLabel: { ja: '市民課', en: 'Citizens Division' },
      earliestReturnAt: null,
    });
    expect(slip.body.toBring.map((i) => i.ja)).toEqual(['マイナンバーカード', expect.stringContaining('暗証番号')]);
    expect(slip.body.advice[0]?.ja).toContain('市民課で初期化');
    expect(slip.body.comeBack.ja).toBe('先に市民課でお手続きのうえ、受付時間内にお越しください。');
  });

  it('after a certificate renewal, names the first desk hours 24 hours after the visit, past closed days', async () => {
    // Fri 20 Nov 2020 16:00: +24 h is a 3rd Saturday, then Sunday and Labour Thanksgiving Day (Mon 23).
    const failed = await created(
      staff,
      pastNotCompleted({
        reason: 'cert_wait_24h',
        arrivedAt: '2020-11-20T15:40:00+09:00',
        startedAt: '2020-11-20T15:45:00+09:00',
        endedAt: '2020-11-20T16:00:00+09:00',
      }),
    );
    const slip = (await staff.get<ReturnSlip>(`/api/cases/${failed.id}/slip`)).body;
    expect(slip.earliestReturnAt).toBe('2020-11-23T23:30:00.000Z');
    expect(slip.comeBack.ja).toBe('2020年11月24日(火) 8:30以降の受付時間内にお越しください。');
    expect(slip.referTo).toBeNull();
  });

  it('after platform maintenance, names the end of the recorded outage', async () => {
    // The demo records a reservation-only maintenance on 18 Nov 2020, 09:00–11:30 in Tokyo.
    const failed = await created(
      staff,
      pastNotCompleted({
        reason: 'platform_maintenance',
        procedure: 'reservation',
        arrivedAt: '2020-11-18T09:30:00+09:00',
        startedAt: '2020-11-18T09:35:00+09:00',
        endedAt: '2020-11-18T09:40:00+09:00',
      }),
    );
    const slip = (await staff.get<ReturnSlip>(`/api/cases/${failed.id}/slip`)).body;
    expect(slip.earliestReturnAt).toBe('2020-11-18T02:30:00.000Z');
    expect(slip.advice[0]?.ja).toContain('マイキープラットフォームのメンテナンス中');
  });

  it('lists the chosen payment service’s required items among what to bring', async () => {
    const kotori = serviceNamed('ことりペイ');
    const failed = await created(
      staff,
      pastNotCompleted({ reason: 'service_items_missing', procedure: 'application', paymentServiceId: kotori.id }),
    );
    const slip = (await staff.get<ReturnSlip>(`/api/cases/${failed.id}/slip`)).body;
    expect(slip.paymentService).toEqual({ id: kotori.id, name: 'ことりペイ' });
    expect(slip.referToLabel?.ja).toBe('決済サービス事業者');
    expect(slip.toBring.map((i) => i.ja)).toEqual(expect.arrayContaining(kotori.requiredItems));
    expect(slip.advice[0]?.ja).toContain('「ことりペイ」の申込みに必要なもの');
  });

  it('gives a case recorded before follow-up codes existed its code when its slip is first printed', async () => {
    const legacy = await created(staff, pastNotCompleted());
    await server.sql('UPDATE support_case SET "followUpCode" = NULL WHERE id = ?', [legacy.id]);
    const first = (await staff.get<ReturnSlip>(`/api/cases/${legacy.id}/slip`)).body;
    const again = (await staff.get<ReturnSlip>(`/api/cases/${legacy.id}/slip`)).body;
    expect(first.followUpCode).toMatch(/^[2-9A-Z]{6}$/);
    expect(again.followUpCode).toBe(first.followUpCode);
    expect((await staff.get<SupportCase>(`/api/cases/${legacy.id}`)).body.followUpCode).toBe(first.followUpCode);
    const manager = await ApiClient.signIn(server.baseUrl, 'manager');
    const trail = await manager.get<Page<AuditEntry>>(`/api/audit?entityType=case&entityId=${legacy.id}`);
    expect(trail.body.items.map((e) => e.action)).toEqual(['assign_follow_up_code', 'create']);
  });

  it('has no slip for a case that did not end not completed', async () => {
    const waiting = await created(staff, arrival());
    const answer = await staff.get<ProblemDetails>(`/api/cases/${waiting.id}/slip`);
    expect(answer.status).toBe(409);
    expect(answer.body.type).toBe(problemType('no-slip'));
  });
});
