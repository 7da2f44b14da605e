import type { SupportCase } from '@madoguchi/contracts';
import { ApiClient } from '../support/api-client';
import { BrowserSession, openBrowser } from '../support/browser';
import { RunningServer, startServer } from '../support/server';
import { seriousViolations } from './accessibility';
import { signInAt } from './session';

describe('a citizen sent away with a return slip and coming back', () => {
  let server: RunningServer;
  let session: BrowserSession;
  let staff: ApiClient;

  beforeAll(async () => {
    server = await startServer({ DEMO_CASES: '0' });
    session = await openBrowser();
    staff = await ApiClient.signIn(server.baseUrl, 'staff');
  });
  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });

  it('finishes a case as not completed, prints the slip, and links the return visit by its code', async () => {
    const { page } = session;
    const first = (await staff.post<SupportCase>('/api/cases', { procedure: 'both', ageBand: '40to64' })).body;
    await signInAt(page, server.baseUrl, '/counter', 'staff');
    const card = page.locator(`[data-case-id="${first.id}"]`);
    await card.waitFor();
    await card.focus();
    await page.keyboard.press('s');
    await page
      .getByRole('status')
      .filter({ hasText: `#${first.id} の対応を開始しました` })
      .waitFor();

    // f → 2 (not completed, focus on the reason) → pick the reason → Enter.
    await page.keyboard.press('f');
    const dialog = page.getByRole('dialog', { name: `#${first.id} の対応終了` });
    await dialog.waitFor();
    await page.keyboard.press('2');
    const reason = dialog.locator('select[name="reason"]');
    await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'reason');
    await reason.selectOption({ label: '暗証番号ロック(案内先: 市民課)' });
    await dialog.getByText('案内先: 市民課', { exact: true }).waitFor();
    await session.screenshot('finish-not-completed');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });

    await page.waitForFunction(() => document.activeElement?.classList.contains('slip-link') ?? false);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/cases/${first.id}/slip`);
    const slip = page.locator('article.slip');
    await slip.waitFor();
    const text = (await slip.textContent()) ?? '';
    expect(text).toContain('暗証番号ロック');
    expect(text).toContain('市民課');
    expect(text).toContain('0120-95-0178');
    const code = ((await slip.locator('.slip-code-value').textContent()) ?? '').trim();
    expect(code).toMatch(/^[23456789A-HJ-NP-Z]{6}$/);
    expect((await staff.get<SupportCase>(`/api/cases/${first.id}`)).body.followUpCode).toBe(code);
    expect(await seriousViolations(page)).toEqual([]);
    await session.screenshot('return-slip');
    await page.emulateMedia({ media: 'print' });
    await session.screenshot('return-slip-print');
    expect(await page.locator('mg-shell .toolbar').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });

    // The next visit: the code typed as a citizen might read it out, in lower case with a dash.
    await page.getByRole('link', { name: '受付・対応ボードへ戻る' }).click();
    await page.getByRole('heading', { name: '受付・対応ボード' }).waitFor();
    await page.getByLabel('再来庁コード(任意)').fill(`${code.slice(0, 3).toLowerCase()}-${code.slice(3)}`);
    await page.getByText(`前回 #${first.id}`, { exact: false }).waitFor();
    await page.getByRole('radiogroup', { name: '手続' }).getByRole('radio', { name: '予約と申込み' }).click();
    await page.getByRole('button', { name: '受付する' }).click();
    const received = page.getByRole('status').filter({ hasText: /#\d+ を受け付けました/ });
    await received.waitFor();
    const secondId = Number(/#(\d+)/.exec((await received.textContent()) ?? '')?.[1]);
    await page.locator(`[data-case-id="${secondId}"]`).getByText(`再来庁(前回 #${first.id})`).waitFor();
    await session.screenshot('counter-return-visit');

    const second = await staff.get<SupportCase>(`/api/cases/${secondId}`);
    expect(second.body).toMatchObject({ status: 'waiting', previousCaseId: first.id });
  });

  it('refuses a code that no case has, on the field', async () => {
    const { page } = session;
    await page.getByLabel('再来庁コード(任意)').fill('ZZZZZZ');
    await page.getByText('このコードのケースは見つかりません').waitFor();
    await page.getByRole('radiogroup', { name: '手続' }).getByRole('radio', { name: '申込み', exact: true }).click();
    await page.getByRole('button', { name: '受付する' }).click();
    await page.getByRole('alert').filter({ hasText: '再来庁コード「ZZZZZZ」のケースは見つかりません' }).waitFor();
  });
});
