import { join } from 'node:path';
import type { Outage, Page as ApiPage, StatsSummary } from '@madoguchi/contracts';
import type { Locator, Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { BrowserSession, openBrowser, SCREENSHOTS } from '../support/browser';
import { at } from '../support/elements';
import { RunningServer, startServer } from '../support/server';
import { jst } from '../support/visits';
import { seriousViolations } from './accessibility';
import { signInAt } from './session';

interface Box {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Pairs of boxes that share any area, named by their texts. */
function overlapping(boxes: Box[]): string[] {
  const found: string[] = [];
  boxes.forEach((a, i) =>
    boxes.slice(i + 1).forEach((b) => {
      const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
      if (!apart) found.push(`${a.text} / ${b.text}`);
    }),
  );
  return found;
}

/** How many lines the text of each element takes (the distinct tops of its line boxes), by its text. */
async function linesOf(elements: Locator): Promise<Record<string, number>> {
  return elements.evaluateAll((nodes) =>
    Object.fromEntries(
      nodes.map((node) => {
        const range = document.createRange();
        range.selectNodeContents(node);
        const tops = new Set(
          Array.from(range.getClientRects())
            .filter((r) => r.width > 0)
            .map((r) => Math.round(r.top)),
        );
        return [node.textContent?.trim() ?? '', tops.size];
      }),
    ),
  );
}

async function outagesNoted(api: ApiClient, note: string): Promise<Outage[]> {
  const answer = await api.get<ApiPage<Outage>>('/api/outages?pageSize=500');
  return answer.body.items.filter((o) => o.note === note);
}

async function checked(dialog: Locator, label: string): Promise<boolean> {
  return dialog.getByRole('checkbox', { name: label, exact: true }).isChecked();
}

/**
 * The 予約 and 申込み boxes as soon as they show `expected`, or as they are after 5 s: Angular ticks them just after
 * the click, and reading them at once raced it on a busy machine.
 */
async function boxes(dialog: Locator, expected: [boolean, boolean]): Promise<[boolean, boolean]> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const now: [boolean, boolean] = [await checked(dialog, '予約'), await checked(dialog, '申込み')];
    if ((now[0] === expected[0] && now[1] === expected[1]) || Date.now() > deadline) return now;
    await new Promise((settle) => setTimeout(settle, 50));
  }
}

