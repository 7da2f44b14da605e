import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  deskCalendar,
  type DeskCalendarSettings,
  deskHoursOn,
  deskOpeningAt,
  FY2020_MYNAPOINT,
  isDeskOpenAt,
  nextOpeningAt,
} from './calendar';

const WEEKDAY = [{ from: '08:30', to: '17:00' }];
const SATURDAY = [{ from: '08:30', to: '12:00' }];
/** A programme wide enough to look at holidays outside FY2020 Mynapoint. */
const WIDE: DeskCalendarSettings = { programmeStart: '2015-01-01', programmeEnd: '2030-12-31' };

describe('deskHoursOn', () => {
  it('opens Monday to Friday 08:30–17:00', () => {
    expect(deskHoursOn('2020-07-22')).toEqual({ date: '2020-07-22', open: true, hours: WEEKDAY });
  });

  it.each([
    ['2020-07-23', '海の日'],
    ['2020-07-24', 'スポーツの日'],
    ['2020-08-10', '山の日'],
    ['2020-09-21', '敬老の日'],
    ['2020-09-22', '秋分の日'],
    ['2020-11-23', '勤労感謝の日'],
    ['2021-07-22', '海の日'],
    ['2021-07-23', 'スポーツの日'],
    ['2021-08-09', '山の日 振替休日'],
  ])('closes on the national holiday %s (%s)', (date, name) => {
    expect(deskHoursOn(date)).toEqual({ date, open: false, hours: [], closedReason: 'holiday', holidayName: name });
  });

  it.each(['2020-07-20', '2020-08-11', '2020-10-12', '2021-07-19', '2021-08-11', '2021-10-11'])(
    'opens on %s, the usual date of a holiday that the Olympics moved',
    (date) => {
      expect(deskHoursOn(date)).toEqual({ date, open: true, hours: WEEKDAY });
    },
  );

  it('calls a holiday falling on a Sunday a holiday (Mountain Day 2021-08-08)', () => {
    expect(deskHoursOn('2021-08-08')).toMatchObject({ open: false, closedReason: 'holiday', holidayName: '山の日' });
  });

  it('knows substitute holidays outside the programme but reports the programme first', () => {
    expect(deskHoursOn('2020-05-06', WIDE)).toMatchObject({ open: false, closedReason: 'holiday' });
    expect(deskHoursOn('2020-03-20')).toEqual({
      date: '2020-03-20',
      open: false,
      hours: [],
      closedReason: 'outside_programme',
      holidayName: '春分の日',
    });
  });

  it.each(['2020-07-11', '2020-07-25', '2020-08-08', '2020-11-14', '2020-11-28', '2021-12-11'])(
    'opens the 2nd/4th Saturday %s 08:30–12:00',
    (date) => {
      expect(deskHoursOn(date)).toEqual({ date, open: true, hours: SATURDAY });
    },
  );

  it.each(['2020-07-04', '2020-07-18', '2020-08-01', '2020-08-29', '2020-11-21'])(
    'closes the other Saturday %s',
    (date) => {
      expect(deskHoursOn(date)).toEqual({ date, open: false, hours: [], closedReason: 'saturday_off' });
    },
  );

  it.each([
    ['2019-11-23', '勤労感謝の日'],
    ['2023-02-11', '建国記念の日'],
  ])('closes a 2nd/4th Saturday that is a holiday (%s)', (date, name) => {
    expect(deskHoursOn(date, WIDE)).toEqual({
      date,
      open: false,
      hours: [],
      closedReason: 'holiday',
      holidayName: name,
    });
  });

  it('closes Sundays', () => {
    expect(deskHoursOn('2020-07-26')).toEqual({ date: '2020-07-26', open: false, hours: [], closedReason: 'weekend' });
  });

  it('closes from December 29 to January 3, even on New Year’s Day', () => {
    const days = deskCalendar('2020-12-28', '2021-01-04');
    expect(days.map((d) => [d.date, d.open, d.closedReason])).toEqual([
      ['2020-12-28', true, undefined],
      ['2020-12-29', false, 'year_end'],
      ['2020-12-30', false, 'year_end'],
      ['2020-12-31', false, 'year_end'],
      ['2021-01-01', false, 'year_end'],
      ['2021-01-02', false, 'year_end'],
      ['2021-01-03', false, 'year_end'],
      ['2021-01-04', true, undefined],
    ]);
    expect(days[4]?.holidayName).toBe('元日');
  });

  it('keeps to the programme: opens 2020-04-01 for reservations, last opens 2021-12-28, closed from 2022', () => {
    expect(deskHoursOn('2020-03-31')).toMatchObject({ open: false, closedReason: 'outside_programme' });
    expect(deskHoursOn('2020-04-01')).toMatchObject({ open: true });
    expect(deskHoursOn('2020-06-30')).toMatchObject({ open: true });
    expect(deskHoursOn('2021-12-28')).toMatchObject({ open: true });
    expect(deskHoursOn('2021-12-31')).toMatchObject({ open: false, closedReason: 'year_end' });
    expect(deskHoursOn('2022-01-04')).toMatchObject({ open: false, closedReason: 'outside_programme' });
    expect(FY2020_MYNAPOINT.programmeEnd).toBe('2021-12-31');
  });

  describe('local closures and special openings', () => {
    const special = [{ from: '09:00', to: '12:00' }];
    const settings: DeskCalendarSettings = {
      ...FY2020_MYNAPOINT,
      localClosures: ['2020-07-22', '2020-07-27'],
      specialOpenings: [
        { date: '2020-07-26', hours: special },
        { date: '2020-07-23', hours: special },
        { date: '2020-07-27', hours: special },
        { date: '2020-12-30', hours: special },
        { date: '2022-01-08', hours: special },
      ],
    };

    it('closes a local closure day', () => {
      expect(deskHoursOn('2020-07-22', settings)).toMatchObject({ open: false, closedReason: 'local_closure' });
    });

    it('opens a special opening with its own hours on a Sunday, a holiday and in the year-end closure', () => {
      expect(deskHoursOn('2020-07-26', settings)).toEqual({ date: '2020-07-26', open: true, hours: special });
      expect(deskHoursOn('2020-07-23', settings)).toEqual({
        date: '2020-07-23',
        open: true,
        hours: special,
        holidayName: '海の日',
      });
      expect(deskHoursOn('2020-12-30', settings)).toMatchObject({ open: true, hours: special });
    });

    it('lets a local closure win over a special opening, and the programme win over both', () => {
      expect(deskHoursOn('2020-07-27', settings)).toMatchObject({ open: false, closedReason: 'local_closure' });
      expect(deskHoursOn('2022-01-08', settings)).toMatchObject({ open: false, closedReason: 'outside_programme' });
    });

    it('refuses a special opening without hours or with hours the wrong way round', () => {
      const bad = (hours: { from: string; to: string }[]): DeskCalendarSettings => ({
        ...FY2020_MYNAPOINT,
        specialOpenings: [{ date: '2020-07-26', hours }],
      });
      expect(() => deskHoursOn('2020-07-26', bad([]))).toThrow(RangeError);
      expect(() => deskHoursOn('2020-07-26', bad([{ from: '12:00', to: '09:00' }]))).toThrow(RangeError);
      expect(() => deskHoursOn('2020-07-26', bad([{ from: '9:00', to: '12:00' }]))).toThrow(RangeError);
    });
  });

  it('refuses days that are not real YYYY-MM-DD days', () => {
    expect(() => deskHoursOn('2020-02-30')).toThrow(RangeError);
    expect(() => deskHoursOn('2020/07/22')).toThrow(RangeError);
    expect(() => deskHoursOn('2020-07-22T10:00:00Z')).toThrow(RangeError);
  });

  it('returns hours that the caller may change without changing the rules', () => {
    const [morning] = deskHoursOn('2020-07-22').hours;
    if (!morning) throw new Error('a weekday has desk hours');
    morning.to = '20:00';
    expect(deskHoursOn('2020-07-22').hours).toEqual(WEEKDAY);
  });
});

