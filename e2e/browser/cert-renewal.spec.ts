import type { SupportCase } from '@madoguchi/contracts';
import * as holidayJp from '@holiday-jp/holiday_jp';
import { DateTime } from 'luxon';
import { ApiClient } from '../support/api-client';
import { BrowserSession, openBrowser } from '../support/browser';
import { RunningServer, startServer } from '../support/server';
import { seriousViolations } from './accessibility';
import { signInAt } from './session';

/** Support windows kept open past today, so that a case served now has a desk to come back to. */
const OPEN_WINDOWS = { RESERVATION_SUPPORT_TO: '2099-12-31', APPLICATION_SUPPORT_TO: '2099-12-31' };

const WEEKDAYS = ['月', '火', '水', '木', '金', '土', '日'];
/** '2020年11月24日(火) 8:30', as the slip writes an instant. */
const ja = (t: DateTime) => `${t.toFormat('yyyy年M月d日')}(${WEEKDAYS[t.weekday - 1]}) ${t.toFormat('H:mm')}`;

/** The seed's desk hours on a Tokyo day, written out again here: [opens, closes) in minutes, or null when closed. */
function hoursOn(day: DateTime): [number, number] | null {
  const yearEnd = (day.month === 12 && day.day >= 29) || (day.month === 1 && day.day <= 3);
  // The package's own date keys: its Date-based look-ups depend on the process's zone.
  if (yearEnd || Object.hasOwn(holidayJp.holidays, day.toISODate() ?? '')) return null;
  if (day.weekday <= 5) return [8 * 60 + 30, 17 * 60];
  const nthSaturday = Math.ceil(day.day / 7);
  return day.weekday === 6 && (nthSaturday === 2 || nthSaturday === 4) ? [8 * 60 + 30, 12 * 60] : null;
}

/** The first instant at or after `t` when the desk is open. */
function firstOpenFrom(t: DateTime): DateTime {
  for (let day = t.startOf('day'); ; day = day.plus({ days: 1 })) {
    const hours = hoursOn(day);
    if (!hours) continue;
    const minute = day.hasSame(t, 'day') ? t.hour * 60 + t.minute : -1;
    if (minute < hours[0]) return day.plus({ minutes: hours[0] });
    if (minute < hours[1]) return t;
  }
}

describe('the certificate renewal asked at the end of a visit held up by the 24-hour wait', () => {
  let server: RunningServer;
  let session: BrowserSession;
  let staff: ApiClient;

  beforeAll(async () => {
    server = await startServer({ DEMO_CASES: '0', ...OPEN_WINDOWS });
    session = await openBrowser();
    staff = await ApiClient.signIn(server.baseUrl, 'staff');
  });
  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });

  it('asks the renewal time only for that reason, and the slip counts 24 hours from it', async () => {
    const { page } = session;
    const visit = (await staff.post<SupportCase>('/api/cases', { procedure: 'both', ageBand: '40to64' })).body;
    await signInAt(page, server.baseUrl, '/counter', 'staff');
    const card = page.locator(`[data-case-id="${visit.id}"]`);
    await card.waitFor();
    await card.focus();
    await page.keyboard.press('s');
    await page
      .getByRole('status')
      .filter({ hasText: `#${visit.id} の対応を開始しました` })
      .waitFor();

    await page.keyboard.press('f');
    const dialog = page.getByRole('dialog', { name: `#${visit.id} の対応終了` });
    await dialog.waitFor();
    await page.keyboard.press('2');
    const reason = dialog.locator('select[name="reason"]');
    const renewedAt = dialog.getByLabel('電子証明書の更新・発行日時(市民課)');
    await reason.selectOption({ label: '暗証番号ロック(案内先: 市民課)' });
    await dialog.getByText('案内先: 市民課', { exact: true }).waitFor();
    expect(await renewedAt.count()).toBe(0);

    await reason.selectOption({ label: '電子証明書の更新・発行から24時間未経過' });
    await renewedAt.waitFor();
    // Renewed at 市民課 three hours before now, to the minute, on Tokyo's clock.
    const renewal = DateTime.now().setZone('Asia/Tokyo').minus({ hours: 3 }).startOf('minute');
    await renewedAt.fill(renewal.toFormat("yyyy-MM-dd'T'HH:mm"));
    expect(await seriousViolations(page)).toEqual([]);
    await session.screenshot('finish-cert-renewal');
    await reason.focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });

    const finished = (await staff.get<SupportCase>(`/api/cases/${visit.id}`)).body;
    expect(finished).toMatchObject({ reason: 'cert_wait_24h', certRenewedAt: renewal.toUTC().toISO() });

    await page.waitForFunction(() => document.activeElement?.classList.contains('slip-link') ?? false);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/cases/${visit.id}/slip`);
    const slip = page.locator('article.slip');
    await slip.waitFor();
    // 24 hours after the renewal (not after the end of the visit), or the desk's next opening after that.
    const back = firstOpenFrom(renewal.plus({ hours: 24 }));
    const text = (await slip.textContent()) ?? '';
    expect(text).toContain(ja(renewal));
    expect(text).toContain(`${ja(back)}以降の受付時間内にお越しください。`);
    await session.screenshot('return-slip-cert-renewal');
  });
});
