import type { Role, SupportCase } from '@madoguchi/contracts';
import { ApiClient } from '../support/api-client';
import { arrival, created } from '../support/builders';
import { ApiServer, startApi } from '../support/api-server';

type Who = 'public' | 'signed-in' | Role[];

interface Route {
  method: 'GET' | 'POST' | 'PATCH';
  /** As the OpenAPI document writes it. */
  path: string;
  who: Who;
  /** The body to send; a harmless one where the route changes something. */
  body?: unknown;
}

const MANAGERS: Role[] = ['manager', 'admin'];
const ADMINS: Role[] = ['admin'];

/** Every route of the API and who may call it: the whole matrix of issue 4 (and the statistics of issue 5). */
const ROUTES: Route[] = [
  // Malformed on purpose: wrong credentials would answer 401 whoever asks.
  { method: 'POST', path: '/api/auth/login', who: 'public', body: {} },
  { method: 'GET', path: '/api/auth/me', who: 'signed-in' },
  { method: 'GET', path: '/api/health', who: 'public' },
  { method: 'GET', path: '/api/calendar', who: 'public' },
  { method: 'POST', path: '/api/preflight', who: 'public', body: {} },
  { method: 'GET', path: '/api/public/congestion', who: 'public' },
  { method: 'GET', path: '/api/public/display', who: 'public' },
  { method: 'GET', path: '/api/public/outages', who: 'public' },
  { method: 'GET', path: '/api/payment-services', who: 'public' },
  { method: 'GET', path: '/api/sites', who: 'signed-in' },

  { method: 'POST', path: '/api/cases', who: 'signed-in', body: arrival() },
  { method: 'GET', path: '/api/cases', who: 'signed-in' },
  { method: 'GET', path: '/api/cases/follow-up/{code}', who: 'signed-in' },
  { method: 'GET', path: '/api/cases/{id}', who: 'signed-in' },
  { method: 'PATCH', path: '/api/cases/{id}', who: 'signed-in', body: { version: 1, ageBand: '20to39' } },
  { method: 'POST', path: '/api/cases/{id}/start', who: 'signed-in', body: {} },
  { method: 'POST', path: '/api/cases/{id}/finish', who: 'signed-in', body: { outcome: 'completed' } },
  { method: 'POST', path: '/api/cases/{id}/leave', who: 'signed-in', body: {} },
  { method: 'GET', path: '/api/cases/{id}/slip', who: 'signed-in' },
  { method: 'GET', path: '/api/cases/{id}/history', who: 'signed-in' },
  { method: 'GET', path: '/api/desk', who: 'signed-in' },
  { method: 'GET', path: '/api/cases/export.csv', who: MANAGERS },
  { method: 'GET', path: '/api/cases/export.xlsx', who: MANAGERS },

  { method: 'GET', path: '/api/outages/active', who: 'signed-in' },
  { method: 'GET', path: '/api/outages', who: MANAGERS },
  { method: 'POST', path: '/api/outages', who: MANAGERS, body: {} },
  { method: 'PATCH', path: '/api/outages/{id}', who: MANAGERS, body: {} },
  { method: 'GET', path: '/api/outages/{id}/cases', who: MANAGERS },
  { method: 'GET', path: '/api/audit', who: MANAGERS },
  { method: 'GET', path: '/api/payment-services/all', who: MANAGERS },
  { method: 'GET', path: '/api/stats/summary', who: MANAGERS },
  { method: 'GET', path: '/api/stats/daily', who: MANAGERS },
  { method: 'GET', path: '/api/stats/heatmap', who: MANAGERS },
  { method: 'GET', path: '/api/stats/funnel', who: MANAGERS },
  { method: 'GET', path: '/api/stats/staff', who: MANAGERS },
  { method: 'GET', path: '/api/stats/outages', who: MANAGERS },

  { method: 'POST', path: '/api/payment-services', who: ADMINS, body: {} },
  { method: 'PATCH', path: '/api/payment-services/{id}', who: ADMINS, body: {} },
  { method: 'POST', path: '/api/sites', who: ADMINS, body: {} },
  { method: 'PATCH', path: '/api/sites/{id}', who: ADMINS, body: {} },
  { method: 'GET', path: '/api/accounts', who: ADMINS },
  { method: 'POST', path: '/api/accounts', who: ADMINS, body: {} },
  { method: 'PATCH', path: '/api/accounts/{id}', who: ADMINS, body: {} },
  { method: 'POST', path: '/api/accounts/{id}/reset-password', who: ADMINS, body: {} },
  { method: 'GET', path: '/api/api-tokens', who: ADMINS },
  { method: 'POST', path: '/api/api-tokens', who: ADMINS, body: {} },
  { method: 'POST', path: '/api/api-tokens/{id}/revoke', who: ADMINS, body: {} },
];