describe('deskCalendar', () => {
  it('lists every day of July 2020, both ends included, with 23 open days', () => {
    const days = deskCalendar('2020-07-01', '2020-07-31');
    expect(days).toHaveLength(31);
    expect(days[0]?.date).toBe('2020-07-01');
    expect(days[30]?.date).toBe('2020-07-31');
    expect(days.filter((d) => d.open)).toHaveLength(23);
  });

  it('is empty when the range is reversed', () => {
    expect(deskCalendar('2020-07-02', '2020-07-01')).toEqual([]);
  });
});

describe('isDeskOpenAt', () => {
  it.each([
    ['2020-07-21T23:29:59.999Z', false], // Wed 2020-07-22 08:29:59.999 JST
    ['2020-07-22T08:29:59+09:00', false],
    ['2020-07-22T08:30:00+09:00', true],
    ['2020-07-21T23:30:00.000Z', true],
    ['2020-07-22T16:59:59.999+09:00', true],
    ['2020-07-22T17:00:00+09:00', false],
    ['2020-07-22T08:00:00.000Z', false], // 17:00 JST
    ['2020-07-22T23:30:00.000Z', false], // 08:30 JST on Marine Day, although still Wednesday in UTC
    ['2020-07-25T11:59:59+09:00', true], // 4th Saturday
    ['2020-07-25T12:00:00+09:00', false],
    ['2020-07-24T16:00:00-07:00', false], // Saturday 08:00 JST, written from Los Angeles
    ['2020-07-24T17:00:00-07:00', true],
    ['2020-07-18T10:00:00+09:00', false], // 3rd Saturday
  ])('%s → %s', (instant, open) => {
    expect(isDeskOpenAt(instant)).toBe(open);
  });

  it('accepts JS Dates', () => {
    expect(isDeskOpenAt(new Date('2020-07-21T23:30:00.000Z'))).toBe(true);
    expect(isDeskOpenAt(new Date('2020-07-22T08:00:00.000Z'))).toBe(false);
  });

  it('refuses an unreadable instant', () => {
    expect(() => isDeskOpenAt('yesterday')).toThrow(RangeError);
  });

  it('tells the opening an instant falls in', () => {
    expect(deskOpeningAt('2020-07-25T10:00:00+09:00')).toEqual({
      opensAt: '2020-07-24T23:30:00.000Z',
      closesAt: '2020-07-25T03:00:00.000Z',
    });
    expect(deskOpeningAt('2020-07-25T12:00:00+09:00')).toBeNull();
  });
});

