import type { Outage, Page as ApiPage, SupportCase } from '@madoguchi/contracts';
import { ApiClient } from '../support/api-client';
import { BrowserSession, openBrowser } from '../support/browser';
import { RunningServer, startServer } from '../support/server';
import { seriousViolations } from './accessibility';
import { signInAt } from './session';

describe('a manager recording a platform outage, and what the counter sees of it', () => {
  let server: RunningServer;
  let manager: BrowserSession;
  let staff: BrowserSession;

  beforeAll(async () => {
    server = await startServer({ DEMO_CASES: '0' });
    manager = await openBrowser();
    staff = await openBrowser({ width: 1024, height: 768 });
  });
  afterAll(async () => {
    await staff?.close();
    await manager?.close();
    await server?.stop();
  });

  it('records an ongoing outage of the MyKey Platform', async () => {
    const { page } = manager;
    await signInAt(page, server.baseUrl, '/outages', 'manager');
    await page.getByRole('heading', { name: '障害・停止の記録' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: '新しく記録' }).click();
    const dialog = page.getByRole('dialog', { name: '障害・停止を記録' });
    await dialog.waitFor();
    await dialog.getByLabel('メモ').fill('マイキープラットフォーム 臨時メンテナンス');
    expect(await seriousViolations(page)).toEqual([]);
    await manager.screenshot('outage-form');
    await dialog.getByRole('button', { name: '記録する' }).click();
    // It starts now, so the counter shows it at once: the form asks first.
    await page
      .getByRole('dialog', { name: '停止中として記録しますか' })
      .getByRole('button', { name: '停止中として記録する' })
      .click();
    await dialog.waitFor({ state: 'detached' });

    const row = page.getByRole('row').filter({ hasText: '臨時メンテナンス' });
    await row.waitFor();
    expect(await row.textContent()).toContain('継続中');
    expect(await row.textContent()).toContain('マイキープラットフォーム');
    await manager.screenshot('outages-list');
  });

  it('shows it as a banner on the counter screen and in the preflight', async () => {
    const { page } = staff;
    await signInAt(page, server.baseUrl, '/counter', 'staff');
    const banner = page.getByRole('status', { name: '障害・停止のお知らせ' });
    await banner.waitFor();
    expect(await banner.textContent()).toContain('停止中: マイキープラットフォーム(予約・申込み)');
    expect(await seriousViolations(page)).toEqual([]);
    await staff.screenshot('counter-outage-banner-tablet');

    await page.goto(`${server.baseUrl}/self-check`);
    await page.getByRole('heading', { name: '来庁前セルフチェック' }).waitFor();
    await page
      .getByRole('radiogroup', { name: 'お手続きの内容' })
      .getByLabel('予約(マイキーID設定)', { exact: true })
      .check();
    await page.getByLabel('カードをお持ちの方(ご本人)の年齢').fill('40');
    await page.getByRole('button', { name: 'チェックする' }).click();
    const result = page.getByRole('region', { name: 'チェック結果' });
    await result.waitFor();
    expect(await result.textContent()).toContain('マイキープラットフォームのメンテナンス中のため');
  });

  it('lists the cases the outage hit, then ends it', async () => {
    const { page } = manager;
    const api = await ApiClient.signIn(server.baseUrl, 'staff');
    const hit = (await api.post<SupportCase>('/api/cases', { procedure: 'reservation' })).body;

    await page.getByRole('button', { name: '影響したケース' }).click();
    const panel = page.getByRole('cell').filter({ hasText: 'の間に受け付けたケース' });
    await panel.getByText('1件(うち停止で完了できず 0件)').waitFor();
    expect(
      await panel
        .getByRole('row')
        .filter({ hasText: String(hit.id) })
        .count(),
    ).toBe(1);
    await manager.screenshot('outage-cases');

    await page.getByRole('button', { name: '終了にする' }).click();
    await page
      .getByRole('dialog', { name: /を終了にしますか/ })
      .getByRole('button', { name: '終了にする' })
      .click();
    await page
      .getByRole('status')
      .filter({ hasText: /を終了にしました/ })
      .waitFor();
    const asManager = await ApiClient.signIn(server.baseUrl, 'manager');
    const outages = await asManager.get<ApiPage<Outage>>('/api/outages');
    expect(outages.body.items.find((o) => o.note?.includes('臨時メンテナンス'))?.endsAt).not.toBeNull();
  });

  it('keeps the manager screens away from a staff account', async () => {
    const { page } = staff;
    await page.goto(`${server.baseUrl}/counter`);
    await page.getByRole('heading', { name: '受付・対応ボード' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'メインメニュー' });
    expect(await nav.getByRole('link', { name: '障害・停止' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: '監査ログ' }).count()).toBe(0);

    for (const path of ['/outages', '/audit', '/admin/accounts']) {
      await page.goto(`${server.baseUrl}${path}`);
      await page.getByRole('heading', { name: '権限がありません' }).waitFor();
      expect(await page.getByText('この画面を使う権限がありません。').count()).toBe(1);
      expect(new URL(page.url()).pathname).toBe(path);
    }
    expect(await seriousViolations(page)).toEqual([]);
    await staff.screenshot('forbidden-tablet');
  });

  it('says so at an address that is no screen, instead of opening the counter', async () => {
    const { page } = staff;
    await page.goto(`${server.baseUrl}/no-such-screen`);
    await page.getByRole('heading', { name: 'ページが見つかりません' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/no-such-screen');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'はじめの画面へ' }).click();
    await page.getByRole('heading', { name: '受付・対応ボード' }).waitFor();
  });
});
