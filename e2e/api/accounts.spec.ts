import type { Account, AuditEntry, Page, ProblemDetails, UserSummary } from '@madoguchi/contracts';
import { ApiClient } from '../support/api-client';
import { ApiServer, startApi } from '../support/api-server';

const PASSWORD = 'shonan-beach-2020';

describe('staff accounts', () => {
  let server: ApiServer;
  let admin: ApiClient;
  let manager: ApiClient;
  let adminId: number;

  beforeAll(async () => {
    server = await startApi();
    admin = await ApiClient.signIn(server.baseUrl, 'admin');
    manager = await ApiClient.signIn(server.baseUrl, 'manager');
    const accounts = await admin.get<Page<Account>>('/api/accounts');
    adminId = (accounts.body.items.find((a) => a.username === 'admin') as Account).id;
  });
  afterAll(() => server.stop());

  let sequence = 0;
  const newAccount = async (role: Account['role'] = 'staff') => {
    const username = `temp${++sequence}`;
    const answer = await admin.post<Account>('/api/accounts', {
      username,
      displayName: `臨時 職員${sequence}`,
      role,
      password: PASSWORD,
      siteId: 1,
    });
    if (answer.status !== 201) throw new Error(JSON.stringify(answer.body));
    return answer.body;
  };

  it('creates an account that can sign in, and never shows its password or hash', async () => {
    const account = await newAccount();
    expect(account).toMatchObject({ role: 'staff', disabled: false, siteId: 1, displayName: '臨時 職員1' });
    expect(Object.keys(account).sort()).toEqual(
      ['createdAt', 'disabled', 'displayName', 'id', 'role', 'siteId', 'updatedAt', 'username'].sort(),
    );
    const session = await ApiClient.signIn(server.baseUrl, account.username, PASSWORD);
    expect((await session.get<UserSummary>('/api/auth/me')).body.role).toBe('staff');
    const listed = await admin.get<Page<Account>>('/api/accounts');
    expect(listed.body.items.map((a) => a.username)).toEqual(expect.arrayContaining(['admin', account.username]));
    expect(JSON.stringify(listed.body)).not.toContain('scrypt');
  });

  it('cuts off a disabled account at once, and its old sessions stay dead when it is enabled again', async () => {
    const account = await newAccount();
    const session = await ApiClient.signIn(server.baseUrl, account.username, PASSWORD);
    expect((await session.get('/api/auth/me')).status).toBe(200);

    const disabled = await admin.request<Account>('PATCH', `/api/accounts/${account.id}`, { disabled: true });
    expect(disabled.body.disabled).toBe(true);
    expect((await session.get('/api/auth/me')).status).toBe(401);
    expect((await session.get('/api/cases')).status).toBe(401);
    const login = await new ApiClient(server.baseUrl).post('/api/auth/login', {
      username: account.username,
      password: PASSWORD,
    });
    expect(login.status).toBe(401);

    await admin.request('PATCH', `/api/accounts/${account.id}`, { disabled: false });
    expect((await session.get('/api/auth/me')).status).toBe(401);
    const fresh = await ApiClient.signIn(server.baseUrl, account.username, PASSWORD);
    expect((await fresh.get('/api/auth/me')).status).toBe(200);
  });

  it('resets a password: the old one and the sessions signed in with it stop working', async () => {
    const account = await newAccount();
    const session = await ApiClient.signIn(server.baseUrl, account.username, PASSWORD);
    const reset = await admin.post<Account>(`/api/accounts/${account.id}/reset-password`, {
      password: 'a-new-long-password',
    });
    expect(reset.status).toBe(200);
    expect((await session.get('/api/auth/me')).status).toBe(401);
    const anonymous = new ApiClient(server.baseUrl);
    expect((await anonymous.post('/api/auth/login', { username: account.username, password: PASSWORD })).status).toBe(
      401,
    );
    await ApiClient.signIn(server.baseUrl, account.username, 'a-new-long-password');
  });

  it('applies a change of role at the next request', async () => {
    const account = await newAccount('staff');
    const session = await ApiClient.signIn(server.baseUrl, account.username, PASSWORD);
    expect((await session.get('/api/audit')).status).toBe(403);
    await admin.request('PATCH', `/api/accounts/${account.id}`, { role: 'manager' });
    expect((await session.get('/api/audit')).status).toBe(200);
  });

  it('keeps an admin from disabling or demoting themself', async () => {
    const answer = await admin.request<ProblemDetails>('PATCH', `/api/accounts/${adminId}`, {
      disabled: true,
      role: 'staff',
    });
    expect(answer.status).toBe(422);
    expect(answer.body.errors?.map((e) => e.field).sort()).toEqual(['disabled', 'role']);
    expect((await admin.get<UserSummary>('/api/auth/me')).body.role).toBe('admin');
    // Renaming oneself is fine.
    const renamed = await admin.request<Account>('PATCH', `/api/accounts/${adminId}`, { displayName: '佐藤 健一' });
    expect(renamed.status).toBe(200);
  });

  it('refuses a taken username, a short password and a display name carrying a My Number', async () => {
    const taken = await admin.post<ProblemDetails>('/api/accounts', {
      username: 'staff',
      displayName: '重複',
      role: 'staff',
      password: PASSWORD,
    });
    expect(taken.status).toBe(409);
    expect(taken.body.errors?.[0]?.field).toBe('username');
    const short = await admin.post<ProblemDetails>('/api/accounts', {
      username: 'shorty',
      displayName: '短い',
      role: 'staff',
      password: 'short',
    });
    expect(short.status).toBe(400);
    expect(short.body.errors).toEqual([{ field: 'password', message: 'password must be at least 12 characters.' }]);
    const myNumber = await admin.post<ProblemDetails>('/api/accounts', {
      username: 'mynumber',
      displayName: '窓口 123456789018',
      role: 'staff',
      password: PASSWORD,
    });
    expect(myNumber.status).toBe(422);
    expect(myNumber.body.errors?.[0]?.field).toBe('displayName');
    const names = (await admin.get<Page<Account>>('/api/accounts')).body.items.map((a) => a.username);
    expect(names).not.toContain('shorty');
    expect(names).not.toContain('mynumber');
  });

  it('audits every account change without ever writing a password or its hash', async () => {
    const account = await newAccount();
    await admin.request('PATCH', `/api/accounts/${account.id}`, { displayName: '臨時 職員(改)' });
    await admin.post(`/api/accounts/${account.id}/reset-password`, { password: 'another-long-password' });
    const trail = await manager.get<Page<AuditEntry>>(`/api/audit?entityType=account&entityId=${account.id}`);
    expect(trail.body.items.map((e) => e.action)).toEqual(['reset_password', 'update', 'create']);
    const text = JSON.stringify(trail.body);
    expect(text).not.toMatch(/scrypt|passwordHash|another-long-password|shonan-beach/);
  });

  it('is for admins only', async () => {
    expect((await manager.get('/api/accounts')).status).toBe(403);
    expect((await manager.post('/api/accounts', {})).status).toBe(403);
  });

  it('keeps usernames unique regardless of case, and signs in however the name is capitalised', async () => {
    const created = await admin.post<Account>('/api/accounts', {
      username: 'Kana.Sato',
      displayName: '佐藤 かな',
      role: 'staff',
      password: PASSWORD,
    });
    expect(created.status).toBe(201);
    expect(created.body.username).toBe('kana.sato');
    const again = await admin.post<ProblemDetails>('/api/accounts', {
      username: 'KANA.SATO',
      displayName: '別の 佐藤',
      role: 'staff',
      password: PASSWORD,
    });
    expect(again.status).toBe(409);
    for (const typed of ['kana.sato', 'Kana.Sato', ' KANA.SATO ']) {
      const signIn = await new ApiClient(server.baseUrl).post<{ user: UserSummary }>('/api/auth/login', {
        username: typed,
        password: PASSWORD,
      });
      expect(signIn.status).toBe(200);
      expect(signIn.body.user.username).toBe('kana.sato');
    }
  });
});
