import { deskHoursOn } from '@madoguchi/rules';
import { DateTime } from 'luxon';
import { levelOn, ordinalOf, planDays, type DeskDay } from './volume';

const FROM = '2020-07-01';
const TO = '2021-12-28';

const weekdayOf = (day: DeskDay) => DateTime.fromISO(day.date, { zone: 'Asia/Tokyo' }).weekday;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
/** Weight per open hour, so that Saturdays' half days compare fairly. */
const hourly = (day: DeskDay) => day.weight / (day.openSeconds / 3600);

describe('planDays', () => {
  const days = planDays(FROM, TO, 20_000, 20200701, deskHoursOn);
  const byDate = new Map(days.map((d) => [d.date, d]));

  it('apportions exactly the cases asked for, over open days only', () => {
    expect(days.reduce((sum, d) => sum + d.cases, 0)).toBe(20_000);
    for (const day of days) expect(deskHoursOn(day.date).open).toBe(true);
    const closed = ['2020-07-23', '2020-12-29', '2021-01-03', '2020-08-01', '2020-08-02'];
    for (const date of closed) expect(byDate.has(date)).toBe(false);
    expect(planDays(FROM, TO, 7, 1, deskHoursOn).reduce((sum, d) => sum + d.cases, 0)).toBe(7);
  });

  it('gives each day its cases in proportion to its weight, to within one case', () => {
    const total = days.reduce((sum, d) => sum + d.weight, 0);
    for (const day of days) expect(Math.abs(day.cases - (20_000 * day.weight) / total)).toBeLessThan(1);
  });

  it('peaks when points started in September 2020 and has a smaller wave before the 2021 deadline', () => {
    expect(levelOn(ordinalOf('2020-09-10'))).toBe(1);
    expect(levelOn(ordinalOf('2021-12-20'))).toBeLessThan(0.7);
    expect(levelOn(ordinalOf('2021-12-20'))).toBeGreaterThan(3 * levelOn(ordinalOf('2021-06-15')));
  });

  it('makes a weekday after a holiday busier than the same weekday in the weeks around it', () => {
    const ratios: number[] = [];
    for (const day of days) {
      const date = DateTime.fromISO(day.date, { zone: 'Asia/Tokyo' });
      let previous = date.minus({ days: 1 });
      while (previous.weekday > 5) previous = previous.minus({ days: 1 });
      const closure = deskHoursOn(previous.toISODate() ?? '');
      if (date.weekday > 5 || closure.open || closure.closedReason === 'outside_programme') continue;
      const neighbours = [-7, 7]
        .map((offset) => byDate.get(date.plus({ days: offset }).toISODate() ?? ''))
        .filter((d): d is DeskDay => d !== undefined);
      if (neighbours.length) ratios.push(day.weight / mean(neighbours.map((d) => d.weight)));
    }
    expect(ratios.length).toBeGreaterThan(15);
    expect(mean(ratios)).toBeGreaterThan(1.15);
  });

  it('weights Mondays above Thursdays and Saturday mornings above weekday hours', () => {
    const onWeekday = (weekday: number) => days.filter((d) => weekdayOf(d) === weekday).map(hourly);
    expect(mean(onWeekday(1))).toBeGreaterThan(1.15 * mean(onWeekday(4)));
    expect(mean(onWeekday(6))).toBeGreaterThan(mean(onWeekday(3)));
  });

  it('weights the last days of a month above the rest, in the quiet months when the trend is flat', () => {
    const quiet = days.filter((d) => d.date >= '2021-04-01' && d.date <= '2021-08-31' && weekdayOf(d) <= 5);
    const monthEnd = quiet.filter((d) => {
      const date = DateTime.fromISO(d.date);
      return date.day > (date.daysInMonth ?? 31) - 5;
    });
    const rest = quiet.filter((d) => !monthEnd.includes(d));
    expect(mean(monthEnd.map((d) => d.weight))).toBeGreaterThan(1.08 * mean(rest.map((d) => d.weight)));
  });

  it('splits the open hours into half hours weighted towards late morning', () => {
    const weekday = byDate.get('2020-09-09');
    expect(weekday?.bins).toHaveLength(17);
    expect(weekday?.openSeconds).toBe(8.5 * 3600);
    const saturday = byDate.get('2020-09-12');
    expect(saturday?.openSeconds).toBe(3.5 * 3600);
    const at = (clock: string) =>
      weekday?.bins.find(
        (b) => b.start === DateTime.fromISO(`2020-09-09T${clock}`, { zone: 'Asia/Tokyo' }).toSeconds(),
      );
    expect(at('10:30')?.weight).toBeGreaterThan(2 * (at('08:30')?.weight ?? 0));
    expect(at('10:30')?.weight).toBeGreaterThan(2 * (at('16:30')?.weight ?? 0));
  });

  it('does not depend on the range asked for: a day weighs the same in a shorter plan', () => {
    const short = planDays('2020-09-01', '2020-09-30', 1000, 20200701, deskHoursOn);
    for (const day of short) expect(day.weight).toBe(byDate.get(day.date)?.weight);
  });

  it('refuses to place cases when the desk is closed throughout', () => {
    expect(() => planDays('2020-12-29', '2021-01-03', 10, 1, deskHoursOn)).toThrow(RangeError);
    expect(planDays('2020-12-29', '2021-01-03', 0, 1, deskHoursOn)).toEqual([]);
  });
});
