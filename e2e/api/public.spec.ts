import type { PaymentService, ProblemDetails } from '@madoguchi/contracts';
import { ApiClient } from '../support/api-client';
import { readyReservation } from '../support/builders';
import { ApiServer, startApi } from '../support/api-server';

interface DeskDayAnswer {
  date: string;
  open: boolean;
  hours: { from: string; to: string }[];
  closedReason?: string;
  holidayName?: string;
}
interface PreflightAnswer {
  canProceedNow: boolean;
  blockers: { code: string; message: { ja: string; en: string }; referTo: string | null; until: string | null }[];
  warnings: { code: string }[];
  earliestAt: string | null;
}

const ready = readyReservation;

describe('what citizens can check before they come (no sign-in)', () => {
  let server: ApiServer;
  let citizen: ApiClient;
  let services: PaymentService[];

  beforeAll(async () => {
    server = await startApi();
    citizen = new ApiClient(server.baseUrl);
    services = (await citizen.get<PaymentService[]>('/api/payment-services')).body;
  });
  afterAll(() => server.stop());

  it('gives the desk calendar around the Olympic holiday moves of July 2020', async () => {
    const answer = await citizen.get<DeskDayAnswer[]>('/api/calendar?from=2020-07-22&to=2020-07-26');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual([
      { date: '2020-07-22', open: true, hours: [{ from: '08:30', to: '17:00' }] },
      { date: '2020-07-23', open: false, hours: [], closedReason: 'holiday', holidayName: '海の日' },
      { date: '2020-07-24', open: false, hours: [], closedReason: 'holiday', holidayName: 'スポーツの日' },
      { date: '2020-07-25', open: true, hours: [{ from: '08:30', to: '12:00' }] },
      { date: '2020-07-26', open: false, hours: [], closedReason: 'weekend' },
    ]);
  });

  it('closes the desk over the year end, on Saturdays other than the 2nd and 4th, and outside the programme', async () => {
    const answer = await citizen.get<DeskDayAnswer[]>('/api/calendar?from=2020-12-28&to=2021-01-04');
    expect(answer.body.map((d) => [d.date, d.closedReason ?? 'open'])).toEqual([
      ['2020-12-28', 'open'],
      ['2020-12-29', 'year_end'],
      ['2020-12-30', 'year_end'],
      ['2020-12-31', 'year_end'],
      ['2021-01-01', 'year_end'],
      ['2021-01-02', 'year_end'],
      ['2021-01-03', 'year_end'],
      ['2021-01-04', 'open'],
    ]);
    const saturdays = await citizen.get<DeskDayAnswer[]>('/api/calendar?from=2020-11-07&to=2020-11-07');
    expect(saturdays.body[0]?.closedReason).toBe('saturday_off');
    const before = await citizen.get<DeskDayAnswer[]>('/api/calendar?from=2020-03-31&to=2020-03-31');
    expect(before.body[0]?.closedReason).toBe('outside_programme');
  });

  it('refuses a calendar range over 400 days or a bad date, naming the field', async () => {
    const long = await citizen.get<ProblemDetails>('/api/calendar?from=2020-07-01&to=2021-12-31');
    expect(long.status).toBe(400);
    expect(long.body.errors?.[0]?.field).toBe('to');
    const bad = await citizen.get<ProblemDetails>('/api/calendar?from=2020-13-01&to=2020-12-31');
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0]?.field).toBe('from');
  });

  it('says a ready citizen can proceed now during desk hours', async () => {
    const answer = await citizen.post<PreflightAnswer>('/api/preflight', { ...ready, at: '2020-11-24T01:00:00Z' });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      canProceedNow: true,
      blockers: [],
      warnings: expect.any(Array),
      earliestAt: '2020-11-24T01:00:00.000Z',
    });
  });

  it('sends a locked PIN to the Citizens Division with no earliest time', async () => {
    const answer = await citizen.post<PreflightAnswer>('/api/preflight', {
      ...ready,
      pin: 'locked',
      at: '2020-11-24T01:00:00Z',
    });
    expect(answer.body.canProceedNow).toBe(false);
    expect(answer.body.earliestAt).toBeNull();
    expect(answer.body.blockers).toEqual([
      expect.objectContaining({ code: 'pin_locked', referTo: 'citizens_division', until: null }),
    ]);
  });

  it('waits 24 hours after a certificate renewal, then for the next opening', async () => {
    // Renewed Friday 2020-11-20 16:00 JST: 24 h later is a closed Saturday (the 3rd), Monday is Labour Thanksgiving.
    const answer = await citizen.post<PreflightAnswer>('/api/preflight', {
      ...ready,
      at: '2020-11-20T07:30:00Z',
      certificate: { status: 'valid', issuedOrRenewedAt: '2020-11-20T07:00:00Z' },
    });
    expect(answer.body.blockers.map((b) => b.code)).toEqual(['cert_wait_24h']);
    expect(answer.body.earliestAt).toBe('2020-11-23T23:30:00.000Z');
  });

  it('counts the recorded MyKey Platform maintenance against a reservation', async () => {
    const answer = await citizen.post<PreflightAnswer>('/api/preflight', { ...ready, at: '2020-11-18T00:30:00Z' });
    const maintenance = answer.body.blockers.find((b) => b.code === 'platform_maintenance');
    expect(maintenance).toBeDefined();
    expect(answer.body.earliestAt).not.toBeNull();
    expect(Date.parse(answer.body.earliestAt ?? '')).toBeGreaterThan(Date.parse('2020-11-18T00:30:00Z'));
  });

  it('stops an application for a payment service the desk cannot apply for', async () => {
    const offSpot = services.find((s) => !s.appliesAtSpot);
    expect(offSpot).toBeDefined();
    const answer = await citizen.post<PreflightAnswer>('/api/preflight', {
      ...ready,
      procedure: 'application',
      alreadyReserved: true,
      paymentServiceId: offSpot?.id,
      serviceItemsReady: true,
      serviceRegistrationDone: true,
      at: '2020-11-24T01:00:00Z',
    });
    expect(answer.body.blockers.map((b) => b.code)).toContain('service_not_at_spot');
    expect(answer.body.earliestAt).toBeNull();
    // Without its items or registration the answer is the same: nothing to bring or do first would help.
    const unready = await citizen.post<PreflightAnswer>('/api/preflight', {
      ...ready,
      procedure: 'application',
      alreadyReserved: true,
      paymentServiceId: offSpot?.id,
      serviceItemsReady: false,
      serviceRegistrationDone: false,
      at: '2020-11-24T01:00:00Z',
    });
    expect(unready.body.blockers.map((b) => b.code)).toEqual(['service_not_at_spot']);
  });

  it('refuses a proxy for a holder aged 15 or over but not for a child', async () => {
    const adult = await citizen.post<PreflightAnswer>('/api/preflight', {
      ...ready,
      holderAge: 15,
      holderPresent: false,
      at: '2020-11-24T01:00:00Z',
    });
    expect(adult.body.blockers.map((b) => b.code)).toEqual(['proxy_not_allowed']);
    const child = await citizen.post<PreflightAnswer>('/api/preflight', {
      ...ready,
      holderAge: 14,
      holderPresent: false,
      at: '2020-11-24T01:00:00Z',
    });
    expect(child.body.canProceedNow).toBe(true);
  });

  it('checks an application before the service is chosen, warning that the service decides', async () => {
    const answer = await citizen.post<PreflightAnswer>('/api/preflight', {
      ...ready,
      procedure: 'application',
      alreadyReserved: true,
      at: '2020-11-24T01:00:00Z',
    });
    expect(answer.status).toBe(200);
    expect(answer.body.warnings.map((w) => w.code)).toContain('service_items_missing');
  });

  it('refuses bad input with a 400 naming each field', async () => {
    const answer = await citizen.post<ProblemDetails>('/api/preflight', {
      procedure: 'application',
      holderAge: -1,
      holderPresent: 'yes',
      hasCard: true,
      certificate: { status: 'lost' },
      pin: 'known',
    });
    expect(answer.status).toBe(400);
    expect([...new Set(answer.body.errors?.map((e) => e.field))].sort()).toEqual(
      ['certificate.status', 'holderAge', 'holderPresent'].sort(),
    );
  });
});
