/*
 * A manager follows a number on the dashboard to the cases behind it: the case list's total equals the number clicked,
 * with the period and the filter bar carried along. The demo season gives two sites, several staff and outages.
 */
import type { Page as CasePage, Site, StatsSummary, SupportCase } from '@madoguchi/contracts';
import type { Locator, Page, Route } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { BrowserSession, openBrowser } from '../support/browser';
import { RunningServer, startServer } from '../support/server';
import { seriousViolations } from './accessibility';
import { signInAt } from './session';

const SEPTEMBER = 'from=2020-09-01&to=2020-09-30';

/** A figure as the manager reads it, e.g. "1,234" or "12件", as a number. */
function figure(text: string | null): number {
  const digits = (text ?? '').replace(/[^\d]/g, '');
  if (!digits) throw new Error(`no number in "${text}"`);
  return Number(digits);
}

describe('following a dashboard number to its cases', () => {
  let server: RunningServer;
  let session: BrowserSession;
  let manager: ApiClient;

  /** The API's total for the case list's current address: the same query the page sends. */
  const apiTotalOf = async (page: Page) => {
    const answer = await manager.get<CasePage<SupportCase>>(`/api/cases${new URL(page.url()).search}`);
    expect(answer.status).toBe(200);
    return answer.body.total;
  };

  /** The total the case list shows once its request is back. */
  const shownTotal = async (page: Page) => {
    await page.getByRole('heading', { name: 'ケース一覧' }).waitFor();
    const summary = page.locator('.summary');
    await summary.filter({ hasText: /\d\s*件/ }).waitFor();
    return figure(/([\d,]+)\s*件/.exec((await summary.textContent()) ?? '')?.[1] ?? null);
  };

  /** Clicks a drill-down link, then checks the case list against the number that was on it. */
  const followAndCount = async (page: Page, link: Locator, expectedParams: RegExp) => {
    const clicked = figure(await link.textContent());
    await link.click();
    await page.waitForURL(expectedParams);
    expect(await apiTotalOf(page)).toBe(clicked);
    expect(await shownTotal(page)).toBe(clicked);
    return clicked;
  };

  const openDashboard = async (page: Page, query: string) => {
    await page.goto(`${server.baseUrl}/dashboard?${query}`);
    await page.getByRole('heading', { name: '統計ダッシュボード' }).waitFor();
  };

  /** Every panel has drawn: no skeleton is left. */
  const allPanelsDrawn = (page: Page) => page.waitForFunction(() => !document.querySelector('.skeleton'));

  beforeAll(async () => {
    server = await startServer({ DEMO_CASES: '3000' });
    session = await openBrowser({ width: 1366, height: 900 });
    manager = await ApiClient.signIn(server.baseUrl, 'manager');
    await signInAt(session.page, server.baseUrl, `/dashboard?${SEPTEMBER}`, 'manager');
  });
  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });

  it('opens the cases of a heatmap cell: its weekday and hour over the period', async () => {
    const { page } = session;
    await openDashboard(page, SEPTEMBER);
    const table = page.locator('[data-table="heatmap"]');
    await table.locator('summary').click();
    // The busiest cell of the month, read from the accessible table beside the chart.
    const cells = table.locator('a[data-weekday]');
    await cells.first().waitFor();
    const counts = (await cells.allTextContents()).map(figure);
    const busiest = cells.nth(counts.indexOf(Math.max(...counts)));
    const weekday = await busiest.getAttribute('data-weekday');
    const hour = await busiest.getAttribute('data-hour');
    const clicked = await followAndCount(
      page,
      busiest,
      new RegExp(`/cases\\?from=2020-09-01&to=2020-09-30&weekday=${weekday}&hour=${hour}$`),
    );
    expect(clicked).toBeGreaterThan(0);
    await session.screenshot('drill-down-heatmap-cell');
  });

  it('opens the completed cases of a payment service bar', async () => {
    const { page } = session;
    await openDashboard(page, SEPTEMBER);
    const table = page.locator('[data-table="payment"]');
    await table.locator('summary').click();
    const completed = table.locator('tbody tr').first().locator('a[data-status="completed"]');
    const clicked = await followAndCount(page, completed, /\/cases\?.*paymentServiceId=\d+&status=completed/);
    expect(clicked).toBeGreaterThan(0);
  });

  it('opens a staff member’s cases, and their not-completed ones', async () => {
    const { page } = session;
    await openDashboard(page, SEPTEMBER);
    const row = page.locator('[data-table="staff"] tbody tr').first();
    const clicked = await followAndCount(page, row.locator('a[data-figure="cases"]'), /\/cases\?.*staff=\w+$/);
    expect(clicked).toBeGreaterThan(0);
    await page.goBack();
    await followAndCount(
      page,
      page.locator('[data-table="staff"] tbody tr').first().locator('a[data-figure="notCompleted"]'),
      /\/cases\?.*staff=\w+&status=not_completed$/,
    );
  });

  it('opens a funnel step and the return visits by the cases they count', async () => {
    const { page } = session;
    await openDashboard(page, SEPTEMBER);
    const funnel = page.locator('[data-table="funnel"]');
    await followAndCount(
      page,
      funnel.locator('[data-step="reservation"] a[data-figure="done"]'),
      /segment=reservationDone$/,
    );
    await page.goBack();
    await followAndCount(
      page,
      page.locator('[data-table="funnel"] [data-step="returnVisits"] a[data-figure="attempted"]'),
      /segment=returnVisit$/,
    );
  });

  it('opens a day’s not-completed cases from the table beside the daily chart', async () => {
    const { page } = session;
    await openDashboard(page, SEPTEMBER);
    const table = page.locator('[data-table="daily"]');
    await table.locator('summary').click();
    const notCompleted = table.locator('a[data-figure="not_completed"]');
    await notCompleted.first().waitFor();
    const counts = (await notCompleted.allTextContents()).map(figure);
    const most = notCompleted.nth(counts.indexOf(Math.max(...counts)));
    const day = await most.locator('xpath=ancestor::tr').getAttribute('data-date');
    await followAndCount(page, most, new RegExp(`/cases\\?from=${day}&to=${day}&status=not_completed$`));
  });

  it('opens the cases of a procedure', async () => {
    const { page } = session;
    await openDashboard(page, SEPTEMBER);
    await followAndCount(
      page,
      page.locator('[data-table="procedures"] [data-procedure="application"] a'),
      /procedure=application$/,
    );
  });

  it('narrows every figure by the filter bar and carries it to the case list', async () => {
    const { page } = session;
    const sites = (await manager.get<Site[]>('/api/sites')).body;
    const second = sites[1];
    if (!second) throw new Error('the demo data has two sites');
    await openDashboard(page, SEPTEMBER);
    await page.getByRole('combobox', { name: '窓口(拠点)' }).click();
    await page.getByRole('option', { name: second.name }).click();
    await page.waitForURL(new RegExp(`siteId=${second.id}`));

    // The total tile shows the site's own figure, the one the API gives for the same filter.
    const expected = (await manager.get<StatsSummary>(`/api/stats/summary?${SEPTEMBER}&siteId=${second.id}`)).body;
    const total = page.locator('[data-kpi="total"] a.kpi-value');
    const siteTotal = new RegExp(`^\\s*${expected.total.toLocaleString('ja-JP')}件\\s*$`);
    await total.filter({ hasText: siteTotal }).waitFor();
    await session.screenshot('drill-down-filtered-by-site');
    // A reload keeps the filter: it lives in the address.
    await page.reload();
    await total.filter({ hasText: siteTotal }).waitFor();
    await allPanelsDrawn(page);
    expect(await seriousViolations(page)).toEqual([]);

    await followAndCount(
      page,
      page.locator('[data-kpi="total"] a[data-status="not_completed"]'),
      new RegExp(`siteId=${second.id}.*status=not_completed|status=not_completed.*siteId=${second.id}`),
    );
    expect(await apiTotalOf(page)).toBe(expected.byStatus.not_completed);
  });

  it('opens the cases an outage turned away, and the tile of all outages leads to that table', async () => {
    const { page } = session;
    await openDashboard(page, SEPTEMBER);
    const links = page.locator('a[data-drill="turnedAway"]');
    await links.first().waitFor();
    const counts = (await links.allTextContents()).map(figure);
    const most = links.nth(counts.indexOf(Math.max(...counts)));
    const clicked = await followAndCount(page, most, /\/cases\?turnedAwayBy=\d+$/);
    expect(clicked).toBeGreaterThan(0);

    await page.goBack();
    // Each outage's cases and the tile of all outages open exactly the cases that arrived while they went on.
    await followAndCount(page, page.locator('a[data-drill="arrivedDuring"]').first(), /\/cases\?arrivedDuring=\d+$/);
    await page.goBack();
    await followAndCount(page, page.locator('[data-kpi="duringOutages"] a').first(), /duringOutages=true/);
    await page.goBack();
    await page.locator('[data-kpi="duringOutages"]').getByRole('button', { name: '停止ごとの内訳へ' }).click();
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('障害・停止の影響');
  });

  it('fits a tablet without sideways scrolling', async () => {
    const { page } = session;
    await page.setViewportSize({ width: 768, height: 1024 });
    try {
      await openDashboard(page, `${SEPTEMBER}&channel=counter`);
      await allPanelsDrawn(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
      await session.screenshot('dashboard-768-filtered');
    } finally {
      await page.setViewportSize({ width: 1366, height: 900 });
    }
  });

  it('draws each panel as its own answer arrives and keeps a failure inside its panel', async () => {
    const { page } = session;
    let releaseFunnel: () => void = () => undefined;
    const funnelHeld = new Promise<void>((resolve) => (releaseFunnel = resolve));
    const holdFunnel = async (route: Route) => {
      await funnelHeld;
      await route.continue();
    };
    const failHeatmap = (route: Route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/problem+json',
        body: JSON.stringify({ type: 'about:blank', title: 'Unavailable', status: 503, detail: '集計に失敗しました' }),
      });
    await page.route('**/api/stats/funnel?*', holdFunnel);
    await page.route('**/api/stats/heatmap?*', failHeatmap);
    try {
      await openDashboard(page, 'from=2020-10-01&to=2020-10-31');
      // The tiles are drawn while the funnel is still out: it shows its skeleton meanwhile.
      await page.locator('[data-kpi="total"] .kpi-value').waitFor();
      const funnel = page.getByRole('region', { name: '予約から申込みまで' });
      expect(await funnel.getAttribute('aria-busy')).toBe('true');
      expect(await funnel.locator('.skeleton').count()).toBe(1);
      const heatmap = page.getByRole('region', { name: '曜日・時間帯別の来庁者数' });
      expect(await heatmap.getByRole('alert').textContent()).toContain('集計に失敗しました');
      await page.locator('[data-chart="daily"] canvas').first().waitFor();
      await session.screenshot('dashboard-panel-loading-and-error');

      releaseFunnel();
      await funnel.locator('[data-chart="funnel"] canvas').first().waitFor();
      expect(await funnel.getAttribute('aria-busy')).toBe('false');
      expect(await page.getByRole('alert').count()).toBe(1);
    } finally {
      releaseFunnel();
      await page.unroute('**/api/stats/funnel?*', holdFunnel);
      await page.unroute('**/api/stats/heatmap?*', failHeatmap);
    }
  });
});
