import type { Page as ApiPage, SupportCase } from '@madoguchi/contracts';
import { ApiClient } from '../support/api-client';
import { BrowserSession, openBrowser } from '../support/browser';
import { RunningServer, startServer } from '../support/server';

describe('a staff member at the counter', () => {
  let server: RunningServer;
  let session: BrowserSession;

  beforeAll(async () => {
    server = await startServer({ DEMO_CASES: '200' });
    session = await openBrowser();
  });
  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });

  it('signs in, logs a case and finds it in the list', async () => {
    const { page } = session;
    await page.goto(`${server.baseUrl}/cases/new`);
    await page.getByLabel('ユーザー名').fill('staff');
    await page.getByLabel('パスワード').fill('madoguchi-demo');
    await page.getByRole('button', { name: 'サインイン' }).click();

    await page.getByRole('heading', { name: 'ケース記録' }).waitFor();
    await session.screenshot('case-form');
    const reservation = page
      .getByRole('radiogroup', { name: '手続' })
      .getByRole('radio', { name: '予約(マイキーID設定)' });
    await reservation.click();
    await page.locator('[role=radio][aria-checked=true]', { hasText: '予約(マイキーID設定)' }).waitFor();
    await page.getByRole('combobox', { name: '年齢層' }).click();
    await page.getByRole('option', { name: '65〜74歳' }).click();
    await page.getByRole('button', { name: '記録する' }).click();

    const saved = page.getByRole('status').filter({ hasText: /ケース #\d+ を記録しました/ });
    await saved.waitFor();
    const id = Number(/#(\d+)/.exec((await saved.textContent()) ?? '')?.[1]);
    expect(id).toBeGreaterThan(0);

    const staff = await ApiClient.signIn(server.baseUrl, 'staff');
    const stored = await staff.get<SupportCase>(`/api/cases/${id}`);
    expect(stored.body).toMatchObject({ procedure: 'reservation', ageBand: '65to74', status: 'waiting' });

    await page.getByRole('link', { name: 'ケース一覧' }).first().click();
    await page.getByRole('heading', { name: 'ケース一覧' }).waitFor();
    const row = page
      .getByRole('row')
      .filter({ hasText: String(id) })
      .first();
    await row.waitFor();
    expect(await row.textContent()).toContain('予約(マイキーID設定)');
    expect(await row.textContent()).toContain('受付待ち');
    await session.screenshot('case-list');

    const today = await staff.get<ApiPage<SupportCase>>('/api/cases?pageSize=500');
    expect(today.body.items.some((c) => c.id === id)).toBe(true);
  });

  it('switches the screens to English', async () => {
    const { page } = session;
    await page.getByRole('heading', { name: 'ケース一覧' }).waitFor();
    await page.getByRole('radio', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Cases' }).waitFor();
    expect(await page.getByRole('columnheader').allTextContents()).toEqual(
      expect.arrayContaining(['Procedure', 'Status']),
    );
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('radio', { name: '日本語' }).click();
    await page.getByRole('heading', { name: 'ケース一覧' }).waitFor();
  });
});
