import type { SupportCase } from '@madoguchi/contracts';
import { ApiClient } from '../support/api-client';
import { created, pastNotCompleted } from '../support/builders';
import { BrowserSession, openBrowser } from '../support/browser';
import { RunningServer, startServer } from '../support/server';
import { seriousViolations } from './accessibility';
import { signInAt } from './session';

describe('a page for every case: open it from the list, read its story, correct it', () => {
  let server: RunningServer;
  let session: BrowserSession;
  let manager: ApiClient;
  let target: SupportCase;

  beforeAll(async () => {
    server = await startServer({ DEMO_CASES: '0' });
    session = await openBrowser({ width: 1366, height: 768 });
    manager = await ApiClient.signIn(server.baseUrl, 'manager');
    target = await created(manager, pastNotCompleted({ note: '証明書の再発行を案内' }));
  });
  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });

  it('finds the case without dates, opens it, and shows every field and its history in words', async () => {
    const { page } = session;
    await signInAt(page, server.baseUrl, `/cases?q=%23${target.id}`, 'manager');
    // No date: the list covers every day and says so, instead of quietly showing today.
    await page.getByText('受付日を指定していないため、すべての日付のケースを表示しています。').waitFor();
    await page.locator('p.summary').filter({ hasText: 'すべての日付 1件' }).waitFor();
    await session.screenshot('case-list-any-date');
    await page.getByRole('link', { name: `ケース #${target.id} を開く` }).click();
    await page.waitForURL(`**/cases/${target.id}`);
    await page.getByRole('heading', { name: `ケース #${target.id}` }).waitFor();
    const fields = page.locator('dl.fields');
    await fields.getByText('暗証番号ロック').waitFor();
    expect(await fields.textContent()).toContain('証明書の再発行を案内');
    expect(await fields.textContent()).toContain('2020年11月24日(火) 10:00');
    const history = page.locator('ol.history');
    await history.getByText('登録(manager)').waitFor();
    // The history names fields as the screens do, never as the API does.
    expect(await history.textContent()).not.toMatch(/reason|paymentServiceId|previousCaseId/);
    await session.screenshot('case-page');
    await page.goBack();
    // Dates are typed as a Japanese office writes them, and read back the same way.
    await page.getByLabel('受付日(から)').fill('2020/11/24');
    await page.getByLabel('受付日(まで)').fill('2020/11/24');
    await page.getByRole('button', { name: '検索', exact: true }).click();
    await page.waitForURL(/from=2020-11-24&to=2020-11-24/);
    await page.locator('p.summary').filter({ hasText: '期間: 2020年11月24日(火) 〜 2020年11月24日(火) 1件' }).waitFor();
    expect(await page.getByLabel('受付日(から)').inputValue()).toBe('2020/11/24');
    await page.getByLabel('受付日(まで)').fill('2020/13/45');
    await page.getByText('日付を正しく入力してください').waitFor();
    await page.getByRole('link', { name: `ケース #${target.id} を開く` }).click();
    await page.waitForURL(`**/cases/${target.id}`);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('refuses a correction made on a stale copy, shows what changed, and saves it after reloading', async () => {
    const { page } = session;
    await page.getByRole('link', { name: '修正する' }).click();
    await page.waitForURL(`**/cases/${target.id}/edit`);
    await page.getByRole('heading', { name: `ケース #${target.id} を修正` }).waitFor();
    const note = page.getByLabel('メモ');
    await page.waitForFunction(
      () => (document.querySelector('textarea[formcontrolname="note"]') as HTMLTextAreaElement | null)?.value !== '',
    );
    expect(await note.inputValue()).toBe('証明書の再発行を案内');

    // Meanwhile another manager corrects the note.
    const other = await manager.request<SupportCase>('PATCH', `/api/cases/${target.id}`, {
      version: target.version,
      note: '市民課へ案内済み',
    });
    expect(other.status).toBe(200);

    await page.getByRole('combobox', { name: '未完了の理由' }).click();
    await page.getByRole('option', { name: /^暗証番号失念/ }).click();
    await page.getByRole('button', { name: '修正を保存する' }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'ほかの職員がこのケースを先に更新しました' });
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('証明書の再発行を案内 → 市民課へ案内済み');
    await session.screenshot('case-edit-conflict');

    await conflict.getByRole('button', { name: '最新の内容を読み込む' }).click();
    await conflict.waitFor({ state: 'detached' });
    expect(await note.inputValue()).toBe('市民課へ案内済み');
    await page.getByRole('combobox', { name: '未完了の理由' }).click();
    await page.getByRole('option', { name: /^暗証番号失念/ }).click();
    await page.getByRole('button', { name: '修正を保存する' }).click();
    await page.waitForURL(`**/cases/${target.id}`);
    const history = page.locator('ol.history');
    await history.getByText('変更(manager)').first().waitFor();
    await page.waitForFunction(() => document.querySelector('ol.history')?.textContent?.includes('暗証番号失念'));
    const stored = (await manager.get<SupportCase>(`/api/cases/${target.id}`)).body;
    expect([stored.reason, stored.note]).toEqual(['pin_forgotten', '市民課へ案内済み']);
  });
});
