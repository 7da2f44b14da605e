import type { Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { BrowserSession, openBrowser } from '../support/browser';
import { arrival, created, inService } from '../support/builders';
import { RunningServer, startServer } from '../support/server';
import { seriousViolations } from './accessibility';
import { signInAt } from './session';

const LAPTOP = { width: 1366, height: 768 };
const TABLET = { width: 1024, height: 768 };

/** Every button of `scope` whose label wraps onto a second line (e.g. "編/集"), by name. */
async function wrappedButtons(page: Page, scope: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const wrapped: string[] = [];
    for (const button of Array.from(
      document.querySelectorAll<HTMLElement>(`${selector} button, ${selector} a.mdc-button`),
    )) {
      const label = button.querySelector<HTMLElement>('.mdc-button__label, .mat-button-toggle-label-content') ?? button;
      const lineHeight = parseFloat(getComputedStyle(label).lineHeight);
      // More than one line box of text means the label broke.
      if (label.getBoundingClientRect().height > lineHeight * 1.5) wrapped.push(label.textContent?.trim() ?? '');
    }
    return wrapped;
  }, scope);
}

describe('the counter and the catalogues at 1366×768 and on a tablet', () => {
  let server: RunningServer;
  let session: BrowserSession;
  let staff: ApiClient;
  let signedInAs: string | null = null;

  /** Opens `path` as `username`, signing in (or over to that account) only when needed. */
  async function openAs(path: string, username: string): Promise<void> {
    const { page } = session;
    if (signedInAs === username) {
      await page.goto(`${server.baseUrl}${path}`);
      return;
    }
    if (signedInAs) await page.getByRole('button', { name: 'サインアウト' }).click();
    await signInAt(page, server.baseUrl, path, username);
    signedInAs = username;
  }

  beforeAll(async () => {
    server = await startServer({ DEMO_CASES: '0', WAIT_TARGET_MINUTES: '30' });
    session = await openBrowser(LAPTOP);
    staff = await ApiClient.signIn(server.baseUrl, 'staff');
  });
  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });
  afterEach(async () => {
    // A failed step must not leave a dialog over the screens of the next.
    await session.page.keyboard.press('Escape');
    await session.page.setViewportSize(LAPTOP);
    // Today's clock again, also after a test that set the board to another time failed half-way.
    await session.page.clock.setFixedTime(Date.now());
  });

  it('marks, in words, the citizen waiting past the 30-minute target and not the one who just came', async () => {
    // The board at the last 14:00 in Tokyo, so that a 45-minute wait never reaches back into the day before.
    const tokyoNow = new Date(Date.now() + 9 * 3_600_000);
    const day = new Date(tokyoNow.getTime() - (tokyoNow.getUTCHours() < 14 ? 86_400_000 : 0));
    const boardTime = Date.parse(`${day.toISOString().slice(0, 10)}T14:00:00+09:00`);
    const minutesBefore = (n: number) => new Date(boardTime - n * 60_000).toISOString();
    const longWait = await created(staff, arrival({ arrivedAt: minutesBefore(45) }));
    const fresh = await created(staff, arrival({ arrivedAt: minutesBefore(2) }));
    const { page } = session;
    await page.clock.setFixedTime(boardTime);
    // A manager watching the queue: staff see only the cases of the server's today, which at night is not the
    // board's day.
    await openAs('/counter', 'manager');
    await page.getByText('待ち時間の目標 30分').waitFor();
    const longCard = page.locator(`[data-case-id="${longWait.id}"]`);
    const freshCard = page.locator(`[data-case-id="${fresh.id}"]`);
    await freshCard.waitFor();
    await longCard.getByText('目標30分超過').waitFor();
    expect(await longCard.textContent()).toContain('待ち 45分');
    expect(await longCard.getByText('待ち時間が目標の30分を超えています').count()).toBe(1);
    expect(await freshCard.textContent()).toContain('待ち 2分');
    expect(await freshCard.textContent()).not.toContain('超過');
    expect(await seriousViolations(page)).toEqual([]);
    await session.screenshot('counter-wait-target');
    // Both leave the queue so the cases below start from an empty board.
    for (const c of [longWait, fresh]) await staff.post(`/api/cases/${c.id}/leave`, { version: c.version });
  });

  it('shows the not-completed finish dialog whole, without scrolling, at 768 px tall', async () => {
    const { page } = session;
    const serving = await inService(staff, { procedure: 'both' });
    await openAs('/counter', 'staff');
    const card = page.locator(`[data-case-id="${serving.id}"]`);
    await card.waitFor();
    await card.getByRole('button', { name: /対応終了/ }).click();
    const dialog = page.getByRole('dialog', { name: `#${serving.id} の対応終了` });
    await dialog.waitFor();
    await page.keyboard.press('2');
    // The tallest form: a reason that also asks when 市民課 renewed the certificate.
    await dialog.locator('select[name="reason"]').selectOption({ label: '電子証明書の更新・発行から24時間未経過' });
    await dialog.locator('input[name="certRenewedAt"]').waitFor();
    for (const [size, name] of [
      [LAPTOP, 'finish-not-completed-1366x768'],
      [TABLET, 'finish-not-completed-1024x768'],
    ] as const) {
      await page.setViewportSize(size);
      await page.waitForFunction(
        (height) => window.innerHeight === height && document.querySelector('mat-dialog-content') !== null,
        size.height,
      );
      await page.screenshot({ path: `test-output/screenshots/${name}.png` });
      const content = await dialog.locator('mat-dialog-content').evaluate((el) => ({
        scrollHeight: el.scrollHeight,
        clientHeight: el.clientHeight,
      }));
      expect(content.scrollHeight).toBeLessThanOrEqual(content.clientHeight);
      const actions = await dialog.locator('mat-dialog-actions').boundingBox();
      expect((actions?.y ?? Infinity) + (actions?.height ?? 0)).toBeLessThanOrEqual(size.height);
    }
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('keeps every button of the board on one line at 1366 px', async () => {
    const { page } = session;
    await created(staff, arrival());
    await inService(staff);
    await openAs('/counter', 'staff');
    await page.locator('.case').nth(1).waitFor();
    expect(await wrappedButtons(page, 'mg-queue-board-page')).toEqual([]);
  });

  for (const [path, heading, name] of [
    ['/admin/accounts', 'アカウントの管理', 'accounts'],
    ['/admin/payment-services', '決済サービスの管理', 'payment-services'],
    ['/admin/sites', '窓口(拠点)の管理', 'sites'],
  ] as const) {
    it(`keeps the ${name} table's buttons and headers on one line at 1366 px`, async () => {
      const { page } = session;
      await openAs(path, 'admin');
      await page.getByRole('heading', { name: heading }).waitFor();
      await page.locator('.data-table tbody tr button').first().waitFor();
      expect(await wrappedButtons(page, '.data-table')).toEqual([]);
      const wrappedHeaders = await page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLElement>('.data-table thead th'))
          .filter((th) => th.getBoundingClientRect().height > parseFloat(getComputedStyle(th).lineHeight) * 1.5 + 16)
          .map((th) => th.textContent?.trim()),
      );
      expect(wrappedHeaders).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
        0,
      );
      await session.screenshot(`admin-${name}-1366`);
    });
  }
});
