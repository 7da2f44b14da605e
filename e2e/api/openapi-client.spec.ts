import createClient from 'openapi-fetch';
import { ApiClient } from '../support/api-client';
import { ApiServer, startApi } from '../support/api-server';
import type { paths } from '../support/openapi';
import { answerBreaksDocument } from '../support/openapi-answers';
import { logVisit } from '../support/visits';

/**
 * An integrator's view: a client generated from docs/openapi.json (openapi-typescript types, openapi-fetch calls)
 * compiles against the document, and what the server answers it is what the document promised, with nothing but a
 * read-only token made by an admin.
 */
describe('a client generated from the API document', () => {
  let server: ApiServer;
  let secret: string;

  beforeAll(async () => {
    server = await startApi();
    const staff = await ApiClient.signIn(server.baseUrl, 'staff');
    // Tue 24 Nov 2020: one completed visit after a 4-minute wait, one not completed after 40 minutes (target 30).
    await logVisit(staff, {
      procedure: 'reservation',
      status: 'completed',
      arrived: '2020-11-24 10:00',
      started: '2020-11-24 10:04',
      ended: '2020-11-24 10:20',
    });
    await logVisit(staff, {
      procedure: 'application',
      status: 'not_completed',
      reason: 'pin_locked',
      arrived: '2020-11-24 13:00',
      started: '2020-11-24 13:40',
      ended: '2020-11-24 13:55',
    });
    const admin = await ApiClient.signIn(server.baseUrl, 'admin');
    const made = await admin.post<{ secret: string }>('/api/api-tokens', { name: 'Grafana', scopes: ['stats'] });
    secret = made.body.secret;
  });
  afterAll(() => server.stop());

  /** The generated client, checking every answer against the document as the integrator's tool would rely on. */
  function generatedClient(token: string | null) {
    const client = createClient<paths>({
      baseUrl: server.baseUrl,
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    });
    client.use({
      async onResponse({ request, response }) {
        const type = response.headers.get('content-type') ?? '';
        const text = await response.clone().text();
        const body: unknown = type.includes('json') && text ? JSON.parse(text) : text;
        const broken = answerBreaksDocument(request.method, response.url, response.status, type, body);
        if (broken) throw new Error(broken);
        return response;
      },
    });
    return client;
  }

  it('pulls the daily statistics with a read-only token, as the document types them', async () => {
    const client = generatedClient(secret);
    const { data, error, response } = await client.GET('/api/stats/daily', {
      params: { query: { from: '2020-11-23', to: '2020-11-25' } },
    });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    // Typed by the document: a field it does not name would not compile here.
    const rows = (data ?? []).map((row) => [
      row.date,
      row.total,
      row.completed,
      row.not_completed,
      row.served,
      row.withinTarget,
    ]);
    expect(rows).toEqual([
      ['2020-11-23', 0, 0, 0, 0, 0],
      ['2020-11-24', 2, 1, 1, 2, 1],
      ['2020-11-25', 0, 0, 0, 0, 0],
    ]);
  });

  it('answers the documented problem when the token may not read cases', async () => {
    const client = generatedClient(secret);
    const { error, response } = await client.GET('/api/cases', { params: { query: {} } });
    expect(response.status).toBe(403);
    expect(error).toMatchObject({ status: 403 });
  });

  it('reads the public routes without any credential', async () => {
    const client = generatedClient(null);
    // Fri 18 Sep 2020 a weekday the desk opened; Mon 21 Sep 2020 Respect for the Aged Day.
    const calendar = await client.GET('/api/calendar', { params: { query: { from: '2020-09-18', to: '2020-09-21' } } });
    const days = new Map(calendar.data?.map((day) => [day.date, day]));
    expect(days.size).toBe(4);
    expect(days.get('2020-09-18')).toMatchObject({ open: true, hours: [{ from: '08:30', to: '17:00' }] });
    expect(days.get('2020-09-21')).toMatchObject({ open: false, closedReason: 'holiday', holidayName: '敬老の日' });
    const services = await client.GET('/api/payment-services');
    expect(services.response.status).toBe(200);
    expect(services.data?.every((service) => typeof service.name === 'string')).toBe(true);
    const congestion = await client.GET('/api/public/congestion', {
      params: { query: { at: '2020-11-24T10:30:00+09:00' } },
    });
    expect(congestion.data?.typicalByHour).toHaveLength(24);
  });

  it('refuses a query outside the documented bounds with a problem the document lists', async () => {
    const client = generatedClient(secret);
    const { error, response } = await client.GET('/api/stats/daily', {
      params: { query: { from: '2020-11-25', to: '2020-11-23' } },
    });
    expect(response.status).toBe(400);
    expect(error).toMatchObject({ status: 400 });
  });
});
