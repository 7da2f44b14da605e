import type { Page as ApiPage, SupportCase } from '@madoguchi/contracts';
import { ApiClient } from '../support/api-client';
import { BrowserSession, openBrowser } from '../support/browser';
import { RunningServer, startServer } from '../support/server';

describe('a staff member finishing a case against the rules', () => {
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

  it('sees the pre-check as the case is filled in, and confirms before recording it as completed', async () => {
    const { page } = session;
    await page.goto(`${server.baseUrl}/cases/new`);
    await page.getByLabel('ユーザー名').fill('staff');
    await page.getByLabel('パスワード').fill('madoguchi-demo');
    await page.getByRole('button', { name: 'サインイン' }).click();
    await page.getByRole('heading', { name: 'ケース記録' }).waitFor();

    await page.getByRole('radiogroup', { name: '手続' }).getByRole('radio', { name: '予約(マイキーID設定)' }).click();
    await page.getByRole('radiogroup', { name: '状況' }).getByRole('radio', { name: '完了', exact: true }).click();
    // A past case: Thursday 19 November 2020, when the desk was open and the platform up.
    await page.getByLabel('受付日時').fill('2020-11-19T10:00');
    await page.getByLabel('対応開始日時').fill('2020-11-19T10:05');
    await page.getByLabel('終了日時').fill('2020-11-19T10:20');
    const panel = page.locator('mg-case-preflight');
    await panel
      .getByText('本日お手続きいただけます')
      .or(panel.getByText('2020年11月19日(木) 10:05にお手続きいただけます'))
      .waitFor();

    await page
      .getByRole('radiogroup', { name: '暗証番号' })
      .getByRole('radio', { name: 'ロック', exact: true })
      .click();
    await panel.getByText('暗証番号がロックされています。', { exact: false }).waitFor();
    expect(await panel.textContent()).toContain('行き先: 市民課');
    await session.screenshot('case-form-preflight-pin-locked');

    await page.getByRole('button', { name: '記録する' }).click();
    const dialog = page.getByRole('dialog', { name: '完了として記録しますか' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('チェックで問題が見つかっています。このまま完了として記録しますか?');
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    await session.screenshot('case-form-confirm-finish');
    await dialog.getByRole('button', { name: '戻って確認する' }).click();
    await dialog.waitFor({ state: 'detached' });

    const staff = await ApiClient.signIn(server.baseUrl, 'staff');
    const none = await staff.get<ApiPage<SupportCase>>('/api/cases?from=2020-11-19&to=2020-11-19');
    expect(none.body.total).toBe(0);

    await page.getByRole('button', { name: '記録する' }).click();
    await dialog.getByRole('button', { name: '完了として記録する' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /ケース #\d+ を記録しました/ })
      .waitFor();
    const recorded = await staff.get<ApiPage<SupportCase>>('/api/cases?from=2020-11-19&to=2020-11-19');
    expect(recorded.body.items).toEqual([
      expect.objectContaining({ procedure: 'reservation', status: 'completed', completed: ['reservation'] }),
    ]);
  });

  it('warns about a PIN in the note, and refuses a My Number however it is typed, before anything is sent', async () => {
    const { page } = session;
    await page.goto(`${server.baseUrl}/cases/new`);
    await page.getByRole('heading', { name: 'ケース記録' }).waitFor();
    const note = page.getByLabel('メモ');

    await note.fill('暗証番号 1234 を聞いた');
    await page.getByRole('alert').filter({ hasText: '暗証番号やパスワードのように見える記載があります' }).waitFor();

    await note.fill('番号は 一二三四・五六七八・九〇一八 とのこと');
    await note.press('Tab');
    await page.getByText('マイナンバーは記録できません', { exact: false }).first().waitFor();
    await session.screenshot('case-form-my-number-refused');
    await page.getByRole('button', { name: '記録する' }).click();
    const staff = await ApiClient.signIn(server.baseUrl, 'staff');
    const today = await staff.get<ApiPage<SupportCase>>('/api/cases');
    expect(today.body.items.filter((c) => c.note?.includes('とのこと'))).toEqual([]);
  });
});
