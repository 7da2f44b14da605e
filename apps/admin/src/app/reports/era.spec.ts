import { eraDate, eraMonth, englishMonth } from './era';

describe('dating a report as official documents do', () => {
  it('writes a Reiwa month with the era name', () => {
    expect(eraMonth('2020-11')).toBe('令和2年11月');
    expect(eraMonth('2020-09')).toBe('令和2年9月');
    expect(eraMonth('2021-12')).toBe('令和3年12月');
  });

  it('writes the first year of an era as 元年, as Intl does for the japanese calendar', () => {
    expect(eraMonth('2019-05')).toMatch(/^令和(元|1)年5月$/);
    expect(eraMonth('2019-04')).toBe('平成31年4月');
  });

  it('dates the preparation day in Tokyo time', () => {
    expect(eraDate(new Date('2020-11-30T15:30:00Z'))).toBe('令和2年12月1日');
  });

  it('names the month in English for the English report', () => {
    expect(englishMonth('2020-09')).toBe('September 2020');
  });
});
