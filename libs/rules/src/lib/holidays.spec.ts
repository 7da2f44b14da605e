import { isJapaneseHoliday, japaneseHolidayName } from './holidays';

describe('japaneseHolidayName', () => {
  it.each([
    ['2020-05-06', '憲法記念日 振替休日'],
    ['2020-07-23', '海の日'],
    ['2020-07-24', 'スポーツの日'],
    ['2020-08-10', '山の日'],
    ['2021-07-22', '海の日'],
    ['2021-07-23', 'スポーツの日'],
    ['2021-08-08', '山の日'],
    ['2021-08-09', '山の日 振替休日'],
  ])('%s is %s', (date, name) => {
    expect(japaneseHolidayName(date)).toBe(name);
    expect(isJapaneseHoliday(date)).toBe(true);
  });

  it.each(['2020-07-20', '2020-07-22', '2020-10-12', '2021-08-11', 'constructor', 'toString'])(
    '%s is no holiday',
    (date) => {
      expect(japaneseHolidayName(date)).toBeNull();
    },
  );

  it('gives the same 2020 holidays whatever the process time zone', () => {
    const days = Array.from({ length: 366 }, (_, i) => new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10));
    expect(days.filter(isJapaneseHoliday)).toEqual([
      '2020-01-01',
      '2020-01-13',
      '2020-02-11',
      '2020-02-23',
      '2020-02-24',
      '2020-03-20',
      '2020-04-29',
      '2020-05-03',
      '2020-05-04',
      '2020-05-05',
      '2020-05-06',
      '2020-07-23',
      '2020-07-24',
      '2020-08-10',
      '2020-09-21',
      '2020-09-22',
      '2020-11-03',
      '2020-11-23',
    ]);
  });
});
