import { calendarWeeks, expectedArrivals, forecastMonth } from './forecast';

describe('the citizens’ busy-day forecast', () => {
  it('adds up a typical day', () => {
    expect(
      expectedArrivals([
        { hour: 9, arrivals: 2.5 },
        { hour: 10, arrivals: 3.25 },
      ]),
    ).toBe(5.8);
  });

  it('marks weekdays well above the month’s average as busy and well below as quiet', () => {
    // 2020-09-07 is a Monday.
    const days = [
      { date: '2020-09-07', open: true },
      { date: '2020-09-08', open: true },
      { date: '2020-09-09', open: true },
      { date: '2020-09-13', open: false },
    ];
    const expected = new Map([
      [1, 30],
      [2, 20],
      [3, 10],
    ]);
    expect(forecastMonth(days, expected).map((day) => day.forecast)).toEqual(['busy', 'normal', 'quiet', 'closed']);
  });

  it('calls every open day usual when there is no history', () => {
    expect(forecastMonth([{ date: '2020-09-07', open: true }], new Map())[0]?.forecast).toBe('normal');
  });

  it('lays a month out in Monday-first weeks', () => {
    // September 2020 starts on a Tuesday.
    const days = forecastMonth(
      Array.from({ length: 30 }, (_, i) => ({ date: `2020-09-${String(i + 1).padStart(2, '0')}`, open: true })),
      new Map(),
    );
    const weeks = calendarWeeks(days);
    expect(weeks).toHaveLength(5);
    expect(weeks[0]?.[0]).toBeNull();
    expect(weeks[0]?.[1]?.date).toBe('2020-09-01');
    expect(weeks[4]?.[2]?.date).toBe('2020-09-30');
  });
});
