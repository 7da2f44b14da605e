import { DateTime } from 'luxon';
import {
  cellOfWeekdayHour,
  dateOfDayIndex,
  dayIndexOfDate,
  HOUR_MS,
  TOKYO_OFFSET_MS,
  tokyoMinuteText,
  tokyoMinuteWriter,
  weekdayHourOfCell,
  weekdayOfDayIndex,
} from './tokyo-clock';

const hourIndex = (iso: string) => Math.floor((Date.parse(iso) + TOKYO_OFFSET_MS) / HOUR_MS);

describe('Tokyo day and hour indexes', () => {
  it('puts 00:30 JST on the Tokyo day, not the UTC day before', () => {
    const index = Math.floor(hourIndex('2020-10-01T00:30:00+09:00') / 24);
    expect(dateOfDayIndex(index)).toBe('2020-10-01');
    expect(dayIndexOfDate('2020-10-01')).toBe(index);
  });

  it('numbers weekdays from Monday = 1 as luxon does', () => {
    for (const date of ['2020-12-28', '2020-12-31', '2021-01-02', '2021-01-03', '1970-01-01']) {
      expect(weekdayOfDayIndex(dayIndexOfDate(date))).toBe(DateTime.fromISO(date).weekday);
    }
  });

  it('maps every weekday × hour cell both ways', () => {
    for (let weekday = 1; weekday <= 7; weekday++) {
      for (let hour = 0; hour < 24; hour++) {
        expect(weekdayHourOfCell(cellOfWeekdayHour(weekday, hour))).toEqual({ weekday, hour });
      }
    }
  });

  it('reads Tuesday 23:59 JST into the Tuesday 23:00 cell although it is Tuesday 14:59 UTC', () => {
    expect(weekdayHourOfCell(hourIndex('2020-12-29T23:59:00+09:00') % 168)).toEqual({ weekday: 2, hour: 23 });
  });

  it('formats instants as Tokyo wall-clock minutes, as luxon would', () => {
    for (const iso of ['2020-12-31T14:59:59.999Z', '2020-12-31T15:00:00.000Z', '2021-07-23T00:05:00Z']) {
      expect(tokyoMinuteText(new Date(iso))).toBe(
        DateTime.fromISO(iso, { zone: 'Asia/Tokyo' }).toFormat('yyyy-MM-dd HH:mm'),
      );
    }
  });

  it('writes a run of instants in time order as tokyoMinuteText does, across hours, days and years', () => {
    const write = tokyoMinuteWriter();
    const start = Date.parse('2020-12-31T14:00:00.000Z');
    // Steps of 7 min 13.5 s cross every minute and hour boundary of 23:00 JST to 01:00 JST on New Year's Day.
    for (let ms = start; ms < start + 2 * 3_600_000; ms += 433_500) {
      expect(write(ms)).toBe(tokyoMinuteText(new Date(ms)));
    }
    expect(write(Date.parse('2021-07-23T00:05:59.999Z'))).toBe('2021-07-23 09:05');
    expect(write(Date.parse('2020-12-31T15:00:00.000Z') - 1)).toBe('2020-12-31 23:59');
  });
});
