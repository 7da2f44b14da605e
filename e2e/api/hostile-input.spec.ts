/* Bad input, as a careless client or an attacker sends it: each gets the right 4xx as problem+json, never a 5xx. */
import { ApiClient } from '../support/api-client';
import { pastNotCompleted, problemType } from '../support/builders';
import { ApiServer, startApi } from '../support/api-server';

interface Raw {
  status: number;
  contentType: string;
  body: { type?: string; status?: number; errors?: { field: string }[] } | string;
}

describe('hostile input', () => {
  let server: ApiServer;
  let staff: ApiClient;
  beforeAll(async () => {
    server = await startApi();
    staff = await ApiClient.signIn(server.baseUrl, 'staff');
  });
  afterAll(() => server.stop());

  const send = async (path: string, body: BodyInit, headers: Record<string, string> = {}): Promise<Raw> => {
    const response = await fetch(`${server.baseUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${staff.bearer}`, 'content-type': 'application/json', ...headers },
      body,
    });
    const text = await response.text();
    const contentType = response.headers.get('content-type') ?? '';
    return { status: response.status, contentType, body: contentType.includes('json') ? JSON.parse(text) : text };
  };
  const expectProblem = (answer: Raw, status: number, type?: string) => {
    expect(answer.status).toBe(status);
    expect(answer.contentType).toContain('application/problem+json');
    if (type) expect(answer.body).toMatchObject({ type: problemType(type as never), status });
  };

  it('answers a body over the limit 413', async () => {
    const note = 'あ'.repeat(40_000);
    expectProblem(await send('/api/cases', JSON.stringify({ procedure: 'both', note })), 413, 'payload-too-large');
  });

  it.each([
    ['broken JSON', '{"procedure": "both",'],
    ['a JSON number', '42'],
    ['a JSON string', '"both"'],
    ['JSON null', 'null'],
    ['an empty object closed twice', '{}}'],
  ])('answers %s 400', async (_what, body) => {
    expectProblem(await send('/api/cases', body), 400);
  });

  it.each([
    ['text/plain', { 'content-type': 'text/plain' }],
    ['a form', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['XML', { 'content-type': 'application/xml' }],
    ['JSON in Shift_JIS', { 'content-type': 'application/json; charset=shift_jis' }],
    ['JSON in Latin-1', { 'content-type': 'application/json; charset=iso-8859-1' }],
    ['an unknown content encoding', { 'content-encoding': 'compress' }],
  ])('answers %s 415', async (_what, headers) => {
    expectProblem(
      await send('/api/cases', JSON.stringify({ procedure: 'both' }), headers),
      415,
      'unsupported-media-type',
    );
  });

  it.each(['/api/auth/login', '/api/preflight', '/api/cases'])(
    'answers JSON nested 1,500 deep on %s 400',
    async (path) => {
      const deep = '['.repeat(1500) + ']'.repeat(1500);
      expectProblem(await send(path, `{"a":${deep}}`), 400, 'malformed-body');
    },
  );

  it.each([
    '0000-01-01T00:00:00Z',
    '0099-12-31T23:59:59+09:00',
    '1999-12-31T23:59:59+09:00',
    '2101-01-01T00:00:00Z',
    '9999-12-31T00:00:00Z',
  ])('answers an instant in year %s 400 naming the field', async (arrivedAt) => {
    const answer = await send('/api/cases', JSON.stringify(pastNotCompleted({ arrivedAt })));
    expectProblem(answer, 400, 'validation');
    expect((answer.body as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain('arrivedAt');
  });

  it('refuses a time without its offset, saying so, rather than guessing the zone', async () => {
    const answer = await send('/api/cases', JSON.stringify(pastNotCompleted({ arrivedAt: '2020-08-07T16:30:00' })));
    expectProblem(answer, 400, 'validation');
    expect(JSON.stringify(answer.body)).toMatch(/offset/);
    expect((await send('/api/cases', JSON.stringify(pastNotCompleted()))).status).toBe(201);
  });

  it.each([
    '/api/cases?from=0001-01-01&to=2020-01-01',
    '/api/cases?from=2020-01-01&to=9999-12-31',
    '/api/cases/export.csv?from=0099-01-01&to=2020-12-31',
    '/api/cases/export.xlsx?from=2020-01-01&to=9999-12-31',
    '/api/cases?page=1e20',
    '/api/cases?page=100000000000000000000',
    '/api/cases?page=100001',
    '/api/cases?pageSize=501',
    '/api/cases?page=-1',
  ])('answers %s 400 as a problem', async (path) => {
    const manager = await ApiClient.signIn(server.baseUrl, 'manager');
    const answer = await manager.get(path);
    expect(answer.status).toBe(400);
    expect(answer.contentType).toContain('application/problem+json');
  });

  it('answers an id past the largest record id (2,147,483,647) as not found or invalid, on either engine', async () => {
    const last = 2_147_483_647;
    for (const id of [last + 1, 2 ** 40, Number.MAX_SAFE_INTEGER]) {
      const read = await staff.get(`/api/cases/${id}`);
      expect(read.status).toBe(404);
      expect(read.contentType).toContain('application/problem+json');
      expectProblem(await send('/api/cases', JSON.stringify({ procedure: 'both', siteId: id })), 400, 'validation');
      expect((await staff.get(`/api/cases?siteId=${id}`)).status).toBe(400);
    }
    // The largest id itself is a number like any other: no such case yet.
    expect((await staff.get(`/api/cases/${last}`)).status).toBe(404);
  });

  it('answers an unknown API address 404 as a problem, whatever the method and body', async () => {
    for (const method of ['GET', 'POST', 'PATCH', 'DELETE']) {
      const response = await fetch(`${server.baseUrl}/api/no-such-route`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: method === 'GET' ? undefined : '{}',
      });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('sends the security headers with the UI and the API, and no copy of case data may be kept', async () => {
    const ui = await fetch(`${server.baseUrl}/counter`);
    const csp = ui.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(ui.headers.get('x-content-type-options')).toBe('nosniff');
    expect(ui.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await ui.text();
    // No inline script and no inline event handler for the policy to have to allow.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\son[a-z]+=/i);

    const cases = await fetch(`${server.baseUrl}/api/cases`, { headers: { authorization: `Bearer ${staff.bearer}` } });
    expect(cases.status).toBe(200);
    expect(cases.headers.get('cache-control')).toBe('no-store');
    expect(cases.headers.get('content-security-policy')).toBeTruthy();
  });

  it('answers no other origin: no CORS headers, and a preflight is not granted', async () => {
    const cross = await fetch(`${server.baseUrl}/api/payment-services`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(cross.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${server.baseUrl}/api/cases`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });
});
