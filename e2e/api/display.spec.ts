import type { Congestion, PublicDisplay, PublicOutages, SupportCase } from '@madoguchi/contracts';
import { ApiClient } from '../support/api-client';
import { arrival, created, problemType } from '../support/builders';
import { ApiServer, startApi } from '../support/api-server';
import { at } from '../support/elements';
import { jst, logVisit } from '../support/visits';

/** The demo registers 茅ヶ崎市役所 本庁舎 first (tickets A-…) and the 分庁舎 second (tickets B-…). */
const MAIN = 1;
const ANNEX = 2;
const ANNEX_CODE = 'chigasaki-bunchosha';

describe('tickets and the waiting-room display', () => {
  let server: ApiServer;
  let staff: ApiClient;
  let manager: ApiClient;
  let citizen: ApiClient;

  beforeAll(async () => {
    server = await startApi();
    staff = await ApiClient.signIn(server.baseUrl, 'staff');
    manager = await ApiClient.signIn(server.baseUrl, 'manager');
    citizen = new ApiClient(server.baseUrl);
  });
  afterAll(() => server.stop());

  const receive = (by: ApiClient, wallClock: string, siteId = MAIN) =>
    created(by, arrival({ arrivedAt: jst(wallClock), siteId }));

  const display = async (query = '') => {
    const answer = await citizen.get<PublicDisplay>(`/api/public/display${query}`);
    expect(answer.status).toBe(200);
    return answer.body;
  };

  it('numbers the receptions of a day from 1 at each site, with the site’s letter', async () => {
    const first = await receive(staff, '2020-11-24 10:00');
    const second = await receive(manager, '2020-11-24 10:05');
    const annex = await receive(staff, '2020-11-24 10:06', ANNEX);
    const third = await receive(staff, '2020-11-24 10:10');
    expect([first.ticket, second.ticket, third.ticket, annex.ticket]).toEqual(['A-001', 'A-002', 'A-003', 'B-001']);
    // The ticket is kept on the case and read back with it.
    expect((await staff.get<SupportCase>(`/api/cases/${second.id}`)).body).toMatchObject({
      ticket: 'A-002',
      counter: null,
    });
  });

  it('gives no ticket to a phone call or to a visit logged after it ended', async () => {
    const phone = await created(staff, arrival({ arrivedAt: jst('2020-11-24 10:20'), channel: 'phone' }));
    const past = await logVisit(staff, {
      procedure: 'reservation',
      status: 'completed',
      arrived: '2020-11-24 10:21',
      started: '2020-11-24 10:22',
      ended: '2020-11-24 10:30',
    });
    expect([phone.ticket, past.ticket]).toEqual([null, null]);
    // The next reception carries on where the room's numbers stopped.
    expect((await receive(staff, '2020-11-24 10:31')).ticket).toBe('A-004');
  });

  it('never hands out a number twice when many receptions arrive at once', async () => {
    const clients = [staff, manager];
    const all = await Promise.all(
      Array.from({ length: 30 }, (_, i) => receive(at(clients, i % 2), `2020-11-25 09:${String(i).padStart(2, '0')}`)),
    );
    const tickets = all.map((c) => c.ticket as string).sort();
    expect(tickets).toEqual(Array.from({ length: 30 }, (_, i) => `A-${String(i + 1).padStart(3, '0')}`));
  });

  it('starts again from 1 on the next Tokyo day, not the next UTC day', async () => {
    expect((await receive(staff, '2020-11-26 08:59')).ticket).toBe('A-001');
    // 23:59:59 in Tokyo is 14:59:59 UTC, and 00:00 in Tokyo is still 26 November in UTC.
    expect((await created(staff, arrival({ arrivedAt: '2020-11-26T14:59:59Z' }))).ticket).toBe('A-002');
    expect((await created(staff, arrival({ arrivedAt: '2020-11-26T15:00:00Z' }))).ticket).toBe('A-001');
    expect((await receive(staff, '2020-11-27 08:40')).ticket).toBe('A-002');
  });

  it('stores the counter a case is called to, and refuses a counter that cannot exist', async () => {
    const waiting = await receive(staff, '2020-11-30 10:00');
    const refused = await staff.post(`/api/cases/${waiting.id}/start`, { counter: 0 });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ type: problemType('validation') });
    const started = await staff.post<SupportCase>(`/api/cases/${waiting.id}/start`, { counter: 3 });
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ status: 'in_service', ticket: 'A-001', counter: 3 });
  });

  it('shows today’s calls with their counters, the queue and no personal data', async () => {
    // Real now: the display follows what staff do today.
    const a1 = await created(staff, arrival({ note: '山田様 090-1234-5678 眼鏡' }));
    const a2 = await created(staff, arrival());
    const a3 = await created(staff, arrival());
    const b1 = await created(staff, arrival({ siteId: ANNEX }));
    expect([a1.ticket, a2.ticket, a3.ticket, b1.ticket]).toEqual(['A-001', 'A-002', 'A-003', 'B-001']);
    await staff.post(`/api/cases/${a1.id}/start`, { counter: 3 });
    await manager.post(`/api/cases/${a2.id}/start`, { counter: 1 });

    const main = await display();
    expect(main.site).toEqual({ code: 'chigasaki-honcho', name: '茅ヶ崎市役所 本庁舎 情報推進課', ticketPrefix: 'A' });
    expect(main.called.map(({ ticket, prefix, number, counter }) => ({ ticket, prefix, number, counter }))).toEqual([
      { ticket: 'A-002', prefix: 'A', number: 2, counter: 1 },
      { ticket: 'A-001', prefix: 'A', number: 1, counter: 3 },
    ]);
    expect(main).toMatchObject({ waiting: 1, inService: 2 });

    const annex = await display(`?site=${ANNEX_CODE}`);
    expect(annex).toMatchObject({ called: [], waiting: 1, inService: 0, site: { ticketPrefix: 'B' } });

    // Tickets, counters, counts and times only: no case, staff member or note.
    expect(Object.keys(main).sort()).toEqual(
      [
        'at',
        'called',
        'estimatedWaitMinutes',
        'inService',
        'open',
        'outagesLaterToday',
        'outagesNow',
        'site',
        'today',
        'waiting',
      ].sort(),
    );
    expect(Object.keys(at(main.called, 0)).sort()).toEqual(['calledAt', 'counter', 'number', 'prefix', 'ticket']);
    const text = JSON.stringify(main);
    for (const secret of ['山田', '090-1234-5678', 'staff', 'manager', `"id"`, 'version']) {
      expect(text).not.toContain(secret);
    }
  });

  it('answers 404 for a site that does not exist', async () => {
    const answer = await citizen.get('/api/public/display?site=nowhere');
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ type: problemType('not-found') });
  });

  describe('on a day with a queue and announced maintenance (Tue 1 Dec 2020)', () => {
    beforeAll(async () => {
      // Handled in 10, 12 and 20 minutes; with the 8 minutes of 24 November, the median is (10 + 12) ÷ 2 = 11.
      for (const [arrived, started, ended] of [
        ['2020-12-01 08:40', '2020-12-01 08:40', '2020-12-01 08:50'],
        ['2020-12-01 08:50', '2020-12-01 08:50', '2020-12-01 09:02'],
        ['2020-12-01 09:00', '2020-12-01 09:02', '2020-12-01 09:22'],
      ] as const) {
        await logVisit(staff, { procedure: 'reservation', status: 'completed', arrived, started, ended });
      }
      await receive(staff, '2020-12-01 10:00');
      await receive(staff, '2020-12-01 10:05');
      await receive(staff, '2020-12-01 10:07', ANNEX);
      const outage = (startsAt: string, endsAt: string) =>
        manager.post('/api/outages', {
          system: 'mykey_platform',
          kind: 'planned',
          startsAt: jst(startsAt),
          endsAt: jst(endsAt),
          affects: ['reservation'],
        });
      expect((await outage('2020-12-01 13:00', '2020-12-01 14:00')).status).toBe(201);
      expect((await outage('2020-12-03 09:00', '2020-12-03 10:00')).status).toBe(201);
      // Past the two weeks citizens are told about.
      expect((await outage('2020-12-16 09:00', '2020-12-16 10:00')).status).toBe(201);
    });

    const at = `?at=${encodeURIComponent('2020-12-01T11:00:00+09:00')}`;
    const later = {
      system: 'mykey_platform',
      paymentServiceName: null,
      affects: ['reservation'],
      from: '2020-12-01T04:00:00.000Z',
      until: '2020-12-01T05:00:00.000Z',
    };
    const thursday = { ...later, from: '2020-12-03T00:00:00.000Z', until: '2020-12-03T01:00:00.000Z' };

    it('gives today’s hours, the site’s own queue and wait, and the maintenance later today', async () => {
      const main = await display(at);
      expect(main).toMatchObject({
        open: true,
        today: { date: '2020-12-01', hours: [{ from: '08:30', to: '17:00' }], holidayName: null },
        called: [],
        waiting: 2,
        inService: 0,
        // ⌈2 waiting × 11 minutes ÷ 1 (nobody serving: one counter assumed)⌉
        estimatedWaitMinutes: 22,
        outagesNow: [],
        outagesLaterToday: [later],
      });
      // ⌈1 × 11 ÷ 1⌉ at the annex, whose queue is its own.
      expect(await display(`${at}&site=${ANNEX_CODE}`)).toMatchObject({ waiting: 1, estimatedWaitMinutes: 11 });
    });

    it('tells the congestion page and the self-check of maintenance announced for the next two weeks', async () => {
      const outages = await citizen.get<PublicOutages>(`/api/public/outages${at}`);
      expect(outages.status).toBe(200);
      expect(outages.body).toEqual({ at: '2020-12-01T02:00:00.000Z', now: [], announced: [later, thursday] });
      const congestion = await citizen.get<Congestion>(`/api/public/congestion${at}`);
      expect(congestion.body).toMatchObject({ outagesNow: [], outagesAnnounced: [later, thursday] });
      // During the maintenance it is "now", no longer announced.
      const during = await citizen.get<PublicOutages>(
        `/api/public/outages?at=${encodeURIComponent('2020-12-01T13:30:00+09:00')}`,
      );
      expect(during.body).toMatchObject({ now: [later], announced: [thursday] });
    });
  });
});
