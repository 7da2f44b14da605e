import fc from 'fast-check';
import {
  addDays,
  calendarDay,
  instantMillis,
  startOfTokyoDay,
  tokyoDate,
  tokyoInstant,
  toTokyo,
  toUtcIso,
} from './time';

describe('instants', () => {
  it('normalises any offset, a JS Date or a Tokyo wall-clock string to UTC ISO', () => {
    expect(toUtcIso('2020-07-22T08:30:00+09:00')).toBe('2020-07-21T23:30:00.000Z');
    expect(toUtcIso('2020-07-21T16:30:00-07:00')).toBe('2020-07-21T23:30:00.000Z');
    expect(toUtcIso('2020-07-22T08:30')).toBe('2020-07-21T23:30:00.000Z');
    expect(toUtcIso(new Date('2020-07-21T23:30:00Z'))).toBe('2020-07-21T23:30:00.000Z');
    expect(() => toUtcIso('22/07/2020')).toThrow(RangeError);
  });

  it('reads the same milliseconds as the Tokyo clock does, from every spelling of an instant', () => {
    const offsets = ['Z', '+09:00', '-07:00', '+05:30', '+00:00'];
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1970-01-02T00:00:00Z'), max: new Date('2099-12-30T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom(...offsets),
        fc.constantFrom('ms', 's', 'min'),
        (date, offset, precision) => {
          const text = toTokyo(date).setZone(
            offset === 'Z' ? 'UTC' : `UTC${offset.replace(':00', '').replace(':30', ':30')}`,
          );
          const format =
            precision === 'ms'
              ? "yyyy-MM-dd'T'HH:mm:ss.SSS"
              : precision === 's'
                ? "yyyy-MM-dd'T'HH:mm:ss"
                : "yyyy-MM-dd'T'HH:mm";
          const spelled = `${text.toFormat(format)}${offset}`;
          expect(instantMillis(spelled)).toBe(toTokyo(spelled).toMillis());
          expect(instantMillis(date)).toBe(toTokyo(date).toMillis());
        },
      ),
    );
    // Without an offset, a wall-clock time in Tokyo, as toTokyo reads it.
    expect(instantMillis('2020-07-22T08:30')).toBe(Date.parse('2020-07-21T23:30:00Z'));
    expect(() => instantMillis('2020-02-30T10:00:00Z')).toThrow(RangeError);
  });

  it('puts an instant on its Tokyo day, which starts at 15:00 UTC the day before', () => {
    expect(tokyoDate('2020-07-22T14:59:59.999Z')).toBe('2020-07-22');
    expect(tokyoDate('2020-07-22T15:00:00.000Z')).toBe('2020-07-23');
    expect(toUtcIso(startOfTokyoDay('2020-07-23'))).toBe('2020-07-22T15:00:00.000Z');
    expect(toUtcIso(tokyoInstant('2020-07-23', '08:30'))).toBe('2020-07-22T23:30:00.000Z');
  });
});

describe('calendar days', () => {
  it('breaks a day into fields with Monday = 1 … Sunday = 7', () => {
    expect(calendarDay('2020-07-23')).toEqual({ date: '2020-07-23', year: 2020, month: 7, day: 23, weekday: 4 });
    expect(calendarDay('2021-08-08').weekday).toBe(7);
    expect(calendarDay('2020-02-29').day).toBe(29);
  });

  it('refuses days that do not exist', () => {
    expect(() => calendarDay('2021-02-29')).toThrow(RangeError);
    expect(() => calendarDay('2020-13-01')).toThrow(RangeError);
    expect(() => calendarDay('2020-7-1')).toThrow(RangeError);
  });

  it('adds days across month, year and foreign daylight-saving boundaries', () => {
    expect(addDays('2020-12-31', 1)).toBe('2021-01-01');
    expect(addDays('2020-03-01', -1)).toBe('2020-02-29');
    expect(addDays('2020-03-07', 1)).toBe('2020-03-08');
    expect(addDays('2020-10-31', 2)).toBe('2020-11-02');
  });
});
