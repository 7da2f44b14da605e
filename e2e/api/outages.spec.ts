import type {
  ActiveOutages,
  AuditEntry,
  Outage,
  OutageCasesPage,
  Page,
  PaymentService,
  ProblemDetails,
  StaleVersionProblem,
  SupportCase,
} from '@madoguchi/contracts';
import { ApiClient } from '../support/api-client';
import { created, inService, pastNotCompleted, problemType } from '../support/builders';
import { ApiServer, startApi } from '../support/api-server';
import { at } from '../support/elements';

const tokyoDay = (instant: Date) => new Date(instant.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);

describe('recording outages and what they hit', () => {
  let server: ApiServer;
  let staff: ApiClient;
  let manager: ApiClient;
  let admin: ApiClient;
  let anonymous: ApiClient;

  beforeAll(async () => {
    server = await startApi();
    anonymous = new ApiClient(server.baseUrl);
    staff = await ApiClient.signIn(server.baseUrl, 'staff');
    manager = await ApiClient.signIn(server.baseUrl, 'manager');
    admin = await ApiClient.signIn(server.baseUrl, 'admin');
  });
  afterAll(() => server.stop());

  const count = async () => (await manager.get<Page<Outage>>('/api/outages?pageSize=1')).body.total;

  it('lets a manager record an ongoing maintenance that the counter banner then shows to staff', async () => {
    const startsAt = new Date(Date.now() - 30 * 60_000).toISOString();
    const answer = await manager.post<Outage>('/api/outages', {
      system: 'mykey_platform',
      kind: 'unplanned',
      startsAt,
      affects: ['reservation'],
      note: 'マイキーID設定でエラー',
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ startsAt, endsAt: null, affects: ['reservation'], version: 1 });
    const banner = await staff.get<ActiveOutages>('/api/outages/active');
    expect(banner.status).toBe(200);
    expect(banner.body.active.map((o) => o.id)).toContain(answer.body.id);

    // While it is recorded, finishing a reservation as platform maintenance needs no confirmation …
    const reservation = await inService(staff, { procedure: 'reservation' });
    const finished = await staff.post<SupportCase>(`/api/cases/${reservation.id}/finish`, {
      outcome: 'not_completed',
      reason: 'platform_maintenance',
    });
    expect(finished.status).toBe(200);
    // … but an application, which it does not stop, still does.
    const application = await inService(staff, { procedure: 'application' });
    const asked = await staff.post<ProblemDetails>(`/api/cases/${application.id}/finish`, {
      outcome: 'not_completed',
      reason: 'platform_maintenance',
    });
    expect(asked.status).toBe(409);
    expect(asked.body.type).toBe(problemType('confirmation-required'));

    // Ending it takes it off the banner; a screen still showing version 1 is told what changed.
    const ended = await manager.request<Outage>('PATCH', `/api/outages/${answer.body.id}`, {
      version: 1,
      endsAt: new Date().toISOString(),
    });
    expect(ended.status).toBe(200);
    expect(ended.body.version).toBe(2);
    expect((await staff.get<ActiveOutages>('/api/outages/active')).body.active.map((o) => o.id)).not.toContain(
      answer.body.id,
    );
    const stale = await admin.request<StaleVersionProblem<Outage>>('PATCH', `/api/outages/${answer.body.id}`, {
      version: 1,
      kind: 'planned',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.type).toBe(problemType('stale-version'));
    expect(stale.body.current.endsAt).toBe(ended.body.endsAt);
  });

  it('shows on the banner an outage announced for later today', async () => {
    const startsAt = new Date(Date.now() + 60_000);
    const answer = await manager.post<Outage>('/api/outages', {
      system: 'mykey_platform',
      kind: 'planned',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
      affects: ['reservation', 'application'],
    });
    const banner = (await staff.get<ActiveOutages>('/api/outages/active')).body;
    expect(banner.active.map((o) => o.id)).not.toContain(answer.body.id);
    // Unless the test runs in the last minute of a Tokyo day, the outage starts later today.
    if (tokyoDay(startsAt) === tokyoDay(new Date(banner.at))) {
      expect(banner.laterToday.map((o) => o.id)).toContain(answer.body.id);
    }
  });

  it('reclassifies an outage after the fact and keeps the audit trail of it', async () => {
    const outage = (
      await manager.post<Outage>('/api/outages', {
        system: 'terminal',
        kind: 'unplanned',
        startsAt: '2020-12-02T09:00:00+09:00',
        endsAt: '2020-12-02T09:20:00+09:00',
        affects: ['reservation', 'application'],
      })
    ).body;
    const reclassified = await admin.request<Outage>('PATCH', `/api/outages/${outage.id}`, {
      version: 1,
      kind: 'planned',
      note: '事前告知ありと判明',
    });
    expect(reclassified.body).toMatchObject({ kind: 'planned', note: '事前告知ありと判明', system: 'terminal' });
    const trail = await manager.get<Page<AuditEntry>>(`/api/audit?entityType=outage&entityId=${outage.id}`);
    expect(trail.body.items.map((e) => [e.action, e.actorUsername])).toEqual([
      ['update', 'admin'],
      ['create', 'manager'],
    ]);
    expect(trail.body.items[0]?.before).toMatchObject({ kind: 'unplanned' });
    expect(trail.body.items[0]?.after).toMatchObject({ kind: 'planned' });
  });

  it('lists the outages overlapping Tokyo days: the July 2020 window ran into the 24th but not the 25th', async () => {
    const ids = async (from: string, to: string) =>
      (await manager.get<Page<Outage>>(`/api/outages?from=${from}&to=${to}`)).body.items.map((o) => o.startsAt);
    const july23 = '2020-07-22T22:00:00.000Z';
    expect(await ids('2020-07-23', '2020-07-23')).toEqual([july23]);
    expect(await ids('2020-07-24', '2020-07-24')).toEqual([july23]);
    expect(await ids('2020-07-25', '2020-07-31')).toEqual([]);
    expect(await ids('2020-07-01', '2020-07-22')).toEqual([]);
  });

  it('lists the cases that arrived during an outage and counts those turned away', async () => {
    const outage = (
      await manager.post<Outage>('/api/outages', {
        system: 'mykey_platform',
        kind: 'planned',
        startsAt: '2020-12-01T10:00:00+09:00',
        endsAt: '2020-12-01T11:00:00+09:00',
        affects: ['reservation'],
      })
    ).body;
    const at = (hhmm: string, extra = {}) =>
      created(
        staff,
        pastNotCompleted({
          arrivedAt: `2020-12-01T${hhmm}:00+09:00`,
          startedAt: `2020-12-01T${hhmm}:00+09:00`,
          endedAt: `2020-12-01T${hhmm}:30+09:00`,
          ...extra,
        }),
      );
    await at('09:59');
    const during1 = await at('10:10', { reason: 'platform_maintenance', procedure: 'reservation' });
    const during2 = await at('10:40', { reason: 'card_not_brought' });
    await at('11:00');
    const answer = await manager.get<OutageCasesPage>(`/api/outages/${outage.id}/cases`);
    expect(answer.status).toBe(200);
    expect(answer.body.outage.id).toBe(outage.id);
    expect(answer.body.items.map((c) => c.id)).toEqual([during1.id, during2.id]);
    expect(answer.body).toMatchObject({ total: 2, turnedAway: 1 });
    expect((await staff.get(`/api/outages/${outage.id}/cases`)).status).toBe(403);
  });

  it('counts only the cases of the service a payment service outage concerns', async () => {
    const services = (await staff.get<PaymentService[]>('/api/payment-services')).body;
    const atSpot = services.filter((s) => s.appliesAtSpot);
    const [down, other] = [at(atSpot, 0), at(atSpot, 1)];
    const outage = (
      await manager.post<Outage>('/api/outages', {
        system: 'payment_service',
        paymentServiceId: down.id,
        kind: 'unplanned',
        startsAt: '2020-12-03T13:00:00+09:00',
        endsAt: '2020-12-03T15:00:00+09:00',
        affects: ['application'],
      })
    ).body;
    const day = {
      arrivedAt: '2020-12-03T14:00:00+09:00',
      startedAt: '2020-12-03T14:01:00+09:00',
      endedAt: '2020-12-03T14:09:00+09:00',
    };
    const hit = await created(staff, pastNotCompleted({ ...day, procedure: 'application', paymentServiceId: down.id }));
    await created(staff, pastNotCompleted({ ...day, procedure: 'application', paymentServiceId: other.id }));
    const answer = await manager.get<OutageCasesPage>(`/api/outages/${outage.id}/cases`);
    expect(answer.body.items.map((c) => c.id)).toEqual([hit.id]);

    // The citizens' preflight sees the outage only for the service it stops.
    const check = async (paymentServiceId: number) =>
      (
        await anonymous.post<{ blockers: { code: string }[] }>('/api/preflight', {
          at: '2020-12-03T14:00:00+09:00',
          procedure: 'application',
          holderAge: 40,
          holderPresent: true,
          hasCard: true,
          certificate: { status: 'valid' },
          pin: 'known',
          paymentServiceId,
          serviceItemsReady: true,
          serviceRegistrationDone: true,
        })
      ).body.blockers.map((b) => b.code);
    expect(await check(down.id)).toContain('platform_maintenance');
    expect(await check(other.id)).not.toContain('platform_maintenance');
  });

  it.each([
    [{ system: 'payment_service', affects: ['application'] }, 'paymentServiceId'],
    [{ system: 'mykey_platform', paymentServiceId: 1, affects: ['reservation'] }, 'paymentServiceId'],
    [{ system: 'mykey_platform', endsAt: '2020-12-05T08:00:00+09:00', affects: ['reservation'] }, 'endsAt'],
    [{ system: 'mykey_platform', affects: ['reservation'], note: 'ID 6214-9832-0257 の方から連絡' }, 'note'],
  ])('refuses an inconsistent outage with 422 naming the field, and stores nothing (%#)', async (body, field) => {
    const before = await count();
    const answer = await manager.post<ProblemDetails>('/api/outages', {
      kind: 'unplanned',
      startsAt: '2020-12-05T09:00:00+09:00',
      ...body,
    });
    expect(answer.status).toBe(422);
    expect(answer.body.errors?.map((e) => e.field)).toEqual([field]);
    expect(await count()).toBe(before);
  });

  it('needs at least one stopped function', async () => {
    const answer = await manager.post<ProblemDetails>('/api/outages', {
      system: 'mykey_platform',
      kind: 'planned',
      startsAt: '2020-12-05T09:00:00+09:00',
      affects: [],
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]).toEqual({ field: 'affects', message: 'affects needs at least one value.' });
  });
});
