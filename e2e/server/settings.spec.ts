import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient } from '../support/api-client';
import { runServerOnce, startServer } from '../support/server';

const freshDatabase = () => join(mkdtempSync(join(tmpdir(), 'madoguchi-settings-')), 'db.sqlite');

describe('settings and the first start', () => {
  it('refuses to start on a bad PORT and names the variable and what it accepts', async () => {
    const result = await runServerOnce({ PORT: 'abc', DATABASE_PATH: freshDatabase() });
    expect(result.code).toBe(2);
    expect(result.output).toContain('PORT accepts a whole number from 1 to 65535');
    expect(result.output).toContain('PORT="abc"');
  });

  it('refuses a DATABASE_URL that is not PostgreSQL, naming the variable and an example', async () => {
    const result = await runServerOnce({ DATABASE_URL: 'mysql://desk:secret@db/madoguchi' });
    expect(result.code).toBe(2);
    expect(result.output).toContain('DATABASE_URL accepts a PostgreSQL URL (e.g. postgres://');
  });

  it('says where and why the database could not be opened, without the password or a stack trace', async () => {
    const result = await runServerOnce({ DATABASE_URL: 'postgres://desk:s3cret-pw@127.0.0.1:1/madoguchi' });
    expect(result.code).toBe(1);
    expect(result.output).toContain('The database at postgres://desk:***@127.0.0.1:1/madoguchi could not be opened');
    expect(result.output).toContain('ECONNREFUSED');
    expect(result.output).toContain('Check that PostgreSQL runs there');
    expect(result.output).not.toContain('s3cret-pw');
    expect(result.output).not.toMatch(/^\s+at /m);
  });

  it('refuses demo mode in production', async () => {
    const result = await runServerOnce({ NODE_ENV: 'production', MADOGUCHI_DEMO: '1', DATABASE_PATH: freshDatabase() });
    expect(result.code).toBe(2);
    expect(result.output).toContain('MADOGUCHI_DEMO=1 is refused when NODE_ENV=production');
  });

  it('does not start in production without an account, and says how to create the first admin', async () => {
    const result = await runServerOnce({ NODE_ENV: 'production', DATABASE_PATH: freshDatabase() });
    expect(result.code).toBe(1);
    expect(result.output).toContain('npm run create-admin -- <username>');
  });

  it('makes no demo accounts with MADOGUCHI_DEMO=0, and the documented command creates the first admin', async () => {
    const databasePath = freshDatabase();
    const created = await runServerOnce(
      { DATABASE_PATH: databasePath, MADOGUCHI_DEMO: '0', MADOGUCHI_ADMIN_PASSWORD: 'a-long-admin-password' },
      ['create-admin', 'chief', '情報推進課 管理者'],
    );
    expect(created.output).toContain('Admin "chief" created');
    expect(created.code).toBe(0);
    const server = await startServer({ DATABASE_PATH: databasePath, MADOGUCHI_DEMO: '0' });
    try {
      const anonymous = new ApiClient(server.baseUrl);
      expect((await anonymous.post('/api/auth/login', { username: 'staff', password: 'madoguchi-demo' })).status).toBe(
        401,
      );
      const chief = await ApiClient.signIn(server.baseUrl, 'chief', 'a-long-admin-password');
      expect((await chief.get<{ role: string }>('/api/auth/me')).body.role).toBe('admin');
    } finally {
      await server.stop();
    }
  });

  it('writes the demo season into an empty database when asked for cases', async () => {
    const server = await startServer({ DEMO_CASES: '300' });
    try {
      const manager = await ApiClient.signIn(server.baseUrl, 'manager');
      const list = await manager.get<{ total: number }>('/api/cases?from=2020-07-01&to=2021-12-31&pageSize=1');
      expect(list.body.total).toBe(300);
    } finally {
      await server.stop();
    }
  });
});
