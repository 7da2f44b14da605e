import type { Congestion, ProblemDetails } from '@madoguchi/contracts';
import { ApiClient } from '../support/api-client';
import { ApiServer, startApi } from '../support/api-server';
import { logVisit } from '../support/visits';

/** The hours that had arrivals, as [hour, average]. */
const busyHours = (c: Congestion) => c.typicalByHour.filter((h) => h.arrivals > 0).map((h) => [h.hour, h.arrivals]);

describe('public congestion', () => {
  let server: ApiServer;
  let citizen: ApiClient;

  beforeAll(async () => {
    server = await startApi();
    citizen = new ApiClient(server.baseUrl);
    const staff = await ApiClient.signIn(server.baseUrl, 'staff');
    // Tuesday 2021-06-15, mid-morning: three waiting, one being served, one served already today.
    for (const arrived of ['2021-06-15 09:30', '2021-06-15 09:40', '2021-06-15 09:50']) {
      await logVisit(staff, { procedure: 'both', status: 'waiting', arrived });
    }
    await logVisit(staff, {
      procedure: 'both',
      status: 'in_service',
      arrived: '2021-06-15 09:20',
      started: '2021-06-15 09:45',
    });
    // Handling times of everything served to the end: 10, 10, 14, 6 → median 10 minutes.
    await logVisit(staff, {
      procedure: 'reservation',
      status: 'completed',
      arrived: '2021-06-15 09:00',
      started: '2021-06-15 09:05',
      ended: '2021-06-15 09:15',
    });
    await logVisit(staff, {
      procedure: 'reservation',
      status: 'completed',
      arrived: '2021-06-08 09:10',
      started: '2021-06-08 09:10',
      ended: '2021-06-08 09:20',
    });
    await logVisit(staff, {
      procedure: 'reservation',
      status: 'completed',
      arrived: '2021-06-08 13:00',
      started: '2021-06-08 13:02',
      ended: '2021-06-08 13:08',
    });
    await logVisit(staff, {
      procedure: 'reservation',
      status: 'completed',
      arrived: '2021-06-01 09:20',
      started: '2021-06-01 09:21',
      ended: '2021-06-01 09:35',
    });
    // The first case ever, a Tuesday before the 8-week window.
    await logVisit(staff, {
      procedure: 'application',
      status: 'left',
      arrived: '2021-04-13 11:00',
      ended: '2021-04-13 11:10',
    });
  });
  afterAll(() => server.stop());

  const congestion = async (at?: string) => {
    const answer = await citizen.get<Congestion>(`/api/public/congestion${at ? `?at=${encodeURIComponent(at)}` : ''}`);
    expect(answer.status).toBe(200);
    return answer.body;
  };

  it('answers without sign-in: the queue, an estimated wait and the typical day', async () => {
    const now = await congestion('2021-06-15T10:00:00+09:00');
    expect(now).toMatchObject({
      at: '2021-06-15T01:00:00.000Z',
      open: true,
      waiting: 3,
      inService: 1,
      // ⌈3 waiting × 10 minutes ÷ 1 serving⌉
      estimatedWaitMinutes: 30,
      outagesNow: [],
    });
    expect(now.typicalByHour.map((h) => h.hour)).toEqual(Array.from({ length: 24 }, (_, hour) => hour));
    // The 8 Tuesdays before: 2 arrivals at 9 and 1 at 13, over 7 days (4 May, Greenery Day, was closed).
    expect(busyHours(now)).toEqual([
      [9, 0.3],
      [13, 0.1],
    ]);
  });

  it('gives no estimate while the desk is closed', async () => {
    const evening = await congestion('2021-06-15T18:00:00+09:00');
    expect(evening).toMatchObject({ open: false, waiting: 3, inService: 1, estimatedWaitMinutes: null });
    const sunday = await congestion('2021-06-13T10:00:00+09:00');
    expect(sunday).toMatchObject({ open: false, waiting: 0, estimatedWaitMinutes: null });
  });

  it('averages every same weekday of the data when the last 8 weeks hold no case', async () => {
    const later = await congestion('2021-09-07T10:00:00+09:00');
    expect(later).toMatchObject({ open: true, waiting: 0, estimatedWaitMinutes: 0 });
    // Tuesdays from 13 April to 15 June, 4 May closed: 9 days; 7 arrivals at 9, 1 at 11, 1 at 13.
    expect(busyHours(later)).toEqual([
      [9, 0.8],
      [11, 0.1],
      [13, 0.1],
    ]);
  });

  it('shows the outages going on, with the payment service they concern', async () => {
    expect((await congestion('2020-11-18T10:00:00+09:00')).outagesNow).toEqual([
      {
        system: 'mykey_platform',
        paymentServiceName: null,
        affects: ['reservation'],
        from: '2020-11-18T00:00:00.000Z',
        until: '2020-11-18T02:30:00.000Z',
      },
    ]);
    expect((await congestion('2020-10-07T15:00:00+09:00')).outagesNow).toEqual([
      {
        system: 'payment_service',
        paymentServiceName: 'ことりペイ',
        affects: ['application'],
        from: '2020-10-07T05:00:00.000Z',
        until: '2020-10-07T07:30:00.000Z',
      },
    ]);
    expect((await congestion('2020-11-18T11:30:00+09:00')).outagesNow).toEqual([]);
  });

  it('describes now when no moment is given', async () => {
    const before = Date.now();
    const now = await congestion();
    expect(Date.parse(now.at)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(now.at)).toBeLessThanOrEqual(Date.now());
    expect(now.typicalByHour).toHaveLength(24);
    if (!now.open) expect(now.estimatedWaitMinutes).toBeNull();
  });

  it('refuses a moment that is not ISO 8601 with 400', async () => {
    const answer = await citizen.get<ProblemDetails>('/api/public/congestion?at=yesterday');
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.map((e) => e.field)).toEqual(['at']);
  });
});
