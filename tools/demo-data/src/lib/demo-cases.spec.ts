import { REASON_CODES } from '@madoguchi/contracts';
import { caseRecordProblems, containsMyNumber, deskHoursOn, functionsOf } from '@madoguchi/rules';
import { DateTime } from 'luxon';
import { demoCatalogue } from './catalogue';
import { generateDemoCases, type DemoCase, type DemoOptions } from './demo-cases';

const ZONE = 'Asia/Tokyo';
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/;
const ANY_DIGIT = /[0-9０-９]/;

function all(options?: DemoOptions): DemoCase[] {
  return [...generateDemoCases(options)].flat();
}

const tokyo = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });
const minutesBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 60_000;
const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const value = sorted[Math.floor(q * (sorted.length - 1))];
  if (value === undefined) throw new RangeError('A quantile of no values');
  return value;
}
const share = (cases: DemoCase[], test: (c: DemoCase) => boolean) => cases.filter(test).length / cases.length;
/** The first few cases breaking a rule: one assertion per rule keeps the run fast and the failure readable. */
const breaking = (cases: DemoCase[], rule: (c: DemoCase) => boolean) => cases.filter((c) => !rule(c)).slice(0, 3);

/** Cases per open day, per hour of opening, grouped by a key of the arrival's Tokyo time. */
function perOpenDay(
  cases: DemoCase[],
  arrivalOf: (c: DemoCase) => DateTime,
  keyOf: (arrival: DateTime) => string,
): Map<string, number> {
  const counts = new Map<string, number>();
  const days = new Map<string, Set<string>>();
  for (const c of cases) {
    const arrival = arrivalOf(c);
    const key = keyOf(arrival);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (!days.has(key)) days.set(key, new Set());
    days.get(key)?.add(arrival.toISODate() ?? '');
  }
  return new Map([...counts].map(([key, count]) => [key, count / (days.get(key)?.size ?? 1)]));
}

