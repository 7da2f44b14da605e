import { DEMO_PASSWORD } from '../support/api-client';
import { BrowserSession, openBrowser } from '../support/browser';
import { RunningServer, startServer } from '../support/server';

describe('each role lands on its own home', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer({ DEMO_CASES: '0' });
  });
  afterAll(() => server?.stop());

  it.each([
    ['staff', '/counter', '受付・対応'],
    ['manager', '/dashboard', 'ダッシュボード'],
    ['admin', '/admin/accounts', 'アカウント'],
  ])('%s signs in at the bare address and lands on %s', async (username, home, heading) => {
    const session: BrowserSession = await openBrowser();
    try {
      const { page } = session;
      await page.goto(`${server.baseUrl}/`);
      await page.getByLabel('ユーザー名').fill(username);
      await page.getByLabel('パスワード').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'サインイン' }).click();
      await page.waitForURL((url) => url.pathname === home);
      await page.getByRole('heading', { level: 1 }).filter({ hasText: heading }).first().waitFor();
      // The application name leads back to the same home.
      expect(await page.getByRole('link', { name: '窓口 Madoguchi' }).getAttribute('href')).toBe(home);
    } finally {
      await session.close();
    }
  });
});
