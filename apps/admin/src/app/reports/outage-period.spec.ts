import { reportOutagePeriod } from './outage-period';

describe("an outage's period in the monthly report", () => {
  it('writes a same-day outage with its day once and without the report year', () => {
    // 01:20Z is 10:20 in Tokyo.
    expect(reportOutagePeriod('2020-09-08T01:20:00Z', '2020-09-08T02:00:00Z', 'ja', '継続中', 2020)).toEqual([
      '9月8日(火) 10:20–11:00',
    ]);
    expect(reportOutagePeriod('2020-09-08T01:20:00Z', '2020-09-08T02:00:00Z', 'en', 'ongoing', 2020)).toEqual([
      'Tue 8 Sep 10:20–11:00',
    ]);
  });

  it('writes both days of an outage over midnight, on the Tokyo calendar, a line break allowed between them', () => {
    expect(reportOutagePeriod('2020-07-22T22:00:00Z', '2020-07-23T15:30:00Z', 'ja', '継続中', 2020)).toEqual([
      '7月23日(木) 7:00 –',
      '7月24日(金) 0:30',
    ]);
  });

  it('says an outage is still going on, and keeps the year of a day outside the report year', () => {
    expect(reportOutagePeriod('2020-12-28T03:00:00Z', null, 'ja', '継続中', 2021)).toEqual([
      '2020年12月28日(月) 12:00 –',
      '継続中',
    ]);
  });
});
