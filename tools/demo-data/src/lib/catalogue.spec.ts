import { PAYMENT_SERVICE_KINDS, PLATFORM_FUNCTIONS } from '@madoguchi/contracts';
import { deskHoursOn } from '@madoguchi/rules';
import { DateTime } from 'luxon';
import { demoCatalogue } from './catalogue';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
const ANY_DIGIT = /[0-9０-９]/;
const ZONE = 'Asia/Tokyo';

/** Minutes of an outage during which the desk was open, from the desk hours of each Tokyo day it touches. */
function openMinutesDuring(startsAt: string, endsAt: string): number {
  const start = Date.parse(startsAt);
  const end = Date.parse(endsAt);
  let minutes = 0;
  for (
    let day = DateTime.fromMillis(start, { zone: ZONE }).startOf('day');
    day.toMillis() < end;
    day = day.plus({ days: 1 })
  ) {
    for (const hours of deskHoursOn(day.toISODate() ?? '').hours) {
      const opens = DateTime.fromISO(`${day.toISODate()}T${hours.from}`, { zone: ZONE }).toMillis();
      const closes = DateTime.fromISO(`${day.toISODate()}T${hours.to}`, { zone: ZONE }).toMillis();
      minutes += Math.max(0, Math.min(end, closes) - Math.max(start, opens)) / 60_000;
    }
  }
  return minutes;
}

describe('demoCatalogue', () => {
  const catalogue = demoCatalogue();

  it('has the three demo logins with their roles, and several more staff with Japanese names', () => {
    const byName = new Map(catalogue.accounts.map((a) => [a.username, a]));
    expect(byName.get('staff')).toEqual({ username: 'staff', displayName: '窓口 花子', role: 'staff' });
    expect(byName.get('manager')?.role).toBe('manager');
    expect(byName.get('admin')?.role).toBe('admin');
    const staff = catalogue.accounts.filter((a) => a.role === 'staff');
    expect(staff.length).toBeGreaterThanOrEqual(6);
    expect(staff.map((a) => a.username)).toEqual(expect.arrayContaining(['staff', 'staff02', 'staff03']));
    expect(byName.size).toBe(catalogue.accounts.length);
    for (const account of catalogue.accounts) expect(account.displayName).toMatch(JAPANESE);
  });

  it('names the seed desk as the main site', () => {
    expect(catalogue.sites[0]).toEqual({ code: 'chigasaki-honcho', name: '茅ヶ崎市役所 本庁舎 情報推進課' });
    expect(new Set(catalogue.sites.map((s) => s.code)).size).toBe(catalogue.sites.length);
  });

  it('offers about a dozen services of every kind, some not applicable at a spot and some needing web registration', () => {
    const services = catalogue.paymentServices;
    expect(services.length).toBeGreaterThanOrEqual(10);
    expect(new Set(services.map((s) => s.name)).size).toBe(services.length);
    expect(new Set(services.map((s) => s.kind))).toEqual(new Set(PAYMENT_SERVICE_KINDS));
    expect(services.filter((s) => !s.appliesAtSpot).length).toBeGreaterThanOrEqual(3);
    expect(services.filter((s) => s.appliesAtSpot).length).toBeGreaterThanOrEqual(6);
    expect(services.filter((s) => s.requiresPreRegistration).length).toBeGreaterThanOrEqual(3);
    for (const service of services) {
      expect(service.requiredItems.length).toBeGreaterThan(0);
      for (const item of service.requiredItems) expect(item).toMatch(JAPANESE);
    }
  });

  it('records the real MyKey Platform maintenance of 2020-07-23 07:00 to 2020-07-24 00:30 Tokyo', () => {
    const [real] = catalogue.outages;
    if (!real) throw new Error('the demo catalogue records the real maintenance');
    expect(real).toMatchObject({
      system: 'mykey_platform',
      kind: 'planned',
      startsAt: '2020-07-22T22:00:00.000Z',
      endsAt: '2020-07-23T15:30:00.000Z',
      paymentServiceName: null,
    });
    expect([...real.affects].sort()).toEqual([...PLATFORM_FUNCTIONS].sort());
    expect(DateTime.fromISO(real.startsAt, { zone: ZONE }).toFormat('yyyy-MM-dd HH:mm')).toBe('2020-07-23 07:00');
    // Both days were holidays in 2020 (the Olympic moves of Marine Day and Sports Day): no desk hours were lost.
    expect(deskHoursOn('2020-07-23').open).toBe(false);
    expect(deskHoursOn('2020-07-24').open).toBe(false);
    expect(openMinutesDuring(real.startsAt, real.endsAt ?? real.startsAt)).toBe(0);
  });

  it('places the other outages inside desk hours, where they turn citizens away', () => {
    const others = catalogue.outages.slice(1);
    const planned = others.filter((o) => o.system === 'mykey_platform' && o.kind === 'planned');
    expect(planned.length).toBeGreaterThanOrEqual(1);
    for (const outage of others) {
      expect(outage.endsAt).not.toBeNull();
      const length = (Date.parse(outage.endsAt ?? '') - Date.parse(outage.startsAt)) / 60_000;
      expect(openMinutesDuring(outage.startsAt, outage.endsAt ?? '')).toBe(length);
    }
    const terminal = others.find((o) => o.system === 'terminal');
    expect(terminal?.kind).toBe('unplanned');
    expect((Date.parse(terminal?.endsAt ?? '') - Date.parse(terminal?.startsAt ?? '')) / 60_000).toBe(40);
    expect(DateTime.fromISO(terminal?.startsAt ?? '', { zone: ZONE }).weekday).toBeLessThanOrEqual(5);
  });

  it('ties a payment-service outage to a catalogue service, and only such an outage', () => {
    const names = new Set(catalogue.paymentServices.map((s) => s.name));
    for (const outage of catalogue.outages) {
      if (outage.system === 'payment_service') {
        expect(names.has(outage.paymentServiceName ?? '')).toBe(true);
        expect(outage.affects).toEqual(['application']);
      } else {
        expect(outage.paymentServiceName).toBeNull();
      }
    }
  });

  it('writes outage notes in Japanese without digits', () => {
    for (const outage of catalogue.outages) {
      expect(outage.note).toMatch(JAPANESE);
      expect(outage.note).not.toMatch(ANY_DIGIT);
    }
  });

  it('hands out copies, so a caller cannot change the next catalogue', () => {
    const first = demoCatalogue();
    const [service] = first.paymentServices;
    const [outage] = first.outages;
    if (!service || !outage) throw new Error('the demo catalogue has payment services and outages');
    service.requiredItems.push('改変');
    outage.affects.pop();
    first.accounts.length = 0;
    const second = demoCatalogue();
    expect(second.paymentServices[0]?.requiredItems).not.toContain('改変');
    expect(second.outages[0]?.affects).toHaveLength(2);
    expect(second.accounts.length).toBeGreaterThan(0);
  });
});