describe('nextOpeningAt', () => {
  it.each([
    ['open now: the instant itself, normalised', '2020-07-22T10:00:00+09:00', '2020-07-22T01:00:00.000Z'],
    ['early morning: 08:30 the same day', '2020-07-22T03:00:00+09:00', '2020-07-21T23:30:00.000Z'],
    [
      'after Wednesday closing, Marine and Sports Day: the 4th Saturday',
      '2020-07-22T17:00:00+09:00',
      '2020-07-24T23:30:00.000Z',
    ],
    ['Saturday noon: Monday', '2020-07-25T12:00:00+09:00', '2020-07-26T23:30:00.000Z'],
    [
      'Friday evening before a 3rd Saturday and a Monday holiday: Tuesday',
      '2020-11-20T17:00:00+09:00',
      '2020-11-23T23:30:00.000Z',
    ],
    ['year-end closure: January 4', '2020-12-28T17:00:00+09:00', '2021-01-03T23:30:00.000Z'],
    ['before the programme: its first morning', '2020-03-15T10:00:00+09:00', '2020-03-31T23:30:00.000Z'],
  ])('%s', (_, instant, expected) => {
    expect(nextOpeningAt(instant)).toBe(expected);
  });

  it('is null once the desk will not open again within the programme', () => {
    expect(nextOpeningAt('2021-12-28T16:59:59+09:00')).toBe('2021-12-28T07:59:59.000Z');
    expect(nextOpeningAt('2021-12-28T17:00:00+09:00')).toBeNull();
    expect(nextOpeningAt('2022-03-01T10:00:00+09:00')).toBeNull();
  });

  it('finds the afternoon opening of a split special day', () => {
    const settings: DeskCalendarSettings = {
      ...FY2020_MYNAPOINT,
      specialOpenings: [
        {
          date: '2020-07-26',
          hours: [
            { from: '13:00', to: '15:00' },
            { from: '09:00', to: '11:00' },
          ],
        },
      ],
    };
    expect(nextOpeningAt('2020-07-26T11:30:00+09:00', settings)).toBe('2020-07-26T04:00:00.000Z');
    expect(nextOpeningAt('2020-07-26T06:00:00+09:00', settings)).toBe('2020-07-26T00:00:00.000Z');
  });
});

