/*
 * The live streams and the browser's session cookie, over HTTP: events come only after a change is committed, the
 * public stream carries nothing about anyone, and a sign-out ends the session everywhere.
 */
import type { Outage, ProblemDetails, SupportCase } from '@madoguchi/contracts';
import { ApiClient, DEMO_PASSWORD } from '../support/api-client';
import { arrival, created } from '../support/builders';
import { openStream } from '../support/live-stream';
import { at } from '../support/elements';
import { ApiServer, startApi } from '../support/api-server';

/** Signs in as a browser does and returns the session cookie the server set, with the Set-Cookie line itself. */
async function browserSignIn(baseUrl: string, username: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('madoguchi_session=')) ?? '';
  return { status: response.status, setCookie, cookie: at(setCookie.split(';'), 0) };
}

const withCookie = (cookie: string, extra: Record<string, string> = {}) => ({ cookie, ...extra });

describe('live streams and the browser session', () => {
  let server: ApiServer;
  let staff: ApiClient;
  let manager: ApiClient;
  beforeAll(async () => {
    server = await startApi();
    staff = await ApiClient.signIn(server.baseUrl, 'staff');
    manager = await ApiClient.signIn(server.baseUrl, 'manager');
  });
  afterAll(() => server.stop());

  it('refuses the staff stream without a session, as problem+json', async () => {
    const answer = await new ApiClient(server.baseUrl).get<ProblemDetails>('/api/live/desk');
    expect(answer.status).toBe(401);
    expect(answer.contentType).toContain('application/problem+json');
    const forged = await openStream(server.baseUrl, '/api/live/desk', withCookie('madoguchi_session=forged'));
    expect(forged.status).toBe(401);
    forged.close();
  });

  it('lets every signed-in role open the staff stream, and anyone the public one', async () => {
    for (const role of ['staff', 'manager', 'admin']) {
      const client = await ApiClient.signIn(server.baseUrl, role);
      const stream = await openStream(server.baseUrl, '/api/live/desk', { authorization: `Bearer ${client.bearer}` });
      expect({ role, status: stream.status }).toEqual({ role, status: 200 });
      stream.close();
    }
    const open = await openStream(server.baseUrl, '/api/public/live');
    expect(open.status).toBe(200);
    open.close();
  });

  it('opens the staff stream with the hardening headers and says it is ready at once', async () => {
    const stream = await openStream(server.baseUrl, '/api/live/desk', { authorization: `Bearer ${staff.bearer}` });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    expect(stream.headers.get('cache-control')).toContain('no-store');
    expect(stream.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(stream.headers.get('x-content-type-options')).toBe('nosniff');
    expect(stream.headers.get('x-accel-buffering')).toBe('no');
    const ready = await stream.next('ready');
    expect(Object.keys(JSON.parse(ready.data))).toEqual(['at']);
    expect(stream.raw()).toMatch(/retry: 2000/);
    stream.close();
  });

  it('announces a case only once it is committed: what the event says changed can already be read', async () => {
    const stream = await openStream(server.baseUrl, '/api/live/desk', { authorization: `Bearer ${staff.bearer}` });
    await stream.next('ready');
    const other = await ApiClient.signIn(server.baseUrl, 'staff');
    const [, received] = await Promise.all([
      stream.next('cases'),
      created(other, arrival({ procedure: 'reservation' })),
    ]);
    // Read at the moment of the event: the new case is there, waiting.
    const seen = await staff.get<SupportCase>(`/api/cases/${received.id}`);
    expect(seen.body.status).toBe('waiting');

    const [, started] = await Promise.all([
      stream.next('cases'),
      other.post<SupportCase>(`/api/cases/${received.id}/start`, { version: received.version }),
    ]);
    expect(started.status).toBe(200);
    expect((await staff.get<SupportCase>(`/api/cases/${received.id}`)).body.status).toBe('in_service');
    stream.close();
  });

  it('announces nothing for a refused change', async () => {
    const stream = await openStream(server.baseUrl, '/api/live/desk', { authorization: `Bearer ${staff.bearer}` });
    await stream.next('ready');
    const waiting = await created(staff, arrival());
    await stream.next('cases');
    // Finishing a case that was never started is refused; the outage recorded after it is the next news.
    const refused = await staff.post(`/api/cases/${waiting.id}/finish`, {
      version: waiting.version,
      outcome: 'completed',
    });
    expect(refused.status).toBe(409);
    const recorded = await manager.post<Outage>('/api/outages', {
      system: 'mykey_platform',
      kind: 'planned',
      startsAt: '2020-07-23T07:00:00+09:00',
      endsAt: '2020-07-24T00:30:00+09:00',
      affects: ['reservation', 'application'],
    });
    expect(recorded.status).toBe(201);
    expect((await stream.next()).type).toBe('outages');
    stream.close();
  });

  it('tells the public page only that the congestion changed: no case, no person, no number', async () => {
    const stream = await openStream(server.baseUrl, '/api/public/live');
    expect(stream.status).toBe(200);
    expect(stream.headers.get('cache-control')).toContain('no-store');
    await stream.next('ready');
    const visitor = await created(staff, arrival({ procedure: 'application', ageBand: '75plus' }));
    const event = await stream.next('congestion');
    expect(Object.keys(JSON.parse(event.data))).toEqual(['at']);
    const wire = stream.raw();
    for (const line of wire.split('\n').filter(Boolean)) {
      expect(line).toMatch(/^(event: (ready|congestion)|id: \d+|retry: \d+|data: \{"at":"[^"]+"\})$/);
    }
    expect(visitor.status).toBe('waiting');
    stream.close();
  });

  it('sets the session as an HttpOnly, SameSite=Strict cookie for /api, Secure when the browser used https', async () => {
    const plain = await browserSignIn(server.baseUrl, 'staff');
    expect(plain.status).toBe(200);
    expect(plain.setCookie).toMatch(/; Path=\/api/);
    expect(plain.setCookie).toMatch(/; HttpOnly/);
    expect(plain.setCookie).toMatch(/; SameSite=Strict/);
    // No Max-Age or Expires: the browser forgets it when it closes, as a shared counter terminal should.
    expect(plain.setCookie).not.toMatch(/Max-Age|Expires/i);
    expect(plain.setCookie).not.toMatch(/; Secure/);
    const proxied = await browserSignIn(server.baseUrl, 'staff', { 'x-forwarded-proto': 'https' });
    expect(proxied.setCookie).toMatch(/; Secure/);

    const me = await fetch(`${server.baseUrl}/api/auth/me`, { headers: withCookie(plain.cookie) });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ username: 'staff', role: 'staff' });
  });

  it('ends the session the browser held before when it signs in again, as whoever', async () => {
    const before = await browserSignIn(server.baseUrl, 'staff');
    const again = await browserSignIn(server.baseUrl, 'manager', withCookie(before.cookie));
    expect(again.status).toBe(200);
    expect((await fetch(`${server.baseUrl}/api/auth/me`, { headers: withCookie(before.cookie) })).status).toBe(401);
    const me = await fetch(`${server.baseUrl}/api/auth/me`, { headers: withCookie(again.cookie) });
    expect(await me.json()).toMatchObject({ username: 'manager' });
  });

  it('refuses a change carried by the cookie from another site, but not the same change from the page itself', async () => {
    const { cookie } = await browserSignIn(server.baseUrl, 'staff');
    const post = (site: string) =>
      fetch(`${server.baseUrl}/api/cases`, {
        method: 'POST',
        headers: { ...withCookie(cookie), 'content-type': 'application/json', 'sec-fetch-site': site },
        body: JSON.stringify(arrival()),
      });
    expect((await post('cross-site')).status).toBe(403);
    expect((await post('same-site')).status).toBe(403);
    expect((await post('same-origin')).status).toBe(201);
  });

  it('signing out ends the session for every holder of the cookie and ends its open stream', async () => {
    const { cookie } = await browserSignIn(server.baseUrl, 'staff');
    const stream = await openStream(server.baseUrl, '/api/live/desk', withCookie(cookie));
    expect(stream.status).toBe(200);
    await stream.next('ready');
    const out = await fetch(`${server.baseUrl}/api/auth/logout`, {
      method: 'POST',
      headers: withCookie(cookie, { 'sec-fetch-site': 'same-origin' }),
    });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().join()).toMatch(/madoguchi_session=;.*Expires=Thu, 01 Jan 1970/);
    await stream.ended;
    // Another tab still sending the old cookie is signed out too.
    expect((await fetch(`${server.baseUrl}/api/auth/me`, { headers: withCookie(cookie) })).status).toBe(401);
    const again = await openStream(server.baseUrl, '/api/live/desk', withCookie(cookie));
    expect(again.status).toBe(401);
    again.close();
  });
});