describe('generateDemoCases', () => {
  const catalogue = demoCatalogue();
  const services = new Map(catalogue.paymentServices.map((s) => [s.name, s]));
  const staffNames = new Set(catalogue.accounts.filter((a) => a.role === 'staff').map((a) => a.username));
  const siteCodes = new Set(catalogue.sites.map((s) => s.code));
  // The default data set, as the API seeds it.
  const cases = all();
  const arrivals = new Map(cases.map((c) => [c, tokyo(c.arrivedAt)]));
  const arrivalOf = (c: DemoCase) => arrivals.get(c) ?? tokyo(c.arrivedAt);
  const served = cases.filter((c) => c.status !== 'left');
  const counterWaits = (test: (arrival: DateTime) => boolean) =>
    served
      .filter((c) => c.channel === 'counter' && test(arrivalOf(c)))
      .map((c) => minutesBetween(c.arrivedAt, c.startedAt ?? c.arrivedAt));

  describe('shape of the output', () => {
    it('yields exactly the cases asked for, in full batches but the last', () => {
      const batches = [...generateDemoCases({ cases: 2_500, batchSize: 300 })];
      expect(batches.map((b) => b.length)).toEqual([...Array(8).fill(300), 100]);
      expect(cases).toHaveLength(20_000);
      expect([...generateDemoCases({ cases: 0 })]).toEqual([]);
      expect([...generateDemoCases({ cases: 5, batchSize: 1000 })].map((b) => b.length)).toEqual([5]);
    });

    it('defaults to 20000 cases in batches of 1000 from 2020-07-01 to 2021-12-28', () => {
      const batches = [...generateDemoCases()];
      expect(batches).toHaveLength(20);
      expect(batches.every((b) => b.length === 1000)).toBe(true);
      expect(tokyo(cases.at(0)?.arrivedAt ?? '').toISODate()).toBe('2020-07-01');
      expect(tokyo(cases.at(-1)?.arrivedAt ?? '').toISODate()).toBe('2021-12-28');
    });

    it('is the same for the same seed and different for another', () => {
      const options = { cases: 3_000, from: '2020-08-01', to: '2020-10-31' };
      const text = (options: DemoOptions) => JSON.stringify(all(options));
      expect(text({ ...options, seed: 7 })).toBe(text({ ...options, seed: 7 }));
      expect(text({ ...options, seed: 8 })).not.toBe(text({ ...options, seed: 7 }));
      expect(text({})).toBe(JSON.stringify(cases));
    });

    it('does not depend on the time zone of the machine', () => {
      const before = process.env['TZ'];
      try {
        process.env['TZ'] = 'America/Los_Angeles';
        const inLosAngeles = all({ cases: 1_000, from: '2020-11-01', to: '2020-11-30' });
        process.env['TZ'] = 'UTC';
        expect(all({ cases: 1_000, from: '2020-11-01', to: '2020-11-30' })).toEqual(inLosAngeles);
      } finally {
        if (before === undefined) delete process.env['TZ'];
        else process.env['TZ'] = before;
      }
    });

    it('streams: the first batch of a million arrives without generating the rest', () => {
      const stream = generateDemoCases({ cases: 1_000_000, batchSize: 500 });
      const first = stream.next();
      expect(first.done).toBe(false);
      expect(first.value).toHaveLength(500);
      for (const c of first.value ?? []) expect(tokyo(c.arrivedAt).toISODate()).toBe('2020-07-01');
      stream.return(undefined);
    });

    it('writes instants as UTC ISO-8601 with milliseconds, in arrival order', () => {
      const wellWritten = (instant: string | null) => instant === null || ISO_INSTANT.test(instant);
      expect(breaking(cases, (c) => [c.arrivedAt, c.startedAt, c.endedAt].every(wellWritten))).toEqual([]);
      expect(breaking(cases, (c) => c.arrivedAt === new Date(c.arrivedAt).toISOString())).toEqual([]);
      expect(cases.filter((c, i) => c.arrivedAt < (cases[i - 1]?.arrivedAt ?? ''))).toEqual([]);
    });

    it('refuses options that make no sense', () => {
      expect(() => generateDemoCases({ cases: -1 }).next()).toThrow(RangeError);
      expect(() => generateDemoCases({ batchSize: 0 }).next()).toThrow(RangeError);
      expect(() => generateDemoCases({ from: '2021-02-30' }).next()).toThrow(RangeError);
      expect(() => generateDemoCases({ from: '2021-03-01', to: '2021-02-01' }).next()).toThrow(RangeError);
      expect(() => generateDemoCases({ from: '2021-01-01', to: '2021-01-03' }).next()).toThrow(RangeError);
    });
  });

  describe('the desk calendar', () => {
    it('has every arrival inside the desk hours of its Tokyo day and inside the range', () => {
      const desks = new Map<string, ReturnType<typeof deskHoursOn>>();
      const withinHours = (c: DemoCase) => {
        const arrival = arrivalOf(c);
        const date = arrival.toISODate() ?? '';
        const desk = desks.get(date) ?? deskHoursOn(date);
        desks.set(date, desk);
        const clock = arrival.toISOTime()?.slice(0, 8) ?? '';
        return (
          desk.open &&
          desk.hours.some((h) => `${h.from}:00` <= clock && clock < `${h.to}:00`) &&
          date >= '2020-07-01' &&
          date <= '2021-12-28'
        );
      };
      expect(breaking(cases, withinHours)).toEqual([]);
    });

    it('keeps to a narrow range and skips the year-end closure', () => {
      const around = all({ cases: 500, from: '2020-12-24', to: '2021-01-08' });
      const dates = new Set(around.map((c) => tokyo(c.arrivedAt).toISODate()));
      expect([...dates].sort()).toEqual([
        '2020-12-24',
        '2020-12-25',
        '2020-12-26',
        '2020-12-28',
        '2021-01-04',
        '2021-01-05',
        '2021-01-06',
        '2021-01-07',
        '2021-01-08',
      ]);
    });

    it('lets the last citizens finish a little after closing, but nobody arrives then', () => {
      const closings = new Map<string, number>();
      const closingOf = (c: DemoCase) => {
        const date = arrivalOf(c).toISODate() ?? '';
        let closing = closings.get(date);
        if (closing === undefined) {
          closing = tokyo(`${date}T${deskHoursOn(date).hours.at(-1)?.to}`).toMillis();
          closings.set(date, closing);
        }
        return closing;
      };
      const overrun = served.map((c) => (Date.parse(c.endedAt ?? '') - closingOf(c)) / 60_000);
      expect(overrun.filter((minutes) => minutes > 0).length).toBeGreaterThan(0);
      expect(Math.max(...overrun)).toBeLessThan(90);
      expect(breaking(cases, (c) => Date.parse(c.arrivedAt) < closingOf(c))).toEqual([]);
    });
  });

  describe('each case', () => {
    it('follows the lifecycle: start not before arrival, end after start; a citizen who left was never served', () => {
      const left = cases.filter((c) => c.status === 'left');
      expect(
        breaking(
          left,
          (c) => c.startedAt === null && c.staffUsername === null && c.endedAt !== null && c.endedAt > c.arrivedAt,
        ),
      ).toEqual([]);
      expect(
        breaking(
          served,
          (c) =>
            (c.status === 'completed' || c.status === 'not_completed') &&
            c.startedAt !== null &&
            c.endedAt !== null &&
            c.startedAt >= c.arrivedAt &&
            c.endedAt > c.startedAt &&
            staffNames.has(c.staffUsername ?? ''),
        ),
      ).toEqual([]);
      expect(breaking(cases, (c) => siteCodes.has(c.siteCode))).toEqual([]);
    });

    it('passes the consistency rules the API applies to a logged case', () => {
      const serviceIds = new Map(catalogue.paymentServices.map((s, i) => [s.name, i + 1]));
      const afterTheProgramme = new Date('2022-01-01T00:00:00Z');
      const problems = cases
        .map((c) => ({
          c,
          problems: caseRecordProblems(
            { ...c, paymentServiceId: c.paymentServiceName ? (serviceIds.get(c.paymentServiceName) ?? -1) : null },
            afterTheProgramme,
          ),
        }))
        .filter(({ problems }) => problems.length > 0);
      expect(problems.slice(0, 3)).toEqual([]);
    });

    it('has a reason exactly when not completed, and completes what its procedure says', () => {
      expect(breaking(cases, (c) => (c.reason !== null) === (c.status === 'not_completed'))).toEqual([]);
      const expected = (c: DemoCase) => (c.status === 'completed' ? functionsOf(c.procedure, c.alreadyReserved) : []);
      // A `both` case stopped at the application step keeps the reservation it did.
      const partial = (c: DemoCase) =>
        c.status === 'not_completed' &&
        c.procedure === 'both' &&
        ['service_prereg_required', 'service_items_missing', 'payment_service_down', 'other'].includes(
          c.reason ?? '',
        ) &&
        c.completed.join() === 'reservation';
      expect(breaking(cases, (c) => c.completed.join() === expected(c).join() || partial(c))).toEqual([]);
      expect(cases.some(partial)).toBe(true);
      expect(breaking(cases, (c) => !c.alreadyReserved || c.procedure === 'both')).toEqual([]);
      expect(cases.some((c) => c.status === 'completed' && c.alreadyReserved)).toBe(true);
    });

    it('names a payment service for every served application, one the terminal can apply for when completed', () => {
      const applying = (c: DemoCase) => c.procedure === 'application' || c.procedure === 'both';
      const serviceOf = (c: DemoCase) => services.get(c.paymentServiceName ?? '');
      expect(breaking(served, (c) => (serviceOf(c) !== undefined) === applying(c))).toEqual([]);
      expect(breaking(cases, (c) => c.status !== 'left' || c.paymentServiceName === null)).toEqual([]);
      const completedApplications = served.filter((c) => c.status === 'completed' && applying(c));
      expect(breaking(completedApplications, (c) => serviceOf(c)?.appliesAtSpot === true)).toEqual([]);
      const notAtSpot = served.filter((c) => c.reason === 'service_not_at_spot');
      expect(notAtSpot.length).toBeGreaterThan(0);
      expect(breaking(notAtSpot, (c) => serviceOf(c)?.appliesAtSpot === false)).toEqual([]);
      const preregistration = served.filter((c) => c.reason === 'service_prereg_required');
      expect(breaking(preregistration, (c) => serviceOf(c)?.requiresPreRegistration === true)).toEqual([]);
      expect(breaking(served, (c) => !c.reason?.startsWith('service_') || applying(c))).toEqual([]);
    });

    it('explains reason "other" in a note, and no note holds a digit', () => {
      expect(breaking(cases, (c) => c.reason !== 'other' || Boolean(c.note?.trim()))).toEqual([]);
      expect(breaking(cases, (c) => c.note === null || !ANY_DIGIT.test(c.note))).toEqual([]);
      expect(breaking(cases, (c) => c.note === null || !containsMyNumber(c.note))).toEqual([]);
    });

    it('has a legal representative for every holder under 15, and refuses proxies for anyone older', () => {
      expect(breaking(cases, (c) => c.ageBand !== 'under15' || c.representative === 'legal_representative')).toEqual(
        [],
      );
      const proxies = cases.filter((c) => c.representative === 'legal_representative' && c.ageBand !== 'under15');
      expect(breaking(proxies, (c) => c.status === 'not_completed' && c.reason === 'proxy_not_allowed')).toEqual([]);
      const refused = cases.filter((c) => c.reason === 'proxy_not_allowed');
      expect(breaking(refused, (c) => c.representative === 'legal_representative')).toEqual([]);
      expect(refused.length).toBeGreaterThan(20);
    });

    it('takes phone calls only for inquiries, answered at once', () => {
      const calls = cases.filter((c) => c.channel === 'phone');
      expect(calls.length).toBeGreaterThan(0);
      expect(
        breaking(calls, (c) => c.procedure === 'inquiry' && minutesBetween(c.arrivedAt, c.startedAt ?? '') <= 1),
      ).toEqual([]);
    });
  });

  describe('the mix', () => {
    it('ends about 80% completed, 15% not completed and 5% left', () => {
      expect(share(cases, (c) => c.status === 'completed')).toBeGreaterThan(0.75);
      expect(share(cases, (c) => c.status === 'completed')).toBeLessThan(0.85);
      expect(share(cases, (c) => c.status === 'not_completed')).toBeGreaterThan(0.12);
      expect(share(cases, (c) => c.status === 'not_completed')).toBeLessThan(0.19);
      expect(share(cases, (c) => c.status === 'left')).toBeGreaterThan(0.03);
      expect(share(cases, (c) => c.status === 'left')).toBeLessThan(0.08);
    });

    it('ranks PIN trouble first among the reasons and uses every reason', () => {
      const counts = new Map<string, number>();
      for (const c of cases) if (c.reason) counts.set(c.reason, (counts.get(c.reason) ?? 0) + 1);
      const ranked = [...counts].sort((a, b) => b[1] - a[1]).map(([reason]) => reason);
      expect(ranked.slice(0, 2).sort()).toEqual(['pin_forgotten', 'pin_locked']);
      expect([...ranked].sort()).toEqual([...REASON_CODES].sort());
      expect(counts.get('service_not_at_spot')).toBeGreaterThan(counts.get('cert_not_issued') ?? 0);
    });

    it('sees older citizens most, and about 8% inquiries', () => {
      expect(share(cases, (c) => c.ageBand === '65to74' || c.ageBand === '75plus')).toBeGreaterThan(0.45);
      expect(share(cases, (c) => c.ageBand === '20to39')).toBeLessThan(0.2);
      const inquiries = share(cases, (c) => c.procedure === 'inquiry');
      expect(inquiries).toBeGreaterThan(0.06);
      expect(inquiries).toBeLessThan(0.1);
    });

    it('shifts from reservations to applications once many had reserved at home', () => {
      const early = cases.filter((c) => c.arrivedAt < '2020-08-01');
      const later = cases.filter((c) => c.arrivedAt >= '2020-11-01' && c.arrivedAt < '2021-09-01');
      const reservations = (cs: DemoCase[]) => share(cs, (c) => c.procedure === 'reservation');
      const applications = (cs: DemoCase[]) => share(cs, (c) => c.procedure === 'application');
      expect(reservations(early)).toBeGreaterThan(1.8 * reservations(later));
      expect(applications(later)).toBeGreaterThan(1.8 * applications(early));
    });

    it('spreads the work over the staff unevenly, as part-timers come less often', () => {
      const load = new Map<string, number>();
      for (const c of served) load.set(c.staffUsername ?? '', (load.get(c.staffUsername ?? '') ?? 0) + 1);
      expect(load.size).toBe(staffNames.size);
      expect(load.get('staff')).toBeGreaterThan(2 * (load.get('staff07') ?? 0));
    });
  });

  describe('volume and congestion', () => {
    it('peaks in September 2020, is quiet in early 2021, and rises again before the deadline', () => {
      const monthly = perOpenDay(cases, arrivalOf, (a) => a.toFormat('yyyy-MM'));
      const september = monthly.get('2020-09') ?? 0;
      const february = monthly.get('2021-02') ?? 0;
      const december = monthly.get('2021-12') ?? 0;
      expect(september).toBeGreaterThan(4 * february);
      expect(december).toBeGreaterThan(2 * february);
      expect(december).toBeLessThan(september);
      for (const month of monthly.keys()) expect(monthly.get(month)).toBeLessThanOrEqual(september);
    });

    it('is busier on Mondays than on Thursdays', () => {
      const byWeekday = perOpenDay(cases, arrivalOf, (a) => String(a.weekday));
      expect(byWeekday.get('1')).toBeGreaterThan(1.15 * (byWeekday.get('4') ?? 0));
    });

    it('is busier in the late morning than at opening or before closing', () => {
      const weekdays = cases.filter((c) => arrivalOf(c).weekday <= 5);
      const perHour = (from: string, to: string) =>
        weekdays.filter((c) => {
          const clock = arrivalOf(c).toFormat('HH:mm');
          return clock >= from && clock < to;
        }).length / minutesBetween(`2020-01-01T${from}:00Z`, `2020-01-01T${to}:00Z`);
      expect(perHour('10:00', '12:00')).toBeGreaterThan(2 * perHour('08:30', '09:00'));
      expect(perHour('10:00', '12:00')).toBeGreaterThan(2 * perHour('16:30', '17:00'));
      expect(perHour('13:00', '14:00')).toBeGreaterThan(perHour('15:30', '16:30'));
    });

    it('keeps waits to a few minutes when quiet and lets them reach half an hour at the September peak', () => {
      const quiet = counterWaits((a) => a.toFormat('yyyy-MM') === '2021-02');
      expect(median(quiet)).toBeLessThan(5);
      const peak = counterWaits((a) => a.toFormat('yyyy-MM') === '2020-09' && a.hour === 11);
      expect(median(peak)).toBeGreaterThan(15);
      expect(quantile(peak, 0.9)).toBeGreaterThan(30);
      const opening = counterWaits((a) => a.toFormat('yyyy-MM') === '2020-09' && a.hour === 8);
      expect(median(opening)).toBeLessThan(5);
    });

    it('takes 10 to 25 minutes for a typical completion, 3 to 8 for an inquiry, and less when it fails', () => {
      const handling = (test: (c: DemoCase) => boolean) =>
        served.filter(test).map((c) => minutesBetween(c.startedAt ?? '', c.endedAt ?? ''));
      const completions = handling((c) => c.status === 'completed' && c.procedure !== 'inquiry');
      expect(median(completions)).toBeGreaterThanOrEqual(10);
      expect(median(completions)).toBeLessThanOrEqual(25);
      const inquiries = handling((c) => c.procedure === 'inquiry');
      expect(quantile(inquiries, 0.1)).toBeGreaterThanOrEqual(2.5);
      expect(quantile(inquiries, 0.9)).toBeLessThanOrEqual(8.5);
      expect(median(handling((c) => c.status === 'not_completed'))).toBeLessThan(0.6 * median(completions));
    });
  });

  describe('outages', () => {
    const during = (startsAt: string, endsAt: string | null) =>
      cases.filter((c) => c.arrivedAt >= startsAt && (endsAt === null || c.arrivedAt < endsAt));

    it('has nobody at the desk during the real maintenance of 2020-07-23, which fell on two holidays', () => {
      const [real] = catalogue.outages;
      if (!real) throw new Error('the demo catalogue records the real maintenance');
      expect(during(real.startsAt, real.endsAt)).toEqual([]);
      const aroundIt = all({ cases: 200, from: '2020-07-22', to: '2020-07-27' });
      expect(new Set(aroundIt.map((c) => tokyo(c.arrivedAt).toISODate()))).toEqual(
        // 2020-07-25 is the month's fourth Saturday.
        new Set(['2020-07-22', '2020-07-25', '2020-07-27']),
      );
    });

    it('turns away, with platform_maintenance, anyone arriving during a platform outage who needed what it stopped', () => {
      for (const outage of catalogue.outages.filter((o) => o.system === 'mykey_platform')) {
        const needing = during(outage.startsAt, outage.endsAt).filter(
          (c) =>
            c.channel === 'counter' &&
            c.status !== 'left' &&
            c.representative === 'self' &&
            functionsOf(c.procedure).some((f) => outage.affects.includes(f)),
        );
        for (const c of needing) {
          expect(c.status).toBe('not_completed');
          expect(c.reason).toBe('platform_maintenance');
        }
      }
      expect(cases.filter((c) => c.reason === 'platform_maintenance').length).toBeGreaterThan(5);
    });

    it('lets applications go on during a maintenance that stops only the MyKey ID function', () => {
      const outage = catalogue.outages.find((o) => o.system === 'mykey_platform' && o.affects.length === 1);
      const applications = during(outage?.startsAt ?? '', outage?.endsAt ?? '').filter(
        (c) => c.procedure === 'application' && c.status !== 'left',
      );
      expect(applications.length).toBeGreaterThan(0);
      expect(applications.some((c) => c.status === 'completed')).toBe(true);
      expect(applications.some((c) => c.reason === 'platform_maintenance')).toBe(false);
    });

    it('fails terminal work with terminal_fault while the terminal is down, but still answers inquiries', () => {
      const outage = catalogue.outages.find((o) => o.system === 'terminal');
      const inside = during(outage?.startsAt ?? '', outage?.endsAt ?? '');
      const terminalWork = inside.filter(
        (c) => c.procedure !== 'inquiry' && c.status !== 'left' && c.representative === 'self',
      );
      expect(terminalWork.length).toBeGreaterThan(0);
      for (const c of terminalWork) expect(c.reason).toBe('terminal_fault');
      for (const c of inside.filter((c) => c.procedure === 'inquiry')) expect(c.status).toBe('completed');
    });

    it('completes no application to a payment service while that service is down', () => {
      const outage = catalogue.outages.find((o) => o.system === 'payment_service');
      const affected = served.filter(
        (c) =>
          c.paymentServiceName === outage?.paymentServiceName &&
          (c.startedAt ?? '') >= (outage?.startsAt ?? '') &&
          (c.startedAt ?? '') < (outage?.endsAt ?? ''),
      );
      expect(affected.length).toBeGreaterThan(0);
      for (const c of affected) expect(c.status).toBe('not_completed');
    });
  });
});