describe('calendar properties', () => {
  const dayArb = fc
    .integer({ min: 0, max: 365 * 15 })
    .map((n) => DateTime.fromISO('2016-01-01', { zone: 'utc' }).plus({ days: n }));
  const instantArb = fc
    .integer({ min: Date.parse('2020-06-01T00:00:00Z'), max: Date.parse('2022-01-31T00:00:00Z') })
    .map((ms) => new Date(ms).toISOString());

  it('never opens on a Sunday, a holiday or in the year-end closure; opens every other weekday', () => {
    fc.assert(
      fc.property(dayArb, (day) => {
        const date = day.toISODate() ?? '';
        const desk = deskHoursOn(date, WIDE);
        const yearEnd = (day.month === 12 && day.day >= 29) || (day.month === 1 && day.day <= 3);
        if (day.weekday === 7 || desk.holidayName !== undefined || yearEnd) {
          expect(desk.open).toBe(false);
        } else if (day.weekday === 6) {
          expect(desk.open).toBe([8, 9, 10, 11, 12, 13, 14, 22, 23, 24, 25, 26, 27, 28].includes(day.day));
        } else {
          expect(desk).toEqual({ date, open: true, hours: WEEKDAY });
        }
      }),
    );
  });

  it('nextOpeningAt finds the first open instant at or after the given one', () => {
    fc.assert(
      fc.property(instantArb, (instant) => {
        const next = nextOpeningAt(instant);
        const t = Date.parse(instant);
        if (next === null) {
          // Nothing opens from the instant's own day to the end of the programme.
          const from = DateTime.fromMillis(t, { zone: 'Asia/Tokyo' }).toISODate() ?? '';
          const rest = from <= '2021-12-31' ? deskCalendar(from, '2021-12-31') : [];
          expect(rest.filter((d) => d.open && d.date > from)).toEqual([]);
          expect(isDeskOpenAt(instant)).toBe(false);
          return;
        }
        const n = Date.parse(next);
        expect(n).toBeGreaterThanOrEqual(t);
        expect(isDeskOpenAt(next)).toBe(true);
        if (n > t) {
          expect(isDeskOpenAt(instant)).toBe(false);
          expect(isDeskOpenAt(new Date(n - 1))).toBe(false);
          // Every opening between the two instants ended before `instant` or starts at `next` or later.
          const from = DateTime.fromMillis(t, { zone: 'Asia/Tokyo' }).toISODate() ?? '';
          const to = DateTime.fromMillis(n, { zone: 'Asia/Tokyo' }).toISODate() ?? '';
          for (const day of deskCalendar(from, to)) {
            for (const h of day.hours) {
              const opens = Date.parse(`${day.date}T${h.from}:00+09:00`);
              const closes = Date.parse(`${day.date}T${h.to}:00+09:00`);
              expect(closes <= t || opens >= n).toBe(true);
            }
          }
        }
      }),
    );
  });
});
