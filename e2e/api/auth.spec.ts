import type { LoginResponse, ProblemDetails, UserSummary } from '@madoguchi/contracts';
import { ApiClient } from '../support/api-client';
import { ApiServer, startApi } from '../support/api-server';

describe('signing in', () => {
  let server: ApiServer;
  beforeAll(async () => (server = await startApi()));
  afterAll(() => server.stop());

  it.each(['staff', 'manager', 'admin'] as const)(
    'lets the demo account %s sign in and tells its role',
    async (name) => {
      const anonymous = new ApiClient(server.baseUrl);
      const answer = await anonymous.post<LoginResponse>('/api/auth/login', {
        username: name,
        password: 'madoguchi-demo',
      });
      expect(answer.status).toBe(200);
      expect(answer.body.token.length).toBeGreaterThanOrEqual(32);
      expect(answer.body.user).toMatchObject({ username: name, role: name });
      const client = await ApiClient.signIn(server.baseUrl, name);
      const me = await client.get<UserSummary>('/api/auth/me');
      expect(me.body.role).toBe(name);
    },
  );

  it('refuses a wrong password with a problem saying so', async () => {
    const answer = await new ApiClient(server.baseUrl, null, 'ja').post<ProblemDetails>('/api/auth/login', {
      username: 'staff',
      password: 'wrong',
    });
    expect(answer.status).toBe(401);
    expect(answer.contentType).toContain('application/problem+json');
    expect(answer.body.detail).toBe('ユーザー名またはパスワードが違います。');
  });

  it('answers 401 on protected routes without a valid token, but not on login, health or the public catalogue', async () => {
    const anonymous = new ApiClient(server.baseUrl);
    for (const path of ['/api/auth/me', '/api/cases', '/api/cases/1', '/api/sites']) {
      const answer = await anonymous.get<ProblemDetails>(path);
      expect({ path, status: answer.status }).toEqual({ path, status: 401 });
      expect(answer.contentType).toContain('application/problem+json');
    }
    const forged = new ApiClient(server.baseUrl, 'not-a-real-token');
    expect((await forged.get('/api/auth/me')).status).toBe(401);
    expect((await anonymous.get('/api/health')).status).toBe(200);
    expect((await anonymous.get('/api/payment-services')).status).toBe(200);
  });

  it('stops accepting a token once signed out', async () => {
    const client = await ApiClient.signIn(server.baseUrl, 'staff');
    expect((await client.get('/api/auth/me')).status).toBe(200);
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });

  it('never stores the password itself', async () => {
    const dump = JSON.stringify(await server.sql('SELECT "passwordHash" FROM user_account'));
    expect(dump).not.toContain('madoguchi-demo');
    expect(dump).toMatch(/scrypt\$/);
  });
});
