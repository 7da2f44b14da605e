/*
 * What an outage cost, on a hand-made Tuesday with one outage of each system: the counts below are worked out by hand
 * from the definition (arrived during it, needed a function it stopped, not completed for the reason it explains).
 */
import type { Outage, OutageCasesPage, OutageImpact, PaymentService, StatsSummary } from '@madoguchi/contracts';
import { ApiClient } from '../support/api-client';
import { created, pastNotCompleted } from '../support/builders';
import { ApiServer, startApi } from '../support/api-server';

const DAY = '2020-10-06';
const at = (hhmm: string) => `${DAY}T${hhmm}:00+09:00`;
const plus = (hhmm: string, minutes: number) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const total = h * 60 + m + minutes;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
};

describe('what each outage cost', () => {
  let server: ApiServer;
  let manager: ApiClient;
  let outages: Record<'platform' | 'terminal' | 'service', Outage>;

  beforeAll(async () => {
    server = await startApi({ DEMO_CASES: '0' });
    manager = await ApiClient.signIn(server.baseUrl, 'manager');
    const services = (await manager.get<PaymentService[]>('/api/payment-services')).body.filter((s) => s.appliesAtSpot);
    const [down, other] = services as [PaymentService, PaymentService];
    const outage = async (body: Record<string, unknown>) => (await manager.post<Outage>('/api/outages', body)).body;
    outages = {
      platform: await outage({
        system: 'mykey_platform',
        kind: 'planned',
        startsAt: at('10:00'),
        endsAt: at('11:00'),
        affects: ['reservation'],
      }),
      terminal: await outage({
        system: 'terminal',
        kind: 'unplanned',
        startsAt: at('13:00'),
        endsAt: at('14:00'),
        affects: ['reservation', 'application'],
      }),
      service: await outage({
        system: 'payment_service',
        paymentServiceId: down.id,
        kind: 'unplanned',
        startsAt: at('15:00'),
        endsAt: at('16:00'),
        affects: ['application'],
      }),
    };
    const visit = (hhmm: string, overrides: Parameters<typeof pastNotCompleted>[0]) =>
      created(
        manager,
        pastNotCompleted({
          arrivedAt: at(hhmm),
          startedAt: at(plus(hhmm, 5)),
          endedAt: at(plus(hhmm, 15)),
          ...overrides,
        }),
      );
    // During the platform's maintenance (stops reservations): 2 turned away of 4.
    await visit('10:05', { procedure: 'reservation', reason: 'platform_maintenance' });
    await visit('10:10', { procedure: 'both', reason: 'platform_maintenance', paymentServiceId: down.id });
    await visit('10:20', { procedure: 'reservation', reason: 'pin_locked' });
    await visit('10:30', {
      procedure: 'reservation',
      status: 'completed',
      reason: undefined,
      completed: ['reservation'],
    });
    // Outside any outage, whatever it says: not counted.
    await visit('12:00', { procedure: 'reservation', reason: 'platform_maintenance' });
    // During the terminal fault (stops both): 2 turned away of 3.
    await visit('13:05', { procedure: 'both', reason: 'terminal_fault', paymentServiceId: down.id });
    await visit('13:10', { procedure: 'application', reason: 'terminal_fault', paymentServiceId: other.id });
    await visit('13:20', { procedure: 'reservation', reason: 'cert_expired' });
    // During the payment service's outage (stops applications to it): 2 turned away of its own 2; the other service's
    // applicant arrived during it but is not its case.
    await visit('15:05', { procedure: 'application', reason: 'payment_service_down', paymentServiceId: down.id });
    await visit('15:10', { procedure: 'both', reason: 'payment_service_down', paymentServiceId: down.id });
    await visit('15:20', { procedure: 'application', reason: 'payment_service_down', paymentServiceId: other.id });
  });
  afterAll(() => server.stop());

  it('gives each outage the count of cases it turned away on its own page', async () => {
    const page = async (o: Outage) => (await manager.get<OutageCasesPage>(`/api/outages/${o.id}/cases`)).body;
    expect(await page(outages.platform)).toMatchObject({ total: 4, turnedAway: 2 });
    expect(await page(outages.terminal)).toMatchObject({ total: 3, turnedAway: 2 });
    expect(await page(outages.service)).toMatchObject({ total: 2, turnedAway: 2 });
  });

  it('gives the same numbers in the statistics, and the day turned away six of the ten who came during outages', async () => {
    const impacts = (await manager.get<OutageImpact[]>(`/api/stats/outages?from=${DAY}&to=${DAY}`)).body;
    const byId = new Map(impacts.map((i) => [i.id, i]));
    expect(byId.get(outages.platform.id)).toMatchObject({ cases: 4, turnedAway: 2 });
    expect(byId.get(outages.terminal.id)).toMatchObject({ cases: 3, turnedAway: 2 });
    // The statistics count everyone who arrived during the outage; its own page, the cases of its service.
    expect(byId.get(outages.service.id)).toMatchObject({ cases: 3, turnedAway: 2 });
    const summary = (await manager.get<StatsSummary>(`/api/stats/summary?from=${DAY}&to=${DAY}`)).body;
    expect(summary.duringOutages).toEqual({ cases: 10, turnedAway: 6 });
  });
});
