import type { Locator, Page } from 'playwright-core';
import { BrowserSession, openBrowser } from '../support/browser';
import { RunningServer, startServer } from '../support/server';

/** The self-check's questions, as a citizen reads them. */
const Q = {
  procedure: 'お手続きの内容',
  age: 'カードをお持ちの方(ご本人)の年齢',
  certificateChangedAt: '電子証明書を更新・発行した日時(任意)',
  pin: '暗証番号(数字4桁)',
  service: '申し込む決済サービス',
  visitAt: 'ご来庁予定の日時',
};

async function openSelfCheck(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/self-check`);
  await page.getByRole('heading', { name: '来庁前セルフチェック' }).waitFor();
}

async function choose(page: Page, question: string, answer: string): Promise<void> {
  await page.getByRole('radiogroup', { name: question }).getByLabel(answer, { exact: true }).check();
}

/** Presses チェックする and returns the result once it is on screen. */
async function check(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'チェックする' }).click();
  const result = page.getByRole('region', { name: 'チェック結果' });
  await result.waitFor();
  await page.getByRole('button', { name: 'チェックする' }).and(page.locator(':enabled')).waitFor();
  return result;
}

describe('a citizen on a phone, not signed in', () => {
  let server: RunningServer;
  let session: BrowserSession;

  beforeAll(async () => {
    server = await startServer({ DEMO_CASES: '0' });
    session = await openBrowser({ width: 375, height: 667 });
  });
  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });

  it('finds the self-check on the sign-in page', async () => {
    const { page } = session;
    await page.goto(server.baseUrl);
    await page.getByRole('link', { name: '来庁前セルフチェック(どなたでも)' }).click();
    await page.getByRole('heading', { name: '来庁前セルフチェック' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/self-check');
    // Nothing on the page scrolls sideways on a 375 px phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await session.screenshot('self-check-phone-questions');
  });

  it('is sent to the Citizens Division with a locked PIN, and given no time to come', async () => {
    const { page } = session;
    await openSelfCheck(page, server.baseUrl);
    await choose(page, Q.procedure, '予約(マイキーID設定)');
    await page.getByLabel(Q.age).fill('40');
    await choose(page, Q.pin, 'ロックされている(3回間違えた)');
    await page.getByLabel(Q.visitAt).fill('2020-11-19T12:00');

    const result = await check(page);

    expect(await result.textContent()).toContain('暗証番号がロックされています。');
    expect(await result.textContent()).toContain('行き先: 市民課');
    expect(await result.textContent()).not.toContain('最短でお越しいただける日時');
    await session.screenshot('self-check-phone-pin-locked');
  });

  it('is told to come 24 hours after the certificate was renewed, in Japanese date style', async () => {
    const { page } = session;
    await openSelfCheck(page, server.baseUrl);
    await choose(page, Q.procedure, '予約(マイキーID設定)');
    await page.getByLabel(Q.age).fill('30');
    // Thursday 19 November 2020, noon; renewed at 10:00 the same morning. Friday the 20th is an open weekday.
    await page.getByLabel(Q.certificateChangedAt).fill('2020-11-19T10:00');
    await page.getByLabel(Q.visitAt).fill('2020-11-19T12:00');

    const result = await check(page);

    expect(await result.textContent()).toContain('24時間が経過していません');
    expect(await result.locator('.earliest').textContent()).toMatch(
      /最短でお越しいただける日時:\s*2020年11月20日\(金\) 10:00/,
    );
    const hours = page.getByRole('table');
    expect(await hours.getByRole('row').nth(1).textContent()).toContain('2020年11月19日(木)');
    expect(await hours.getByRole('row', { name: /2020年11月23日/ }).textContent()).toContain('休み(勤労感謝の日)');
    await session.screenshot('self-check-phone-certificate-wait');

    await page.getByRole('radio', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Check before you come' }).waitFor();
    const resultInEnglish = page.getByRole('region', { name: 'Result' });
    expect(await resultInEnglish.locator('.earliest').textContent()).toMatch(
      /Earliest time to come:\s*Fri 20 Nov 2020, 10:00/,
    );
    await page.getByRole('radio', { name: '日本語' }).click();
    await page.getByRole('heading', { name: '来庁前セルフチェック' }).waitFor();
  });

  it('names every question, so each input can be found by its label', async () => {
    const { page } = session;
    await openSelfCheck(page, server.baseUrl);
    // Both steps with a service chosen: every question of the page is on screen.
    await choose(page, Q.procedure, '予約と申込み');
    await page.getByLabel(Q.service).selectOption({ label: 'さくら払い' });

    const controls = page.locator('main input, main select, main textarea');
    const names = await controls.evaluateAll((elements) =>
      elements.map((element) => {
        const byIds = (element.getAttribute('aria-labelledby') ?? '')
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' ');
        const byLabels = Array.from((element as HTMLInputElement).labels ?? [], (label) => label.textContent ?? '');
        return (byIds || element.getAttribute('aria-label') || byLabels.join(' ')).replace(/[\s*]+/g, ' ').trim();
      }),
    );
    expect(names.length).toBeGreaterThanOrEqual(15);
    expect(names.filter((name) => !name)).toEqual([]);
    for (const label of Object.values(Q)) {
      expect(await page.getByLabel(label, { exact: true }).count()).toBe(1);
    }
    expect(await page.getByLabel('必要なものをすべて持ってくる').count()).toBe(1);
    expect(await page.getByLabel('「さくら払い」の事前登録(WEB利用者登録等)を済ませた').count()).toBe(1);
  });

  it('can answer with the keyboard alone', async () => {
    const { page } = session;
    await openSelfCheck(page, server.baseUrl);
    for (let i = 0; i < 15; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement?.getAttribute('type'));
      if (focused === 'radio') break;
    }
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.type('52');
    await page.keyboard.press('Enter');

    await page.getByRole('region', { name: 'チェック結果' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('result-title');
  });

  it('hears plainly that the procedure can be done today', async () => {
    const { page } = session;
    // The programme ran in 2020–2021: the phone's clock says Thursday 19 November 2020, 10:00 in Tokyo.
    await page.clock.setFixedTime(new Date('2020-11-19T10:00:00+09:00'));
    await openSelfCheck(page, server.baseUrl);
    expect(await page.getByLabel(Q.visitAt).inputValue()).toBe('2020-11-19T10:00');
    await choose(page, Q.procedure, '予約と申込み');
    await page.getByLabel(Q.age).fill('67');
    await page.getByLabel(Q.service).selectOption({ label: 'ことりペイ' });
    await page.getByLabel('必要なものをすべて持ってくる').check();

    const result = await check(page);

    expect(await result.textContent()).toContain('本日お手続きいただけます');
    expect(await result.textContent()).not.toContain('このままではお手続きできません');
    await session.screenshot('self-check-phone-can-proceed');
  });
});

describe('the self-check on a desktop screen', () => {
  let server: RunningServer;
  let session: BrowserSession;

  beforeAll(async () => {
    server = await startServer({ DEMO_CASES: '0' });
    session = await openBrowser({ width: 1280, height: 800 });
  });
  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });

  it('tells an application for a service the desk cannot apply for where to go', async () => {
    const { page } = session;
    await openSelfCheck(page, server.baseUrl);
    await choose(page, Q.procedure, '申込み');
    await page.getByLabel(Q.age).fill('35');
    await page.getByLabel(Q.service).selectOption({ label: 'みなとPay(手続スポットから申込み不可)' });
    await page.getByLabel(Q.visitAt).fill('2020-11-24T09:00');

    const result = await check(page);

    expect(await result.textContent()).toContain('市役所の端末では申し込めません');
    expect(await result.textContent()).toContain('行き先: 決済サービス事業者');
    await session.screenshot('self-check-desktop-service-not-at-spot');
  });
});
