import type { Account, Page as ApiPage } from '@madoguchi/contracts';
import { ApiClient } from '../support/api-client';
import { BrowserSession, openBrowser } from '../support/browser';
import { RunningServer, startServer } from '../support/server';
import { seriousViolations } from './accessibility';
import { signInAt } from './session';

describe('an admin keeping the catalogues, and a manager reading the audit log', () => {
  let server: RunningServer;
  let session: BrowserSession;

  beforeAll(async () => {
    server = await startServer({ DEMO_CASES: '0' });
    session = await openBrowser();
  });
  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });

  it('adds a payment service that the counter can then choose', async () => {
    const { page } = session;
    await signInAt(page, server.baseUrl, '/admin/payment-services', 'admin');
    await page.getByRole('heading', { name: '決済サービスの管理' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'ことりペイ' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: '追加' }).click();
    const dialog = page.getByRole('dialog', { name: '決済サービスを追加' });
    await dialog.getByLabel('名称').fill('ちがさきPay');
    await dialog.getByLabel('申込みに必要なもの').fill('アプリのログインID\nアプリのパスワード');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: '保存する' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByRole('row').filter({ hasText: 'ちがさきPay' });
    await row.waitFor();
    expect(await row.textContent()).toContain('アプリのログインID、アプリのパスワード');
    await session.screenshot('admin-payment-services');

    const services = await fetch(`${server.baseUrl}/api/payment-services`).then((r) => r.json());
    expect(services).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'ちがさきPay' })]));
  });

  it('adds a site', async () => {
    const { page } = session;
    await page.getByRole('navigation').getByRole('link', { name: '窓口(拠点)' }).click();
    await page.getByRole('heading', { name: '窓口(拠点)の管理' }).waitFor();
    await page.getByRole('button', { name: '追加' }).click();
    const dialog = page.getByRole('dialog', { name: '窓口(拠点)を追加' });
    await dialog.getByLabel('コード').fill('hamami-branch');
    await dialog.getByLabel('名称').fill('浜見平出張所');
    await dialog.getByRole('button', { name: '保存する' }).click();
    await page.getByRole('row').filter({ hasText: '浜見平出張所' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('creates an account, disables it and resets its password', async () => {
    const { page } = session;
    await page.getByRole('navigation').getByRole('link', { name: 'アカウント' }).click();
    await page.getByRole('heading', { name: 'アカウントの管理' }).waitFor();
    await page.getByRole('button', { name: '追加' }).click();
    const dialog = page.getByRole('dialog', { name: 'アカウントを追加' });
    await dialog.getByLabel('ユーザー名').fill('staff08');
    await dialog.getByLabel('表示名').fill('柳島 一郎');
    await dialog.getByLabel('初期パスワード').fill('first-password-08');
    await dialog.getByRole('button', { name: '保存する' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('row').filter({ hasText: 'staff08' }).waitFor();
    await ApiClient.signIn(server.baseUrl, 'staff08', 'first-password-08');

    await page.getByRole('button', { name: '無効にする: 柳島 一郎(staff08)' }).click();
    await page.getByRole('row').filter({ hasText: 'staff08' }).getByText('無効', { exact: true }).waitFor();
    await expect(ApiClient.signIn(server.baseUrl, 'staff08', 'first-password-08')).rejects.toThrow();
    await page.getByRole('button', { name: '有効にする: 柳島 一郎(staff08)' }).click();
    await page.getByRole('row').filter({ hasText: 'staff08' }).getByText('有効', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'パスワード再設定: 柳島 一郎(staff08)' }).click();
    const reset = page.getByRole('dialog', { name: '柳島 一郎 のパスワードを再設定' });
    await reset.getByLabel('新しいパスワード').fill('second-password-08');
    await reset.getByRole('button', { name: '再設定する' }).click();
    await page.getByRole('status').filter({ hasText: 'パスワードを再設定しました' }).waitFor();
    await ApiClient.signIn(server.baseUrl, 'staff08', 'second-password-08');
    expect(await seriousViolations(page)).toEqual([]);
    await session.screenshot('admin-accounts');

    const admin = await ApiClient.signIn(server.baseUrl, 'admin');
    const accounts = await admin.get<ApiPage<Account>>('/api/accounts');
    expect(accounts.body.items.find((a) => a.username === 'staff08')).toMatchObject({ disabled: false, role: 'staff' });
  });

  it('shows a manager who changed which account, with the values before and after', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'サインアウト' }).click();
    await page.waitForURL('**/login');
    await signInAt(page, server.baseUrl, '/audit', 'manager');
    await page.getByRole('heading', { name: '監査ログ' }).waitFor();
    await page.getByLabel('対象', { exact: true }).selectOption({ label: 'アカウント' });
    await page.getByRole('button', { name: '検索' }).click();
    const disabled = page.getByRole('row').filter({ hasText: 'disabled' }).first();
    await disabled.waitFor();
    expect(await disabled.textContent()).toContain('admin');
    expect(await disabled.textContent()).toContain('アカウント #');
    expect(await seriousViolations(page)).toEqual([]);
    await session.screenshot('audit-log');

    const nav = page.getByRole('navigation', { name: 'メインメニュー' });
    expect(await nav.getByRole('link', { name: '障害・停止' }).count()).toBe(1);
    expect(await nav.getByRole('link', { name: 'アカウント' }).count()).toBe(0);
  });
});
