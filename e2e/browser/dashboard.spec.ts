import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { StatsSummary } from '@madoguchi/contracts';
import { ApiClient, DEMO_PASSWORD } from '../support/api-client';
import { BrowserSession, openBrowser } from '../support/browser';
import { RunningServer, startServer } from '../support/server';

/** The value on a KPI tile, as the manager reads it. */
async function kpiValue(page: Page, key: string): Promise<string> {
  return ((await page.locator(`[data-kpi="${key}"] .kpi-value`).textContent()) ?? '').trim();
}

describe('a manager reading the statistics', () => {
  let server: RunningServer;
  let session: BrowserSession;

  beforeAll(async () => {
    server = await startServer({ DEMO_CASES: '3000' });
    session = await openBrowser();
  });
  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });

  it('changes the period and drills down from the heatmap to the case list', async () => {
    const { page } = session;
    await page.goto(`${server.baseUrl}/dashboard`);
    await page.getByLabel('ユーザー名').fill('manager');
    await page.getByLabel('パスワード').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'サインイン' }).click();

    await page.getByRole('heading', { name: '統計ダッシュボード' }).waitFor();
    // The whole programme is the default period.
    await page.locator('[data-kpi="total"] .kpi-value').waitFor();
    const programmeTotal = await kpiValue(page, 'total');
    expect(Number(programmeTotal.replace(/\D/g, ''))).toBeGreaterThan(0);
    expect(await page.getByText('比較対象: 直前の同じ長さの期間').textContent()).toContain('2018年');

    await page.locator('mat-button-toggle', { hasText: '2020年度' }).click();
    await page.waitForURL(/from=2020-04-01&to=2021-03-31/);
    await page.waitForFunction(
      (before) => document.querySelector('[data-kpi="total"] .kpi-value')?.textContent?.trim() !== before,
      programmeTotal,
    );
    expect(await kpiValue(page, 'total')).not.toBe(programmeTotal);
    await page.locator('[data-chart="heatmap"] canvas').first().waitFor();
    // The charts' aria-labels carry their message as text.
    expect(await page.locator('[data-chart="heatmap"]').getAttribute('aria-label')).toMatch(
      /最も多いのは.曜日の\d+時台/,
    );
    await session.screenshot('dashboard-fy2020');

    // The export goes through the API with the session cookie and arrives as a file Excel opens in Japanese.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'CSV(日本語)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync((await download.path()) ?? '');
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    // The heatmap's grid: 56 px left, 16 px right, 8 px top and 64 px bottom; 9 hours (8–16) × 6 weekdays (Mon–Sat).
    const heatmap = page.locator('[data-chart="heatmap"]');
    // The mouse only reaches what is inside the viewport.
    await heatmap.scrollIntoViewIfNeeded();
    const box = await heatmap.boundingBox();
    if (!box) throw new Error('the heatmap is not on screen');
    const cellX = box.x + 56 + ((10 - 8 + 0.5) / 9) * (box.width - 72);
    const cellY = box.y + 8 + ((2 - 1 + 0.5) / 6) * (box.height - 72);
    // The tooltip names the cell's arrivals and its median wait.
    await page.mouse.move(cellX, cellY);
    await heatmap.filter({ hasText: '火曜日 10時台' }).waitFor();
    const tooltip = (await heatmap.textContent()) ?? '';
    expect(tooltip).toMatch(/火曜日 10時台.*来庁 \d+人.*待ち時間\(中央値\) [\d.]+分/);
    const arrivals = /来庁 ([\d,]+)人/.exec(tooltip)?.[1] ?? '';
    await session.screenshot('dashboard-heatmap-tooltip');
    await page.mouse.click(cellX, cellY);

    // Tuesday 10:00 opens the cases that arrived on a Tuesday in the 10 o'clock hour of FY2020: as many as the cell says.
    await page.waitForURL(/\/cases\?from=2020-04-01&to=2021-03-31&weekday=2&hour=10$/);
    await page.getByRole('heading', { name: 'ケース一覧' }).waitFor();
    await page
      .locator('.summary')
      .filter({ hasText: new RegExp(`(^|\\D)${arrivals}\\s*件`) })
      .waitFor();
    await page.getByRole('row').nth(1).waitFor();
    await session.screenshot('dashboard-drill-down-case-list');
  });

  it('drills down from a failure reason to its not-completed cases', async () => {
    const { page } = session;
    await page.goBack();
    await page.getByRole('heading', { name: '統計ダッシュボード' }).waitFor();
    const reasons = page.getByRole('img', { name: /完了できなかった理由のパレート図/ });
    await reasons.locator('canvas').first().waitFor();
    await reasons.scrollIntoViewIfNeeded();
    const box = await reasons.boundingBox();
    if (!box) throw new Error('the reasons chart is not on screen');
    // Horizontal bars, largest on top: the plot starts below the legend (36 px) and the % axis labels (~20 px).
    const rows = Number(await reasons.getAttribute('data-rows'));
    const rowHeight = (box.height - 56 - 30) / rows;
    await page.mouse.click(box.x + box.width * 0.6, box.y + 56 + rowHeight / 2);
    await page.waitForURL(/\/cases\?.*status=not_completed&reason=\w+/);
    expect(page.url()).toContain('from=2020-04-01');
  });

  it('shows the share served within the waiting-time target as the API counts it, per day and hour', async () => {
    const { page } = session;
    const manager = await ApiClient.signIn(server.baseUrl, 'manager');
    const summary = (await manager.get<StatsSummary>('/api/stats/summary?from=2020-11-01&to=2020-11-30')).body;
    const { minutes, served, withinTarget } = summary.waitTarget;
    expect(served).toBeGreaterThan(0);
    const share = (Math.round((withinTarget / served) * 1000) / 10).toLocaleString('ja');
    await page.goto(`${server.baseUrl}/dashboard?from=2020-11-01&to=2020-11-30`);
    const headline = page.locator('[data-figure="waitTarget"]');
    await headline.waitFor();
    expect((await headline.textContent())?.trim()).toBe(
      `${minutes}分以内に対応を始めた割合: ${share}%(${withinTarget.toLocaleString('ja')}人 / ${served.toLocaleString('ja')}人)`,
    );
    const hours = page.locator('[data-table="wait-target-hours"]');
    await hours.locator('summary').click();
    await hours.getByRole('rowheader', { name: '10時台' }).waitFor();
    await page.locator('#target-title').scrollIntoViewIfNeeded();
    await session.screenshot('dashboard-wait-target');
  });

  it('lays the dashboard out at 1024 px as well', async () => {
    const { page } = session;
    await page.setViewportSize({ width: 1024, height: 800 });
    await page.goto(`${server.baseUrl}/dashboard?from=2020-07-01&to=2020-07-31`);
    await page.locator('[data-chart="heatmap"] canvas').first().waitFor();
    // What the July outage cost: the MyKey Platform maintenance of 2020-07-23 is listed with its cases.
    const outages = page.getByRole('region', { name: '障害・停止の影響' });
    expect(await outages.getByRole('row').filter({ hasText: '2020年7月23日' }).count()).toBeGreaterThan(0);
    await session.screenshot('dashboard-1024-july-2020');
    await page.getByRole('radio', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Statistics dashboard' }).waitFor();
    expect(await page.locator('[data-chart="heatmap"]').getAttribute('aria-label')).toMatch(
      /The busiest is \w{3} \d+:00/,
    );
    await session.screenshot('dashboard-1024-english');
    await page.getByRole('radio', { name: '日本語' }).click();
    await page.getByRole('heading', { name: '統計ダッシュボード' }).waitFor();
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('prints the monthly report dated in the Japanese era', async () => {
    const { page } = session;
    await page.goto(`${server.baseUrl}/reports/monthly?month=2020-09`);
    const heading = page.getByRole('heading', { level: 1 });
    await heading.waitFor();
    expect(await heading.textContent()).toContain('令和2年9月');
    await page.locator('.sheet svg').first().waitFor();
    await page.getByRole('button', { name: '印刷' }).waitFor();
    await session.screenshot('monthly-report-2020-09');
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: '印刷' }).isVisible()).toBe(false);
    expect(await page.locator('mg-shell .toolbar').first().isVisible()).toBe(false);
    await session.screenshot('monthly-report-2020-09-print');
    await page.emulateMedia({ media: 'screen' });
  });
});