const ROLES: Role[] = ['staff', 'manager', 'admin'];

describe('who may call what', () => {
  let server: ApiServer;
  let clients: Record<Role, ApiClient>;
  let anonymous: ApiClient;

  beforeAll(async () => {
    server = await startApi();
    anonymous = new ApiClient(server.baseUrl);
    clients = {
      staff: await ApiClient.signIn(server.baseUrl, 'staff'),
      manager: await ApiClient.signIn(server.baseUrl, 'manager'),
      admin: await ApiClient.signIn(server.baseUrl, 'admin'),
    };
  });
  afterAll(() => server.stop());

  /** Fills the path's parameters with records the role may reach row by row: a fresh waiting case of today. */
  async function concrete(path: string): Promise<string> {
    let result = path.replace('{code}', 'ZZZZZZ');
    if (result.includes('/api/cases/{id}')) {
      const fresh = await created(clients.staff, arrival());
      result = result.replace('{id}', String(fresh.id));
    }
    // Outage 1, payment service 1, site 1 and account 2 come with the demo catalogue.
    if (result.startsWith('/api/accounts/')) return result.replace('{id}', '2');
    return result.replace('{id}', '1');
  }

  it('lists every route the API documents', async () => {
    const docs = await anonymous.get<{ paths: Record<string, Record<string, unknown>> }>('/api/docs-json');
    const documented = Object.entries(docs.body.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    // The two event streams never end by themselves: who may open them is tested in live.spec.ts.
    const streams = ['GET /api/live/desk', 'GET /api/public/live'];
    const listed = [...ROUTES.map((r) => `${r.method} ${r.path}`), 'POST /api/auth/logout', ...streams];
    expect([...documented].sort()).toEqual([...listed].sort());
  });

  it.each(ROUTES.map((r) => [`${r.method} ${r.path}`, r] as const))('%s', async (_, route) => {
    const seen: Record<string, number> = {};
    const path = await concrete(route.path);
    seen['none'] = (await anonymous.request(route.method, path, route.body)).status;
    for (const role of ROLES) {
      seen[role] = (await clients[role].request(route.method, await concrete(route.path), route.body)).status;
    }
    const expected = (who: string) => {
      if (route.who === 'public') return 'allowed';
      if (who === 'none') return 401;
      return route.who === 'signed-in' || route.who.includes(who as Role) ? 'allowed' : 403;
    };
    const outcome = Object.fromEntries(
      Object.entries(seen).map(([who, status]) => [who, status === 401 || status === 403 ? status : 'allowed']),
    );
    expect(outcome).toEqual(Object.fromEntries(Object.keys(seen).map((who) => [who, expected(who)])));
  });

  it('POST /api/auth/logout', async () => {
    expect((await anonymous.post('/api/auth/logout')).status).toBe(401);
    for (const role of ROLES) {
      const session = await ApiClient.signIn(server.baseUrl, role);
      expect((await session.post('/api/auth/logout')).status).toBe(204);
    }
  });

  it('answers a wrong role with a problem that says so', async () => {
    const answer = await new ApiClient(server.baseUrl, clients.staff.bearer, 'ja').get<{ detail: string }>(
      '/api/audit',
    );
    expect(answer.status).toBe(403);
    expect(answer.contentType).toContain('application/problem+json');
    expect(answer.body.detail).toBe('この操作を行う権限がありません。管理者に依頼してください。');
    const mine = await created(clients.staff, arrival());
    expect((await clients.staff.get<SupportCase>(`/api/cases/${mine.id}`)).status).toBe(200);
  });
});