describe('a manager recording and ending outages at 1366×768', () => {
  let server: RunningServer;
  let session: BrowserSession;
  let page: Page;
  let api: ApiClient;

  beforeAll(async () => {
    server = await startServer({ DEMO_CASES: '0' });
    session = await openBrowser({ width: 1366, height: 768 });
    page = session.page;
    api = await ApiClient.signIn(server.baseUrl, 'manager');
    await signInAt(page, server.baseUrl, '/outages', 'manager');
    await page.getByRole('heading', { name: '障害・停止の記録' }).waitFor();
  });
  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });

  it('stops what the chosen system stops, until the manager ticks the boxes by hand', async () => {
    await page.getByRole('button', { name: '新しく記録' }).click();
    const dialog = page.getByRole('dialog', { name: '障害・停止を記録' });
    await dialog.waitFor();
    const system = dialog.getByRole('radiogroup', { name: '止まったもの' });

    // The MyKey Platform is the default system; its maintenance stops both, as the announced window of July 2020 did.
    expect(await boxes(dialog, [true, true])).toEqual([true, true]);

    await system.getByRole('radio', { name: '決済サービス' }).click();
    expect(await boxes(dialog, [false, true])).toEqual([false, true]);
    expect(await dialog.getByText('止まるのは、その決済サービスへの申込みだけです。予約は続けられます。').count()).toBe(
      1,
    );
    expect(await seriousViolations(page)).toEqual([]);
    await session.screenshot('outage-form-payment-service');

    await system.getByRole('radio', { name: '窓口の端末' }).click();
    expect(await boxes(dialog, [true, true])).toEqual([true, true]);

    // A choice made by hand stays when the system changes.
    await dialog.getByRole('checkbox', { name: '申込み', exact: true }).uncheck();
    await system.getByRole('radio', { name: '決済サービス' }).click();
    expect(await boxes(dialog, [true, false])).toEqual([true, false]);
    await system.getByRole('radio', { name: 'マイキープラットフォーム' }).click();
    expect(await boxes(dialog, [true, false])).toEqual([true, false]);

    await dialog.getByRole('button', { name: 'キャンセル' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('asks before recording an outage going on now, and records nothing when the manager goes back', async () => {
    const note = '確認して取りやめた停止';
    await page.getByRole('button', { name: '新しく記録' }).click();
    const form = page.getByRole('dialog', { name: '障害・停止を記録' });
    await form.getByLabel('メモ').fill(note);
    await form.getByRole('button', { name: '記録する' }).click();

    const confirm = page.getByRole('dialog', { name: '停止中として記録しますか' });
    await confirm.waitFor();
    const text = (await confirm.textContent()) ?? '';
    expect(text).toContain('いま起きているものとして記録します');
    expect(text).toContain('マイキープラットフォーム');
    expect(text).toContain('予約・申込み');
    expect(text).toContain('未定(継続中)');
    // The safe answer has the focus, so Enter by habit does not record anything.
    await page.waitForFunction(() => document.activeElement?.textContent?.trim() === '入力に戻る');
    expect(await seriousViolations(page)).toEqual([]);
    await session.screenshot('outage-confirm-now');

    await page.keyboard.press('Enter');
    await confirm.waitFor({ state: 'detached' });
    expect(await form.isVisible()).toBe(true);
    expect(await outagesNoted(api, note)).toEqual([]);

    await form.getByRole('button', { name: 'キャンセル' }).click();
    await form.waitFor({ state: 'detached' });
    expect(await outagesNoted(api, note)).toEqual([]);
  });

  it('records a past outage without asking', async () => {
    const note = '過去の端末障害';
    await page.getByRole('button', { name: '新しく記録' }).click();
    const form = page.getByRole('dialog', { name: '障害・停止を記録' });
    await form.getByRole('radiogroup', { name: '止まったもの' }).getByRole('radio', { name: '窓口の端末' }).click();
    await form.getByLabel('開始日時').fill('2020-09-08T10:20');
    await form.getByLabel('終了日時').fill('2020-09-08T11:00');
    await form.getByLabel('メモ').fill(note);
    await form.getByRole('button', { name: '記録する' }).click();
    await form.waitFor({ state: 'detached' });

    const saved = at(await outagesNoted(api, note), 0);
    expect(saved).toMatchObject({
      system: 'terminal',
      startsAt: '2020-09-08T01:20:00.000Z',
      endsAt: '2020-09-08T02:00:00.000Z',
      affects: ['reservation', 'application'],
    });
    // The default period (a month either side of today) does not reach 2020: it widens to show the new row.
    const row = page.locator(`#outage-row-${saved.id}`);
    await row.waitFor();
    // Dates read as a Japanese office writes them.
    expect(await page.getByLabel('期間(から)').inputValue()).toBe('2020/09/08');
    expect(await row.textContent()).toContain('2020年9月8日(火) 10:20 〜 11:00');
  });

  it('after recording an outage now, shows its row even though the list was showing September 2020', async () => {
    await page.getByLabel('期間(から)').fill('2020/09/01');
    await page.getByLabel('期間(まで)').fill('2020/9/30');
    await page.getByRole('button', { name: '表示', exact: true }).click();
    await page.getByRole('row').filter({ hasText: '過去の端末障害' }).waitFor();

    const note = '臨時メンテナンス(確認のうえ記録)';
    await page.getByRole('button', { name: '新しく記録' }).click();
    const form = page.getByRole('dialog', { name: '障害・停止を記録' });
    await form.getByLabel('メモ').fill(note);
    await form.getByRole('button', { name: '記録する' }).click();
    const confirm = page.getByRole('dialog', { name: '停止中として記録しますか' });
    await confirm.getByRole('button', { name: '停止中として記録する' }).click();
    await form.waitFor({ state: 'detached' });

    const saved = at(await outagesNoted(api, note), 0);
    expect(saved.endsAt).toBeNull();
    const row = page.locator(`#outage-row-${saved.id}`);
    await row.waitFor();
    expect(await row.textContent()).toContain('継続中');
    // The row is marked and has the focus, so the keyboard continues from it.
    await page.waitForFunction((id) => document.activeElement?.id === `outage-row-${id}`, saved.id);
    expect(await row.getAttribute('class')).toContain('just-saved');
    expect(await page.getByLabel('期間(から)').inputValue()).toBe('2020/09/01');
    expect(await page.getByLabel('期間(まで)').inputValue()).not.toBe('2020/09/30');
    const status = page.getByRole('status').filter({ hasText: `#${saved.id} を記録しました` });
    expect(await status.textContent()).toContain('表示する期間を');
    // The older outage is still listed with it.
    expect(await page.getByRole('row').filter({ hasText: '過去の端末障害' }).count()).toBe(1);
    await session.screenshot('outages-new-row-shown');
  });

  it('keeps the action buttons of every row on one line at 1366 px', async () => {
    const buttons = page.locator('table.outage-list tbody .actions button');
    expect(await buttons.count()).toBeGreaterThanOrEqual(5);
    const lines = await linesOf(page.locator('table.outage-list tbody .actions button .mdc-button__label'));
    expect(Object.values(lines).every((n) => n === 1)).toBe(true);
    const rows = await page
      .locator('table.outage-list tbody tr')
      .evaluateAll((trs) =>
        trs.map(
          (tr) =>
            new Set(Array.from(tr.querySelectorAll('.actions button')).map((b) => b.getBoundingClientRect().top)).size,
        ),
      );
    expect(rows.every((tops) => tops <= 1)).toBe(true);
    const headers = await linesOf(page.locator('table.outage-list thead th'));
    expect(Object.values(headers).every((n) => n === 1)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);

    // On a tablet the buttons stack, still one line each, and the table fits without scrolling sideways.
    await page.setViewportSize({ width: 768, height: 1024 });
    try {
      const tablet = await linesOf(page.locator('table.outage-list tbody .actions button .mdc-button__label'));
      expect(Object.values(tablet).every((n) => n === 1)).toBe(true);
      const wrap = await page
        .locator('.data-table-wrap')
        .evaluate((element) => element.scrollWidth - element.clientWidth);
      await session.screenshot('outages-tablet');
      expect(wrap).toBeLessThanOrEqual(0);
    } finally {
      await page.setViewportSize({ width: 1366, height: 768 });
    }
  });

  it('asks before ending an outage, ends nothing when told not to, and ends it when confirmed', async () => {
    const note = '臨時メンテナンス(確認のうえ記録)';
    const ongoing = at(await outagesNoted(api, note), 0);
    const row = page.locator(`#outage-row-${ongoing.id}`);
    // The marked row keeps its red "ongoing" readable (checked before a dialog's backdrop dims the page).
    expect(await seriousViolations(page)).toEqual([]);

    await row.getByRole('button', { name: '終了にする' }).click();
    const confirm = page.getByRole('dialog', { name: `#${ongoing.id} を終了にしますか` });
    await confirm.waitFor();
    const text = (await confirm.textContent()) ?? '';
    expect(text).toContain('終わったものとして記録します');
    expect(text).toContain('マイキープラットフォーム');
    await session.screenshot('outage-confirm-end');
    await confirm.getByRole('button', { name: '終了にしない' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect((await outagesNoted(api, note))[0]?.endsAt).toBeNull();
    expect(await row.textContent()).toContain('継続中');

    // Escape is "no" as well.
    await row.getByRole('button', { name: '終了にする' }).click();
    await confirm.waitFor();
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    expect((await outagesNoted(api, note))[0]?.endsAt).toBeNull();

    await row.getByRole('button', { name: '終了にする' }).click();
    await confirm.getByRole('button', { name: '終了にする' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `#${ongoing.id} を終了にしました` })
      .waitFor();
    const ended = at(await outagesNoted(api, note), 0);
    expect(ended.endsAt).not.toBeNull();
    expect(Date.parse(ended.endsAt ?? '')).toBeGreaterThan(Date.parse(ended.startsAt));
    await row.filter({ hasNotText: '継続中' }).waitFor();
  });
});

describe('the monthly report on paper', () => {
  let server: RunningServer;
  let session: BrowserSession;

  beforeAll(async () => {
    server = await startServer({ DEMO_CASES: '6000' });
    session = await openBrowser({ width: 1366, height: 768 });
    // Outages on four days in a row next to the demo's terminal fault of 8 September, two of them on one day: their
    // marks in the daily chart would sit on top of each other.
    const api = await ApiClient.signIn(server.baseUrl, 'manager');
    const outages: [string, string, 'mykey_platform' | 'terminal'][] = [
      ['2020-09-09 10:00', '2020-09-09 11:00', 'mykey_platform'],
      ['2020-09-09 14:00', '2020-09-09 14:30', 'terminal'],
      ['2020-09-10 10:00', '2020-09-10 11:00', 'terminal'],
      ['2020-09-11 10:00', '2020-09-11 11:00', 'mykey_platform'],
    ];
    for (const [from, to, system] of outages) {
      const answer = await api.post('/api/outages', {
        system,
        kind: 'unplanned',
        startsAt: jst(from),
        endsAt: jst(to),
        affects: ['reservation', 'application'],
        note: `印刷確認用 ${from}`,
      });
      expect(answer.status).toBe(201);
    }
  });
  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });

  async function showPrinted(month: string): Promise<Page> {
    const { page } = session;
    await page.emulateMedia({ media: 'screen' });
    await page.goto(`${server.baseUrl}/reports/monthly?month=${month}`);
    await page.locator('.sheet section[aria-labelledby="daily-title"] svg text').first().waitFor();
    await page.locator('.sheet section[aria-labelledby="reasons-title"] svg text').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    return page;
  }

  async function textBoxes(page: Page, section: string): Promise<Box[]> {
    // Each text's em box: its width, and the font size centred on its line (the bounding box adds the font's ascent
    // and descent, which would make two lines of one label seem to overlap though their letters do not).
    return page.locator(`.sheet section[aria-labelledby="${section}"] svg text`).evaluateAll((texts) =>
      texts
        .map((t) => ({
          text: t.textContent ?? '',
          rect: t.getBoundingClientRect(),
          size: parseFloat(getComputedStyle(t).fontSize),
        }))
        .filter(({ text, rect }) => text.trim() && rect.width > 0)
        .map(({ text, rect, size }) => ({
          text,
          x: rect.x,
          y: rect.y + (rect.height - size) / 2,
          width: rect.width,
          height: size,
        })),
    );
  }

  async function expectHeadersWhole(page: Page): Promise<void> {
    const headers = page.locator('.sheet th');
    const lines = await linesOf(headers);
    expect(Object.entries(lines).filter(([, n]) => n !== 1)).toEqual([]);
    const clipped = await headers.evaluateAll((ths) =>
      ths.filter((th) => th.scrollWidth > th.clientWidth).map((th) => th.textContent),
    );
    expect(clipped).toEqual([]);
    const sheetWidth = await page.locator('.sheet').evaluate((sheet) => sheet.clientWidth);
    const tableWidths = await page.locator('.sheet table').evaluateAll((tables) => tables.map((t) => t.scrollWidth));
    expect(tableWidths.filter((width) => width > sheetWidth)).toEqual([]);
  }

  it('numbers the outages in the chart as in its table, with no label on top of another', async () => {
    const { page } = session;
    await signInAt(page, server.baseUrl, '/reports/monthly?month=2020-09', 'manager');
    await showPrinted('2020-09');

    const rows = page.locator('.outage-table tbody tr');
    expect(await rows.count()).toBe(5);
    expect(await rows.locator('td.mark').allTextContents()).toEqual(['①', '②', '③', '④', '⑤']);
    expect(await rows.first().textContent()).toContain('9月8日(火) 10:20–11:00');

    const daily = await textBoxes(page, 'daily-title');
    const marks = daily.filter((box) => /^[①-⑳]$/.test(box.text));
    expect(marks.map((box) => box.text).sort()).toEqual(['①', '②', '③', '④', '⑤']);
    expect(overlapping(daily)).toEqual([]);
    expect(overlapping(await textBoxes(page, 'reasons-title'))).toEqual([]);
    // The reasons are written whole, not cut with "…".
    const reasons = (await textBoxes(page, 'reasons-title')).map((box) => box.text);
    expect(reasons.some((text) => text.includes('…'))).toBe(false);
    await session.screenshot('monthly-report-2020-09-printed');
  });

  it('prints table headers on one line, words whole, within the A4 width', async () => {
    const page = await showPrinted('2020-09');
    await expectHeadersWhole(page);
    const pdf = await page.pdf({ path: join(SCREENSHOTS, 'monthly-report-2020-09.pdf'), format: 'A4' });
    // Chromium writes one "/Type /Page" object per sheet: the month fits on two A4 sheets.
    const sheets = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(sheets.length).toBeGreaterThanOrEqual(1);
    expect(sheets.length).toBeLessThanOrEqual(2);

    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('radio', { name: 'English' }).click();
    await page.getByRole('heading', { name: /monthly report, September 2020/ }).waitFor();
    await page.emulateMedia({ media: 'print' });
    await expectHeadersWhole(page);
    // The English reasons are longer: they break onto a second line without running into their neighbours.
    const reasons = await textBoxes(page, 'reasons-title');
    expect(reasons.some((box) => box.text.startsWith('Payment service cannot be applied'))).toBe(true);
    expect(overlapping(reasons)).toEqual([]);
    expect(overlapping(await textBoxes(page, 'daily-title'))).toEqual([]);
    await session.screenshot('monthly-report-2020-09-printed-english');
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('radio', { name: '日本語' }).click();
  });

  it('writes its counts with thousands separators', async () => {
    const page = await showPrinted('2020-09');
    const api = await ApiClient.signIn(server.baseUrl, 'manager');
    const summary = await api.get<StatsSummary>('/api/stats/summary?from=2020-09-01&to=2020-09-30');
    const total = summary.body.total;
    expect(total).toBeGreaterThanOrEqual(1000);
    const row = page.locator('table.figures tbody tr').first();
    expect(await row.locator('td').first().textContent()).toBe(`${total.toLocaleString('ja-JP')}件`);
    expect(await row.locator('td').first().textContent()).toMatch(/^\d{1,3}(,\d{3})+件$/);
  });
});
