import type { DailyStatsRow } from '@madoguchi/contracts';
import { ApiClient } from '../support/api-client';
import { BrowserSession, openBrowser } from '../support/browser';
import { RunningServer, startServer } from '../support/server';
import { logVisit } from '../support/visits';
import { seriousViolations } from './accessibility';
import { signInAt } from './session';

const DAILY = '/api/stats/daily?from=2020-11-23&to=2020-11-25';

describe('an admin making a read-only API token for a dashboard, and revoking it', () => {
  let server: RunningServer;
  let session: BrowserSession;
  let secret = '';

  beforeAll(async () => {
    server = await startServer({ DEMO_CASES: '0' });
    session = await openBrowser();
    const staff = await ApiClient.signIn(server.baseUrl, 'staff');
    await logVisit(staff, {
      procedure: 'reservation',
      status: 'completed',
      arrived: '2020-11-24 10:00',
      started: '2020-11-24 10:05',
      ended: '2020-11-24 10:20',
    });
  });
  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });

  const machineGet = (secret: string, path: string) =>
    fetch(`${server.baseUrl}${path}`, { headers: { Authorization: `Bearer ${secret}` } });

  it('creates a token on the screen, shows its secret once, and the secret reads the daily statistics', async () => {
    const { page } = session;
    await signInAt(page, server.baseUrl, '/admin/accounts', 'admin');
    await page.getByRole('navigation').getByRole('link', { name: 'APIトークン' }).click();
    await page.getByRole('heading', { name: 'APIトークン' }).waitFor();
    expect(await page.title()).toContain('APIトークン');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: '追加' }).click();
    const dialog = page.getByRole('dialog', { name: 'APIトークンを追加' });
    await dialog.getByLabel('名前(用途)').fill('Grafana 情報政策課');
    // 統計 starts ticked; エクスポート is ticked from the keyboard.
    expect(await dialog.getByRole('checkbox', { name: '統計' }).isChecked()).toBe(true);
    await dialog.getByRole('checkbox', { name: 'エクスポート' }).focus();
    await page.keyboard.press('Space');
    expect(await dialog.getByRole('checkbox', { name: 'エクスポート' }).isChecked()).toBe(true);
    await dialog.getByLabel('有効日数').fill('30');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');

    const shown = page.getByRole('dialog', { name: 'APIトークン「Grafana 情報政策課」を作成しました' });
    await shown.waitFor();
    await shown.getByText('このトークンは今回しか表示されません').waitFor();
    secret = await shown.getByLabel('トークン(この画面を閉じると二度と表示されません)').inputValue();
    expect(secret).toMatch(/^mdg_[A-Za-z0-9_-]{43}$/);
    expect(await seriousViolations(page)).toEqual([]);
    await shown.getByRole('button', { name: 'コピー' }).click();
    await shown.getByText('コピーしました').waitFor();
    await session.screenshot('api-token-secret');
    // Escape does not lose the secret: only the button closes the dialog. Checked once a close animation would be over.
    await page.keyboard.press('Escape');
    await page.waitForTimeout(500);
    expect(await shown.count()).toBe(1);
    expect(await shown.isVisible()).toBe(true);
    await shown.getByRole('button', { name: '保管したので閉じる' }).click();
    await shown.waitFor({ state: 'detached' });

    const row = page.getByRole('row').filter({ hasText: 'Grafana 情報政策課' });
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    for (const words of ['統計、エクスポート', secret.slice(0, 12), '(admin)', '有効', '未使用'])
      expect(text).toContain(words);
    const headers = await page.getByRole('columnheader').allTextContents();
    expect(headers.map((h) => h.trim())).toEqual(expect.arrayContaining(['利用範囲', '利用可否']));
    expect(await page.content()).not.toContain(secret.slice(12));

    const answer = await machineGet(secret, DAILY);
    expect(answer.status).toBe(200);
    const rows = (await answer.json()) as DailyStatsRow[];
    expect(rows.map((r) => [r.date, r.total, r.completed])).toEqual([
      ['2020-11-23', 0, 0],
      ['2020-11-24', 1, 1],
      ['2020-11-25', 0, 0],
    ]);
    expect((await machineGet(secret, '/api/cases')).status).toBe(403);
  });

  it('revokes the token after a confirmation, and the secret then answers 401', async () => {
    const { page } = session;
    await page.reload();
    const row = page.getByRole('row').filter({ hasText: 'Grafana 情報政策課' });
    await row.waitFor();
    // Its use above now shows as its last use: written before the statistics were answered, so no waiting.
    expect(await row.textContent()).not.toContain('未使用');
    const secretPrefix = ((await row.locator('code').textContent()) ?? '').replace('…', '');

    await page.getByRole('button', { name: '失効させる: Grafana 情報政策課' }).click();
    const confirm = page.getByRole('dialog', { name: 'APIトークン「Grafana 情報政策課」を失効させますか?' });
    await confirm.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await confirm.getByRole('button', { name: '失効させる' }).click();
    await confirm.waitFor({ state: 'detached' });
    await page.getByText('APIトークン「Grafana 情報政策課」を失効させました。').waitFor();
    await row.getByText('失効', { exact: true }).waitFor();
    expect(await row.getByRole('button').count()).toBe(0);

    const tokens = await (
      await ApiClient.signIn(server.baseUrl, 'admin')
    ).get<{ prefix: string; state: string }[]>('/api/api-tokens');
    expect(tokens.body).toEqual([expect.objectContaining({ prefix: secretPrefix, state: 'revoked' })]);
    const refused = await machineGet(secret, DAILY);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
  });
});
