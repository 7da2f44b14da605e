import type { Page as ApiPage, SupportCase } from '@madoguchi/contracts';
import { ApiClient } from '../support/api-client';
import { BrowserSession, openBrowser } from '../support/browser';
import { RunningServer, startServer } from '../support/server';
import { seriousViolations } from './accessibility';
import { signInAt } from './session';

describe('a staff member running the queue board from the keyboard', () => {
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

  it('receives an arrival, starts and finishes it as completed without the mouse', async () => {
    const { page } = session;
    await signInAt(page, server.baseUrl, '/counter', 'staff');
    await page.getByRole('heading', { name: '受付・対応ボード' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // n → procedure; Space picks the focused choice (予約); Tab → age band; ← picks 75歳以上; Tab Tab → code; Enter.
    // Each step waits until the screen shows it, as a person would look before the next key.
    const focusedText = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    const focusOn = async (text: string) => {
      const found = await page
        .waitForFunction((t) => document.activeElement?.textContent?.trim() === t, text, { timeout: 5_000 })
        .then(() => true)
        .catch(() => false);
      if (!found) throw new Error(`expected the focus on "${text}", found it on "${await focusedText()}"`);
    };
    await page.keyboard.press('n');
    await focusOn('予約(マイキーID設定)');
    await page.keyboard.press('Space');
    await page.locator('[role=radio][aria-checked=true]', { hasText: '予約(マイキーID設定)' }).waitFor();
    await page.keyboard.press('Tab');
    await focusOn('不明');
    await page.keyboard.press('ArrowLeft');
    await focusOn('75歳以上');
    // The choice shows as made before the next key, as with the procedure above.
    await page.locator('[role=radio][aria-checked=true]', { hasText: '75歳以上' }).waitFor();
    await page.keyboard.press('Tab');
    await focusOn('窓口');
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'followUpCode');
    expect(await focusedText()).toBe('');
    await page.keyboard.press('Enter');

    const received = page.getByRole('status').filter({ hasText: /#\d+ を受け付けました/ });
    await received.waitFor();
    const id = Number(/#(\d+)/.exec((await received.textContent()) ?? '')?.[1]);
    const card = page.locator(`[data-case-id="${id}"]`);
    await page.waitForFunction((caseId) => document.activeElement?.getAttribute('data-case-id') === caseId, String(id));
    expect(await card.textContent()).toContain('予約(マイキーID設定)');
    expect(await card.textContent()).toContain('75歳以上');
    await session.screenshot('counter-received');

    await page.keyboard.press('s');
    await page
      .getByRole('status')
      .filter({ hasText: `#${id} の対応を開始しました` })
      .waitFor();
    await page
      .getByRole('list', { name: /対応中/ })
      .getByText(`#${id}`, { exact: false })
      .waitFor();

    await page.keyboard.press('f');
    const dialog = page.getByRole('dialog', { name: `#${id} の対応終了` });
    await dialog.waitFor();
    expect(await dialog.getByRole('checkbox', { name: '予約' }).isChecked()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await session.screenshot('counter-finish-dialog');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page
      .getByRole('status')
      .filter({ hasText: `#${id} を記録しました` })
      .waitFor();

    const staff = await ApiClient.signIn(server.baseUrl, 'staff');
    const stored = await staff.get<SupportCase>(`/api/cases/${id}`);
    expect(stored.body).toMatchObject({
      procedure: 'reservation',
      ageBand: '75plus',
      status: 'completed',
      completed: ['reservation'],
      staffUsername: 'staff',
    });
  });

  it('shows the shortcuts behind ?', async () => {
    const { page } = session;
    await page.locator('body').press('?');
    const help = page.getByRole('dialog', { name: 'キーボードショートカット' });
    await help.waitFor();
    expect(await help.textContent()).toContain('新しい来庁者を受付');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
  });

  it('marks a waiting citizen as left, and takes it back', async () => {
    const { page } = session;
    const staff = await ApiClient.signIn(server.baseUrl, 'staff');
    const waiting = (await staff.post<SupportCase>('/api/cases', { procedure: 'both', ageBand: '20to39' })).body;
    await page.keyboard.press('r');
    const card = page.locator(`[data-case-id="${waiting.id}"]`);
    await card.waitFor();
    await card.focus();
    await page.keyboard.press('l');
    await page
      .getByRole('status')
      .filter({ hasText: `#${waiting.id} を「対応前に退出」にしました` })
      .waitFor();
    expect((await staff.get<SupportCase>(`/api/cases/${waiting.id}`)).body.status).toBe('left');

    await page.getByRole('button', { name: '元に戻す' }).click();
    await card.waitFor();
    expect((await staff.get<SupportCase>(`/api/cases/${waiting.id}`)).body.status).toBe('waiting');
  });

  it('keeps the focus on the board after S, F and L, so the next key works without the mouse', async () => {
    const { page } = session;
    const staff = await ApiClient.signIn(server.baseUrl, 'staff');
    // Start from an empty queue, so that which card comes next is known.
    const queue = await staff.get<ApiPage<SupportCase>>('/api/cases?status=waiting&pageSize=500');
    for (const c of queue.body.items) await staff.post(`/api/cases/${c.id}/leave`, { version: c.version });
    const first = (await staff.post<SupportCase>('/api/cases', { procedure: 'reservation', ageBand: '20to39' })).body;
    const second = (await staff.post<SupportCase>('/api/cases', { procedure: 'both', ageBand: '40to64' })).body;
    const third = (await staff.post<SupportCase>('/api/cases', { procedure: 'both', ageBand: '65to74' })).body;
    await page.keyboard.press('r');
    await page.locator(`[data-case-id="${third.id}"]`).waitFor();
    const focusedCase = () => page.evaluate(() => document.activeElement?.getAttribute('data-case-id') ?? null);
    const focusLandsOn = async (id: number) => {
      const landed = await page
        .waitForFunction((caseId) => document.activeElement?.getAttribute('data-case-id') === caseId, String(id), {
          timeout: 5_000,
        })
        .then(() => true)
        .catch(() => false);
      if (!landed) throw new Error(`expected the focus on case #${id}, found it on #${await focusedCase()}`);
    };
    await page.locator(`[data-case-id="${first.id}"]`).focus();

    // S: the card moves to 対応中 and keeps the focus there.
    await page.keyboard.press('s');
    await page
      .getByRole('list', { name: /対応中/ })
      .locator(`[data-case-id="${first.id}"]`)
      .waitFor();
    await focusLandsOn(first.id);

    // F, then Enter records it as completed: the card leaves the board, the next one in line takes the focus.
    await page.keyboard.press('f');
    const dialog = page.getByRole('dialog', { name: `#${first.id} の対応終了` });
    await dialog.waitFor();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page
      .getByRole('status')
      .filter({ hasText: `#${first.id} を記録しました` })
      .waitFor();
    await focusLandsOn(second.id);

    // J then L on the other card: it leaves, and the focus goes to the card now in its place.
    await page.keyboard.press('j');
    await focusLandsOn(third.id);
    await page.keyboard.press('l');
    await page
      .getByRole('status')
      .filter({ hasText: `#${third.id} を「対応前に退出」にしました` })
      .waitFor();
    await focusLandsOn(second.id);

    // L on the last card: the board's title holds the focus, and S still answers.
    await page.keyboard.press('l');
    await page
      .getByRole('status')
      .filter({ hasText: `#${second.id} を「対応前に退出」にしました` })
      .waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'board-title');
    // As a user would, S is pressed once the card has left the board (the board is read again after the change).
    await page.locator(`[data-case-id="${second.id}"]`).waitFor({ state: 'detached' });
    await page.keyboard.press('s');
    await page.getByRole('status').filter({ hasText: 'ケースがありません' }).waitFor();
    expect((await staff.get<SupportCase>(`/api/cases/${first.id}`)).body.status).toBe('completed');
    expect((await staff.get<SupportCase>(`/api/cases/${third.id}`)).body.status).toBe('left');
  });

  it('fits a tablet held either way', async () => {
    const { page } = session;
    for (const [width, height, name] of [
      [1024, 768, 'counter-tablet-landscape'],
      [768, 1024, 'counter-tablet-portrait'],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.getByRole('heading', { name: '受付・対応ボード' }).waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await session.screenshot(name);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('reads in English too', async () => {
    const { page } = session;
    await page.getByRole('radio', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Queue board' }).waitFor();
    expect(await page.getByRole('button', { name: 'Receive' }).count()).toBe(1);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await seriousViolations(page)).toEqual([]);
    await session.screenshot('counter-english');
    await page.getByRole('radio', { name: '日本語' }).click();
    await page.getByRole('heading', { name: '受付・対応ボード' }).waitFor();
  });
});
