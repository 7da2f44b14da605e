/* Sign-in under attack: failures are throttled per account and per address, and nobody else is held up. */
import { request as httpRequest } from 'node:http';
import { problemType } from '../support/builders';
import { RunningServer, startServer } from '../support/server';

interface Answer {
  status: number;
  retryAfter?: string;
  body: { type?: string; token?: string };
}

describe('sign-in throttling', () => {
  let server: RunningServer;
  beforeAll(async () => (server = await startServer({ LOG_LEVEL: 'log' })));
  afterAll(() => server.stop());

  /** A sign-in sent from one of the loopback addresses, so that each test plays a different terminal. */
  const signIn = (from: string, username: string, password: string) =>
    new Promise<Answer>((resolve, reject) => {
      const url = new URL('/api/auth/login', server.baseUrl);
      const body = JSON.stringify({ username, password });
      const req = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          localAddress: from,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              retryAfter: res.headers['retry-after'] as string,
              body: JSON.parse(text),
            }),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  it('answers 429 with Retry-After after ten failures for one account, from any address, even with the right password', async () => {
    for (let i = 0; i < 10; i++) expect((await signIn('127.0.0.2', 'staff', `wrong-${i}`)).status).toBe(401);
    const held = await signIn('127.0.0.2', 'staff', 'madoguchi-demo');
    expect(held).toMatchObject({ status: 429, body: { type: problemType('too-many-sign-ins') } });
    expect(Number(held.retryAfter)).toBeGreaterThan(0);
    expect(Number(held.retryAfter)).toBeLessThanOrEqual(60);
    // The same account from another terminal, and spelled in capitals, is held too.
    expect((await signIn('127.0.0.3', 'STAFF', 'madoguchi-demo')).status).toBe(429);
    // Another account from that other terminal signs in as usual.
    expect((await signIn('127.0.0.3', 'manager', 'madoguchi-demo')).status).toBe(200);
  });

  it('answers 429 after ten failures from one address, whatever usernames it tries, and no one else', async () => {
    for (let i = 0; i < 10; i++) expect((await signIn('127.0.0.4', `guess-${i}`, 'password')).status).toBe(401);
    expect((await signIn('127.0.0.4', 'admin', 'madoguchi-demo')).status).toBe(429);
    expect((await signIn('127.0.0.5', 'admin', 'madoguchi-demo')).status).toBe(200);
  });

  it('does not count successful sign-ins: a busy counter signs in all day', async () => {
    for (let i = 0; i < 15; i++) expect((await signIn('127.0.0.6', 'manager', 'madoguchi-demo')).status).toBe(200);
  });

  it('logs who failed and from where, never the password', async () => {
    await signIn('127.0.0.7', 'nobody-here', 'a-secret-tried-password');
    await signIn('127.0.0.8', 'manager', 'madoguchi-demo');
    const log = server.output();
    expect(log).toMatch(/sign-in failed.*nobody-here.*127\.0\.0\.7/i);
    expect(log).toMatch(/signed in.*manager.*127\.0\.0\.8/i);
    expect(log).not.toContain('a-secret-tried-password');
  });
});