describe('a citizen checking the desk on a phone', () => {
  let server: RunningServer;
  let session: BrowserSession;

  beforeAll(async () => {
    server = await startServer({ DEMO_CASES: '3000' });
    session = await openBrowser({ width: 390, height: 844 });
  });
  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });

  it('opens the congestion page without signing in', async () => {
    const { page } = session;
    await page.goto(`${server.baseUrl}/login`);
    await page.getByRole('link', { name: '窓口の混雑状況(どなたでも)' }).click();
    await page.getByRole('heading', { name: '窓口の混雑状況' }).waitFor();
    await page.getByTestId('desk-state').waitFor();
    expect(page.url()).toMatch(/\/congestion$/);

    // A month of the programme, when the demo data has history: open days carry a forecast, Sundays are closed.
    await page.goto(`${server.baseUrl}/congestion?month=2020-11`);
    await page.getByRole('heading', { name: '2020年11月の混雑予想' }).waitFor();
    await page.locator('table.calendar td.busy, table.calendar td.quiet').first().waitFor();
    expect(await page.locator('table.calendar td.closed').count()).toBeGreaterThanOrEqual(8);
    expect(await page.getByText('過去の来庁者数からの目安').isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: /0120-95-0178/ }).getAttribute('href')).toBe('tel:0120950178');
    // Nothing wider than the phone: no sideways scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await session.screenshot('congestion-phone');
  });
});
