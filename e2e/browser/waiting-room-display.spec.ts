import type { SupportCase } from '@madoguchi/contracts';
import type { Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { BrowserSession, openBrowser } from '../support/browser';
import { RunningServer, startServer } from '../support/server';
import { seriousViolations } from './accessibility';
import { signInAt } from './session';

/** What the display asked the Web Speech API to say: headless Chromium has no voices, so the calls are recorded. */
const RECORD_SPEECH = `
  window.__spoken = [];
  window.speechSynthesis.speak = (utterance) => {
    window.__spoken.push({ text: utterance.text, lang: utterance.lang });
    setTimeout(() => utterance.onend && utterance.onend(new Event('end')), 0);
  };
`;

const spoken = (page: Page) =>
  page.evaluate(() => (window as unknown as { __spoken: { text: string; lang: string }[] }).__spoken);

describe('the waiting-room display calling a number', () => {
  let server: RunningServer;
  let tv: BrowserSession;
  let counter: BrowserSession;

  beforeAll(async () => {
    server = await startServer({ DEMO_CASES: '0' });
    tv = await openBrowser({ width: 1920, height: 1080 });
    await tv.context.addInitScript(RECORD_SPEECH);
    counter = await openBrowser({ width: 1366, height: 768 });
  });
  afterAll(async () => {
    await tv?.close();
    await counter?.close();
    await server?.stop();
  });

  /** Receives an arrival on the board and returns its case number and the ticket the notice gives. */
  const receive = async (page: Page) => {
    await page.getByRole('radiogroup', { name: '手続' }).getByRole('radio', { name: '予約と申込み' }).click();
    await page.getByRole('button', { name: '受付する' }).click();
    const received = page.getByRole('status').filter({ hasText: /#\d+ を受け付けました\(番号札 [A-Z]-\d{3}\)/ });
    await received.waitFor();
    const text = (await received.textContent()) ?? '';
    return { id: Number(/#(\d+)/.exec(text)?.[1]), ticket: /番号札 ([A-Z]-\d{3})/.exec(text)?.[1] ?? '' };
  };

  it('shows and says the number and the counter when staff start the case in another browser', async () => {
    await tv.page.goto(`${server.baseUrl}/display`);
    await tv.page.getByRole('heading', { name: 'ただいまお呼びしている番号' }).waitFor();
    await tv.page.getByText('まだお呼びしていません').waitFor();
    await tv.page.getByText('茅ヶ崎市役所 本庁舎 情報推進課').waitFor();
    expect(await seriousViolations(tv.page)).toEqual([]);
    // Browsers play sound only after a touch: the TV asks for one, once.
    await tv.page.getByRole('button', { name: '音声を有効にする' }).click();
    await tv.page.getByRole('button', { name: '音声を有効にする' }).waitFor({ state: 'detached' });
    await tv.page.getByRole('switch', { name: '音声で呼び出す: オン', checked: true }).waitFor();

    const { page } = counter;
    await signInAt(page, server.baseUrl, '/counter', 'staff');
    await page.getByRole('heading', { name: '受付・対応ボード' }).waitFor();
    await page.getByLabel('窓口番号').selectOption('3');
    const first = await receive(page);
    expect(first.ticket).toBe('A-001');
    await page.locator(`[data-case-id="${first.id}"]`).getByText('A-001').waitFor();
    await tv.page.getByTestId('waiting').filter({ hasText: '1人' }).waitFor({ timeout: 3_000 });

    await page
      .locator(`[data-case-id="${first.id}"]`)
      .getByRole('button', { name: /対応開始/ })
      .click();
    await page
      .getByRole('status')
      .filter({ hasText: `#${first.id} の対応を開始しました(A-001 を 3番窓口へお呼びしています)` })
      .waitFor();

    // The TV polls every second: the call is there within about one, with nothing waiting any more.
    await tv.page.getByTestId('now-ticket').filter({ hasText: 'A-001' }).waitFor({ timeout: 3_000 });
    expect(await tv.page.getByTestId('now-counter').textContent()).toBe('3番窓口へ');
    await tv.page.getByTestId('waiting').filter({ hasText: '0人' }).waitFor({ timeout: 3_000 });
    // After the chime (about a second), the call is said in Japanese.
    await tv.page.waitForFunction(() => (window as unknown as { __spoken: unknown[] }).__spoken.length > 0);
    expect(await spoken(tv.page)).toEqual([
      { text: '受付番号 A の 1 番の方、3 番窓口へお越しください。', lang: 'ja-JP' },
    ]);
    const stored = await ApiClient.signIn(server.baseUrl, 'staff');
    expect((await stored.get<SupportCase>(`/api/cases/${first.id}`)).body).toMatchObject({
      ticket: 'A-001',
      counter: 3,
    });

    // An outage recorded at the desk reaches the room too.
    const manager = await ApiClient.signIn(server.baseUrl, 'manager');
    const recorded = await manager.post('/api/outages', {
      system: 'mykey_platform',
      kind: 'unplanned',
      startsAt: new Date(Date.now() - 10 * 60_000).toISOString(),
      endsAt: new Date(Date.now() + 2 * 3_600_000).toISOString(),
      affects: ['reservation'],
    });
    expect(recorded.status).toBe(201);
    await tv.page
      .getByRole('region', { name: 'メンテナンス・停止のお知らせ' })
      .getByText(/^マイキープラットフォーム: 予約ができません\(\d{1,2}:\d{2} まで\(予定\)\)$/)
      .waitFor({ timeout: 3_000 });
    expect(await seriousViolations(tv.page)).toEqual([]);
    await tv.screenshot('display-1920x1080');
  });

  it('keeps quiet when muted, remembers it, and still shows the next number', async () => {
    await tv.page.getByRole('switch', { name: /音声で呼び出す/ }).click();
    await tv.page.getByRole('switch', { name: '音声で呼び出す: オフ(消音中)', checked: false }).waitFor();

    const { page } = counter;
    await page.getByLabel('窓口番号').selectOption('1');
    const second = await receive(page);
    expect(second.ticket).toBe('A-002');
    await page
      .locator(`[data-case-id="${second.id}"]`)
      .getByRole('button', { name: /対応開始/ })
      .click();

    await tv.page.getByTestId('now-ticket').filter({ hasText: 'A-002' }).waitFor({ timeout: 3_000 });
    expect(await tv.page.getByTestId('now-counter').textContent()).toBe('1番窓口へ');
    // The earlier call moves to the list below.
    await tv.page.getByRole('region', { name: 'これまでにお呼びした番号' }).getByText('A-001').waitFor();
    // Long enough for a chime and a call to have started, had the switch been on.
    await tv.page.waitForTimeout(2_000);
    expect(await spoken(tv.page)).toHaveLength(1);

    await tv.page.reload();
    await tv.page.getByTestId('now-ticket').filter({ hasText: 'A-002' }).waitFor();
    await tv.page.getByRole('switch', { name: '音声で呼び出す: オフ(消音中)', checked: false }).waitFor();
    // Muted, the TV does not ask for sound to be enabled.
    expect(await tv.page.getByRole('button', { name: '音声を有効にする' }).count()).toBe(0);
  });

  it('prints a small ticket with the number for the citizen', async () => {
    const { page } = counter;
    const third = await receive(page);
    await page.getByRole('link', { name: '番号札を印刷' }).click();
    await page.getByTestId('ticket-number').filter({ hasText: third.ticket }).waitFor();
    expect(third.ticket).toBe('A-003');
    await page.getByText('茅ヶ崎市役所 本庁舎 情報推進課').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    await counter.screenshot('ticket-print');
    expect(await page.locator('mg-shell .toolbar').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
  });

  it('tells citizens on the congestion page of maintenance announced ahead', async () => {
    const manager = await ApiClient.signIn(server.baseUrl, 'manager');
    const startsAt = new Date(Date.now() + 3 * 24 * 3_600_000);
    const planned = await manager.post('/api/outages', {
      system: 'mykey_platform',
      kind: 'planned',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
      affects: ['reservation', 'application'],
    });
    expect(planned.status).toBe(201);
    const page = await tv.context.newPage();
    await page.goto(`${server.baseUrl}/congestion`);
    const notice = page.getByRole('region', { name: 'メンテナンス・停止のお知らせ' });
    await notice
      .getByRole('listitem')
      .filter({ hasText: 'マイキープラットフォーム: 予約・申込みができません' })
      .waitFor();
    expect(await notice.getByRole('listitem').first().textContent()).toMatch(/^予定/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});
