import type {
  DailyStatsRow,
  HeatmapCell,
  OutageImpact,
  ProblemDetails,
  StaffStatsRow,
  StatsSummary,
} from '@madoguchi/contracts';
import { ApiClient } from '../support/api-client';
import { ApiServer, startApi } from '../support/api-server';
import { logVisit } from '../support/visits';

const zeroReasons = {
  cert_wait_24h: 0,
  cert_expired: 0,
  cert_not_issued: 0,
  pin_locked: 0,
  pin_forgotten: 0,
  proxy_not_allowed: 0,
  card_not_brought: 0,
  service_not_at_spot: 0,
  service_prereg_required: 0,
  service_items_missing: 0,
  platform_maintenance: 0,
  terminal_fault: 0,
  other: 0,
};

/** The counts against the waiting-time target are checked by hand in drill-down.spec.ts. */
const withoutTarget = <T extends { served: number; withinTarget: number }>({ served, withinTarget, ...rest }: T) => {
  expect(withinTarget).toBeLessThanOrEqual(served);
  return rest;
};

describe('manager statistics', () => {
  let server: ApiServer;
  let staff: ApiClient;
  let staff02: ApiClient;
  let manager: ApiClient;

  beforeAll(async () => {
    server = await startApi();
    staff = await ApiClient.signIn(server.baseUrl, 'staff');
    staff02 = await ApiClient.signIn(server.baseUrl, 'staff02');
    manager = await ApiClient.signIn(server.baseUrl, 'manager');

    // The week of Mon 2021-11-08 … Sun 2021-11-14, far from any demo outage. Waits and handling times in minutes,
    // each counted in whole minutes with halves rounded up (2⅓ → 2, ½ → 1, 7⅔ → 8, 3½ → 4):
    //   wait   5, 10, 2, 0, 1, 15 → sorted 0, 1, 2, 5, 10, 15: median (2 + 5) / 2 = 3.5, p90 6th = 15
    //   handle 10, 20, 8, 6, 4    → sorted 4, 6, 8, 10, 20:     median 8, p90 5th = 20
    await logVisit(staff, {
      procedure: 'both',
      status: 'completed',
      paymentServiceId: 1,
      arrived: '2021-11-08 09:00',
      started: '2021-11-08 09:05',
      ended: '2021-11-08 09:15',
    });
    await logVisit(staff02, {
      procedure: 'application',
      status: 'completed',
      paymentServiceId: 1,
      arrived: '2021-11-08 09:10',
      started: '2021-11-08 09:20',
      ended: '2021-11-08 09:40',
    });
    await logVisit(staff, {
      procedure: 'reservation',
      status: 'not_completed',
      reason: 'pin_locked',
      arrived: '2021-11-09 10:00',
      started: '2021-11-09 10:02:20',
      ended: '2021-11-09 10:10',
    });
    await logVisit(staff02, {
      procedure: 'application',
      status: 'not_completed',
      reason: 'service_items_missing',
      paymentServiceId: 3,
      arrived: '2021-11-09 10:30',
      started: '2021-11-09 10:30',
      ended: '2021-11-09 10:36',
    });
    await logVisit(staff, {
      procedure: 'application',
      status: 'left',
      arrived: '2021-11-10 14:00',
      ended: '2021-11-10 14:20',
    });
    await logVisit(staff, {
      procedure: 'both',
      status: 'in_service',
      arrived: '2021-11-12 11:00',
      started: '2021-11-12 11:15',
    });
    // 23:59 JST on the last day belongs to it; 00:00 JST the next day (still the 14th in UTC) does not.
    await logVisit(staff, {
      procedure: 'inquiry',
      channel: 'phone',
      status: 'completed',
      arrived: '2021-11-14 23:59',
      started: '2021-11-14 23:59:30',
      ended: '2021-11-15 00:03',
    });
    await logVisit(staff, {
      procedure: 'inquiry',
      channel: 'phone',
      status: 'completed',
      arrived: '2021-11-15 00:00',
      started: '2021-11-15 00:00',
      ended: '2021-11-15 00:05',
    });

    // The week before: waits 4 and 10 (median 7), handling 12 and 9 (median 10.5): even counts.
    await logVisit(staff, {
      procedure: 'reservation',
      status: 'completed',
      arrived: '2021-11-01 09:00',
      started: '2021-11-01 09:04',
      ended: '2021-11-01 09:16',
    });
    await logVisit(staff, {
      procedure: 'reservation',
      status: 'completed',
      arrived: '2021-11-02 13:00',
      started: '2021-11-02 13:10',
      ended: '2021-11-02 13:19',
    });

    // Across the year end.
    await logVisit(staff, {
      procedure: 'inquiry',
      channel: 'phone',
      status: 'completed',
      arrived: '2020-12-31 23:30',
      started: '2020-12-31 23:30',
      ended: '2020-12-31 23:40',
    });
    await logVisit(staff, {
      procedure: 'inquiry',
      channel: 'phone',
      status: 'completed',
      arrived: '2021-01-01 00:15',
      started: '2021-01-01 00:15',
      ended: '2021-01-01 00:20',
    });
    await logVisit(staff, {
      procedure: 'reservation',
      status: 'left',
      arrived: '2021-01-01 23:59',
      ended: '2021-01-02 00:10',
    });
    await logVisit(staff, {
      procedure: 'inquiry',
      channel: 'phone',
      status: 'completed',
      arrived: '2021-01-02 00:00',
      started: '2021-01-02 00:00',
      ended: '2021-01-02 00:04',
    });
  });
  afterAll(() => server.stop());

  const summary = async (from: string, to: string) => {
    const answer = await manager.get<StatsSummary>(`/api/stats/summary?from=${from}&to=${to}`);
    expect(answer.status).toBe(200);
    return answer.body;
  };

  it('summarises a week: outcomes, completion rate, median and p90 of waits (even n) and handling (odd n)', async () => {
    const week = await summary('2021-11-08', '2021-11-14');
    expect(week).toMatchObject({
      from: '2021-11-08',
      to: '2021-11-14',
      total: 7,
      byStatus: { waiting: 0, in_service: 1, completed: 3, not_completed: 2, left: 1 },
      completionRate: 0.6,
      waitMinutes: { median: 3.5, p90: 15 },
      handleMinutes: { median: 8, p90: 20 },
      byProcedure: { reservation: 1, application: 3, both: 2, inquiry: 1 },
      byReason: { ...zeroReasons, pin_locked: 1, service_items_missing: 1 },
      duringOutages: { cases: 0, turnedAway: 0 },
      returned: { followUps: 0, succeeded: 0 },
    });
    expect(week.byPaymentService.slice(0, 2)).toEqual([
      { id: 1, name: 'ことりペイ', completed: 2, notCompleted: 0 },
      { id: 3, name: 'さくら払い', completed: 0, notCompleted: 1 },
    ]);
    // Every active service is listed, used or not, so that the chart keeps its categories.
    expect(week.byPaymentService.length).toBeGreaterThan(2);
    expect(week.byPaymentService.slice(2).every((s) => s.completed === 0 && s.notCompleted === 0)).toBe(true);
  });

  it('compares with the period of equal length just before, without a previous of its own', async () => {
    const { previous } = await summary('2021-11-08', '2021-11-14');
    expect(previous).toMatchObject({
      from: '2021-11-01',
      to: '2021-11-07',
      total: 2,
      byStatus: { waiting: 0, in_service: 0, completed: 2, not_completed: 0, left: 0 },
      completionRate: 1,
      waitMinutes: { median: 7, p90: 10 },
      handleMinutes: { median: 10.5, p90: 12 },
    });
    expect(previous).not.toHaveProperty('previous');
  });

  it('counts a case at 23:59 JST on the last day, and one at 00:00 JST the next day in that next day', async () => {
    expect((await summary('2021-11-14', '2021-11-14')).total).toBe(1);
    expect((await summary('2021-11-15', '2021-11-15')).total).toBe(1);
    const oneDay = await summary('2021-11-14', '2021-11-14');
    expect(oneDay.previous).toMatchObject({ from: '2021-11-13', to: '2021-11-13', total: 0 });
  });

  it('answers an empty range with zeros and nulls', async () => {
    const empty = await summary('2019-01-01', '2019-01-31');
    expect(empty).toMatchObject({
      total: 0,
      byStatus: { waiting: 0, in_service: 0, completed: 0, not_completed: 0, left: 0 },
      completionRate: null,
      waitMinutes: { median: null, p90: null },
      handleMinutes: { median: null, p90: null },
      byProcedure: { reservation: 0, application: 0, both: 0, inquiry: 0 },
      byReason: zeroReasons,
      duringOutages: { cases: 0, turnedAway: 0 },
      returned: { followUps: 0, succeeded: 0 },
    });
    expect(empty.previous).toMatchObject({ from: '2018-12-01', to: '2018-12-31', total: 0 });
    const daily = await manager.get<DailyStatsRow[]>('/api/stats/daily?from=2019-01-01&to=2019-01-31');
    expect(daily.body).toHaveLength(31);
    expect(daily.body.every((d) => d.total === 0 && d.completed === 0 && d.not_completed === 0 && d.left === 0)).toBe(
      true,
    );
    const staffRows = await manager.get<StaffStatsRow[]>('/api/stats/staff?from=2019-01-01&to=2019-01-31');
    expect(staffRows.body).toEqual([]);
    const heatmap = await manager.get<HeatmapCell[]>('/api/stats/heatmap?from=2019-01-01&to=2019-01-31');
    expect(heatmap.body.every((c) => c.arrivals === 0 && c.medianWaitMinutes === null)).toBe(true);
  });

  it('reads a range across the year end by Tokyo days', async () => {
    const newYear = await summary('2020-12-31', '2021-01-01');
    expect(newYear).toMatchObject({
      total: 3,
      byStatus: { completed: 2, left: 1 },
      previous: { from: '2020-12-29', to: '2020-12-30', total: 0 },
    });
    const daily = await manager.get<DailyStatsRow[]>('/api/stats/daily?from=2020-12-30&to=2021-01-02');
    expect(daily.body.map(withoutTarget)).toEqual([
      { date: '2020-12-30', total: 0, completed: 0, not_completed: 0, left: 0 },
      { date: '2020-12-31', total: 1, completed: 1, not_completed: 0, left: 0 },
      { date: '2021-01-01', total: 2, completed: 1, not_completed: 0, left: 1 },
      { date: '2021-01-02', total: 1, completed: 1, not_completed: 0, left: 0 },
    ]);
  });

  it('gives one row per Tokyo day, days without cases included', async () => {
    const daily = await manager.get<DailyStatsRow[]>('/api/stats/daily?from=2021-11-08&to=2021-11-15');
    expect(daily.status).toBe(200);
    expect(daily.body.map(withoutTarget)).toEqual([
      { date: '2021-11-08', total: 2, completed: 2, not_completed: 0, left: 0 },
      { date: '2021-11-09', total: 2, completed: 0, not_completed: 2, left: 0 },
      { date: '2021-11-10', total: 1, completed: 0, not_completed: 0, left: 1 },
      { date: '2021-11-11', total: 0, completed: 0, not_completed: 0, left: 0 },
      { date: '2021-11-12', total: 1, completed: 0, not_completed: 0, left: 0 },
      { date: '2021-11-13', total: 0, completed: 0, not_completed: 0, left: 0 },
      { date: '2021-11-14', total: 1, completed: 1, not_completed: 0, left: 0 },
      { date: '2021-11-15', total: 1, completed: 1, not_completed: 0, left: 0 },
    ]);
  });

  it('places arrivals on the weekday × hour grid in Tokyo time, with the median wait of each cell', async () => {
    const answer = await manager.get<HeatmapCell[]>('/api/stats/heatmap?from=2021-11-08&to=2021-11-14');
    expect(answer.status).toBe(200);
    expect(answer.body).toHaveLength(168);
    expect(answer.body.slice(0, 2).map(withoutTarget)).toEqual([
      { weekday: 1, hour: 0, arrivals: 0, medianWaitMinutes: null },
      { weekday: 1, hour: 1, arrivals: 0, medianWaitMinutes: null },
    ]);
    const busy = answer.body.filter((c) => c.arrivals > 0);
    expect(busy.map(withoutTarget)).toEqual([
      { weekday: 1, hour: 9, arrivals: 2, medianWaitMinutes: 7.5 },
      // Waits 2⅓ → 2 and 0: median 1.
      { weekday: 2, hour: 10, arrivals: 2, medianWaitMinutes: 1 },
      { weekday: 3, hour: 14, arrivals: 1, medianWaitMinutes: null },
      { weekday: 5, hour: 11, arrivals: 1, medianWaitMinutes: 15 },
      // Sunday 23:59 JST is Sunday 14:59 in UTC: only Tokyo time puts it here.
      // Its wait of half a minute counts as one whole minute.
      { weekday: 7, hour: 23, arrivals: 1, medianWaitMinutes: 1 },
    ]);
  });

  it('ranks staff by cases handled, with outcomes and median handling time', async () => {
    const answer = await manager.get<StaffStatsRow[]>('/api/stats/staff?from=2021-11-08&to=2021-11-14');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual([
      // Handling 10, 7⅔ → 8, 3½ → 4 (the case still in service has none): median 8.
      {
        username: 'staff',
        displayName: '窓口 花子',
        cases: 4,
        completed: 2,
        notCompleted: 1,
        medianHandleMinutes: 8,
      },
      // Handling 20 and 6: median 13.
      {
        username: 'staff02',
        displayName: '茅野 健太',
        cases: 2,
        completed: 1,
        notCompleted: 1,
        medianHandleMinutes: 13,
      },
    ]);
  });

  describe('outages and return visits', () => {
    beforeAll(async () => {
      // The demo's planned MyKey Platform window, 2020-11-18 09:00–11:30 JST, stopping reservations only.
      const turnedAway = await logVisit(staff, {
        procedure: 'reservation',
        status: 'not_completed',
        reason: 'platform_maintenance',
        arrived: '2020-11-18 09:30',
        started: '2020-11-18 09:35',
        ended: '2020-11-18 09:40',
      });
      await logVisit(staff, {
        procedure: 'application',
        status: 'completed',
        paymentServiceId: 1,
        arrived: '2020-11-18 10:00',
        started: '2020-11-18 10:05',
        ended: '2020-11-18 10:15',
      });
      const before = await logVisit(staff, {
        procedure: 'reservation',
        status: 'not_completed',
        reason: 'card_not_brought',
        arrived: '2020-11-18 08:59',
        started: '2020-11-18 09:00',
        ended: '2020-11-18 09:02',
      });
      // The end of an outage is exclusive: this one arrived after it.
      await logVisit(staff, {
        procedure: 'reservation',
        status: 'completed',
        arrived: '2020-11-18 11:30',
        started: '2020-11-18 11:35',
        ended: '2020-11-18 11:45',
      });
      // Two days later both citizens come back with the code on their slips; one succeeds.
      await logVisit(staff, {
        procedure: 'reservation',
        status: 'completed',
        followUpCode: turnedAway.followUpCode ?? '',
        arrived: '2020-11-20 09:00',
        started: '2020-11-20 09:05',
        ended: '2020-11-20 09:12',
      });
      await logVisit(staff, {
        procedure: 'reservation',
        status: 'not_completed',
        reason: 'card_not_brought',
        followUpCode: before.followUpCode ?? '',
        arrived: '2020-11-20 10:00',
        started: '2020-11-20 10:01',
        ended: '2020-11-20 10:03',
      });
    });

    it('ties each outage to the cases that arrived during it and the citizens who came back', async () => {
      const answer = await manager.get<OutageImpact[]>('/api/stats/outages?from=2020-11-17&to=2020-11-19');
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual([
        {
          id: expect.any(Number),
          system: 'mykey_platform',
          paymentServiceId: null,
          paymentServiceName: null,
          kind: 'planned',
          startsAt: '2020-11-18T00:00:00.000Z',
          endsAt: '2020-11-18T02:30:00.000Z',
          affects: ['reservation'],
          cases: 2,
          notCompleted: 1,
          turnedAway: 1,
          cameBack: 1,
          cameBackCompleted: 1,
        },
      ]);
    });

    it('lists an outage that only overlaps the range, and a payment-service outage with its service', async () => {
      const july = await manager.get<OutageImpact[]>('/api/stats/outages?from=2020-07-23&to=2020-07-23');
      expect(july.body).toEqual([
        expect.objectContaining({ startsAt: '2020-07-22T22:00:00.000Z', endsAt: '2020-07-23T15:30:00.000Z', cases: 0 }),
      ]);
      const october = await manager.get<OutageImpact[]>('/api/stats/outages?from=2020-10-07&to=2020-10-07');
      expect(october.body).toEqual([
        expect.objectContaining({
          system: 'payment_service',
          paymentServiceName: 'ことりペイ',
          affects: ['application'],
        }),
      ]);
    });

    it('counts the cases during outages and the return visits in the summary', async () => {
      expect(await summary('2020-11-18', '2020-11-18')).toMatchObject({
        total: 4,
        duringOutages: { cases: 2, turnedAway: 1 },
        returned: { followUps: 0, succeeded: 0 },
      });
      expect(await summary('2020-11-20', '2020-11-20')).toMatchObject({
        total: 2,
        duringOutages: { cases: 0, turnedAway: 0 },
        returned: { followUps: 2, succeeded: 1 },
      });
    });
  });

  it.each([
    ['from=2021-11-10&to=2021-11-01', 'to'],
    ['to=2021-11-01', 'from'],
    ['from=2021-02-30&to=2021-03-01', 'from'],
    ['from=2021-11-01&to=2021-11-02&staff=two%20words', 'staff'],
    ['from=2021-11-01&to=2021-11-02&siteId=first', 'siteId'],
    ['from=2021-11-01&to=2021-11-02&colour=red', 'colour'],
  ])('refuses %s with 400 naming %s', async (query, field) => {
    const answer = await manager.get<ProblemDetails>(`/api/stats/summary?${query}`);
    expect(answer.status).toBe(400);
    expect(answer.contentType).toContain('application/problem+json');
    expect(answer.body.errors?.map((e) => e.field)).toContain(field);
  });

  it.each(['summary', 'daily', 'heatmap', 'staff', 'outages'])(
    'serves /api/stats/%s to managers and admins only',
    async (route) => {
      const path = `/api/stats/${route}?from=2021-11-08&to=2021-11-14`;
      const admin = await ApiClient.signIn(server.baseUrl, 'admin');
      expect((await admin.get(path)).status).toBe(200);
      expect((await staff.get(path)).status).toBe(403);
      expect((await new ApiClient(server.baseUrl).get(path)).status).toBe(401);
    },
  );

  it('documents every statistics route and the definitions of median and p90 at /api/docs', async () => {
    const docs = await new ApiClient(server.baseUrl).get<{
      paths: Record<string, { get?: { description?: string } }>;
    }>('/api/docs-json');
    expect(docs.status).toBe(200);
    for (const route of ['summary', 'daily', 'heatmap', 'staff', 'outages']) {
      expect(docs.body.paths).toHaveProperty([`/api/stats/${route}`]);
    }
    expect(docs.body.paths['/api/stats/summary']?.get?.description).toMatch(/nearest rank.*⌈0\.9·n⌉/);
    expect(docs.body.paths['/api/stats/summary']?.get?.description).toMatch(/mean of the two middle values/);
  });
});
