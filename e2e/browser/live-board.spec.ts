/*
 * Two counters, two browsers: what one does shows on the other's board within a second, through the live stream.
 * A sign-in carries to a second tab of the same browser, and a sign-out in one tab ends it in the others.
 */
import type { SupportCase } from '@madoguchi/contracts';
import type { Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { arrival, created } from '../support/builders';
import { BrowserSession, openBrowser } from '../support/browser';
import { RunningServer, startServer } from '../support/server';
import { seriousViolations } from './accessibility';
import { signInAt } from './session';

/** The bound a person at the counter would call "at once"; the stream itself takes a few tens of milliseconds. */
const WITHIN = 1_500;
const SECOND_PASSWORD = 'shonan-beach-2020';

const board = (page: Page) => page.getByRole('heading', { name: '受付・対応ボード' });
const card = (page: Page, id: number) => page.locator(`[data-case-id="${id}"]`);
const list = (page: Page, name: '対応中' | '受付待ち') => page.getByRole('list', { name: new RegExp(`^${name}`) });

describe('two counters on the live board', () => {
  let server: RunningServer;
  let first: BrowserSession;
  let second: BrowserSession;
  let admin: ApiClient;

  beforeAll(async () => {
    server = await startServer({ DEMO_CASES: '0' });
    admin = await ApiClient.signIn(server.baseUrl, 'admin');
    const account = await admin.post('/api/accounts', {
      username: 'kana.sato',
      displayName: '佐藤 かな',
      role: 'staff',
      password: SECOND_PASSWORD,
    });
    if (account.status !== 201) throw new Error(`second staff account not created: ${JSON.stringify(account.body)}`);
    [first, second] = await Promise.all([openBrowser(), openBrowser()]);
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await server?.stop();
  });

  it("shows a case received on one counter on the other's board, and who started it, within a second", async () => {
    await signInAt(first.page, server.baseUrl, '/counter', 'staff');
    await signInAt(second.page, server.baseUrl, '/counter', 'kana.sato', SECOND_PASSWORD);
    for (const { page } of [first, second]) {
      await board(page).waitFor();
      await page.locator('[data-live-state="open"]').waitFor();
    }
    expect(await first.page.locator('[data-live-state]').textContent()).toContain('自動更新中');

    // Received at the first counter, by its form.
    await first.page.getByRole('radio', { name: '予約(マイキーID設定)' }).click();
    await first.page.getByRole('button', { name: '受付する' }).click();
    const received = first.page.getByRole('status').filter({ hasText: /#\d+ を受け付けました/ });
    await received.waitFor();
    const id = Number(/#(\d+)/.exec((await received.textContent()) ?? '')?.[1]);

    await list(second.page, '受付待ち').locator(`[data-case-id="${id}"]`).waitFor({ timeout: WITHIN });
    expect(await card(second.page, id).textContent()).toContain('予約(マイキーID設定)');

    // Started at the second counter: the first sees it move to 対応中, with who serves it.
    await card(second.page, id)
      .getByRole('button', { name: /対応開始/ })
      .click();
    const serving = list(first.page, '対応中').locator(`[data-case-id="${id}"]`);
    await serving.waitFor({ timeout: WITHIN });
    expect(await serving.textContent()).toContain('担当 kana.sato');
    expect(await list(first.page, '受付待ち').locator(`[data-case-id="${id}"]`).count()).toBe(0);
    expect(await seriousViolations(first.page)).toEqual([]);
    await first.screenshot('live-board-two-counters');
  });

  it('shows a case taken by someone else as served at once when the board had not heard of it yet', async () => {
    // This board hears nothing live (as behind a proxy that drops the stream) and its next poll is 20 s away.
    const page = await first.context.newPage();
    await page.route('**/api/live/desk', (route) => route.abort());
    const staff = await ApiClient.signIn(server.baseUrl, 'staff');
    const waiting = await created(staff, arrival({ procedure: 'application' }));
    await page.goto(`${server.baseUrl}/counter`);
    await list(page, '受付待ち').locator(`[data-case-id="${waiting.id}"]`).waitFor();
    expect(await page.locator('[data-live-state]').textContent()).toContain('20秒ごとに読み込み直します');

    await list(second.page, '受付待ち').locator(`[data-case-id="${waiting.id}"]`).waitFor({ timeout: WITHIN });
    await card(second.page, waiting.id)
      .getByRole('button', { name: /対応開始/ })
      .click();
    await list(second.page, '対応中').locator(`[data-case-id="${waiting.id}"]`).waitFor();

    await card(page, waiting.id)
      .getByRole('button', { name: /対応開始/ })
      .click();
    await page.getByRole('status').filter({ hasText: '他の職員が対応中です' }).waitFor();
    // The refusal reloads the board: the case no longer shows as waiting.
    await list(page, '対応中').locator(`[data-case-id="${waiting.id}"]`).waitFor({ timeout: WITHIN });
    expect(await list(page, '受付待ち').locator(`[data-case-id="${waiting.id}"]`).count()).toBe(0);
    const current = await staff.get<SupportCase>(`/api/cases/${waiting.id}`);
    expect(current.body.staffUsername).toBe('kana.sato');
    await page.close();
  });

  it('updates the public congestion page within a second of an arrival', async () => {
    const citizen = await openBrowser();
    try {
      await citizen.page.goto(`${server.baseUrl}/congestion`);
      const waitingNow = citizen.page.locator('.figures div', { hasText: '待っている人' }).locator('dd');
      await waitingNow.waitFor();
      const staff = await ApiClient.signIn(server.baseUrl, 'staff');
      const before = (await staff.get<{ waiting: number }>('/api/public/congestion')).body.waiting;
      await citizen.page.waitForFunction(
        ([selector, n]) => document.querySelector(selector)?.textContent?.trim() === `${n}人`,
        ['.figures div:first-child dd', before] as const,
      );
      await created(staff, arrival());
      await citizen.page
        .locator('.figures div:first-child dd', { hasText: `${before + 1}人` })
        .waitFor({ timeout: WITHIN });
      expect(await seriousViolations(citizen.page)).toEqual([]);
    } finally {
      await citizen.close();
    }
  });
});

describe('one sign-in for the tabs of a browser', () => {
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

  it('opens a deep link in a second tab without signing in, and signs out every tab at once', async () => {
    await signInAt(session.page, server.baseUrl, '/counter', 'staff');
    await board(session.page).waitFor();

    const tab = await session.context.newPage();
    await tab.goto(`${server.baseUrl}/cases`);
    await tab.getByRole('heading', { name: 'ケース一覧' }).waitFor();
    expect(new URL(tab.url()).pathname).toBe('/cases');
    // The session lives in an HttpOnly cookie: no script of the page can read the token.
    expect(await tab.evaluate(() => document.cookie)).toBe('');
    expect(await tab.evaluate(() => JSON.stringify({ ...sessionStorage, ...localStorage }))).not.toMatch(/token/i);

    await session.page.getByRole('button', { name: 'サインアウト' }).click();
    await session.page.waitForURL((url) => url.pathname === '/login');
    await tab.waitForURL((url) => url.pathname === '/login');
    await tab.getByText('別のタブでサインアウトしました。').waitFor();
    expect(new URL(tab.url()).searchParams.get('returnUrl')).toBe('/cases');

    // A tab opened afterwards has no session either.
    const later = await session.context.newPage();
    await later.goto(`${server.baseUrl}/counter`);
    await later.waitForURL((url) => url.pathname === '/login');
    await later.close();
  });
});
