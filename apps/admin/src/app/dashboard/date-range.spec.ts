import { matchingPreset, monthRange, presetRange, previousMonth, PROGRAMME_RANGE, rangeFromParams } from './date-range';

// Tuesday 2020-11-24 10:00 in Tokyo (01:00 UTC).
const TUESDAY = new Date('2020-11-24T01:00:00Z');

describe('date range presets', () => {
  it('covers only today for "today", on Tokyo’s calendar', () => {
    expect(presetRange('today', TUESDAY)).toEqual({ from: '2020-11-24', to: '2020-11-24' });
    // 23:30 UTC on the 23rd is already the 24th in Tokyo.
    expect(presetRange('today', new Date('2020-11-23T23:30:00Z'))).toEqual({ from: '2020-11-24', to: '2020-11-24' });
  });

  it('starts "this week" on Monday and "this month" on the 1st, up to today', () => {
    expect(presetRange('week', TUESDAY)).toEqual({ from: '2020-11-23', to: '2020-11-24' });
    expect(presetRange('month', TUESDAY)).toEqual({ from: '2020-11-01', to: '2020-11-24' });
  });

  it('gives FY2020 as April to March and the programme as July 2020 to December 2021', () => {
    expect(presetRange('fy2020', TUESDAY)).toEqual({ from: '2020-04-01', to: '2021-03-31' });
    expect(presetRange('programme', TUESDAY)).toEqual({ from: '2020-07-01', to: '2021-12-31' });
  });

  it('recognises a preset from its range to highlight its button', () => {
    expect(matchingPreset({ from: '2020-11-23', to: '2020-11-24' }, TUESDAY)).toBe('week');
    expect(matchingPreset({ from: '2020-11-02', to: '2020-11-24' }, TUESDAY)).toBeNull();
  });

  it('reads the URL, defaulting to the whole programme and swapping a reversed range', () => {
    expect(rangeFromParams(undefined, undefined)).toEqual(PROGRAMME_RANGE);
    expect(rangeFromParams('2020-13-01', 'x')).toEqual(PROGRAMME_RANGE);
    expect(rangeFromParams('2020-09-30', '2020-09-01')).toEqual({ from: '2020-09-01', to: '2020-09-30' });
  });

  it('gives a month’s days and the month before, across the year end', () => {
    expect(monthRange('2021-02')).toEqual({ from: '2021-02-01', to: '2021-02-28' });
    expect(monthRange('2021-13')).toBeNull();
    expect(previousMonth('2021-01')).toBe('2020-12');
  });
});
