import { binsOf, medianAndP90, medianRanks, minutesDistribution, minutesOneDecimal, p90Rank } from './percentiles';

const MIN = 60_000;

describe('median and nearest-rank p90', () => {
  it('has neither for no values', () => {
    expect(medianAndP90([])).toEqual({ median: null, p90: null });
    expect(minutesDistribution([])).toEqual({ median: null, p90: null });
  });

  it('is the value itself for one value', () => {
    expect(medianAndP90(binsOf([7]))).toEqual({ median: 7, p90: 7 });
  });

  it('takes the middle value of an odd count, whatever the order', () => {
    expect(medianAndP90(binsOf([9, 1, 5])).median).toBe(5);
  });

  it('takes the mean of the two middle values of an even count', () => {
    expect(medianAndP90(binsOf([4, 1, 10, 3])).median).toBe(3.5);
    expect(medianRanks(4)).toEqual([2, 3]);
    expect(medianRanks(5)).toEqual([3, 3]);
  });

  it('takes the ⌈0.9·n⌉-th smallest value as p90', () => {
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(medianAndP90(binsOf(ten)).p90).toBe(9);
    expect(medianAndP90(binsOf([...ten, 11])).p90).toBe(10);
    expect(medianAndP90(binsOf([3, 1])).p90).toBe(3);
    expect(p90Rank(70)).toBe(63);
    expect(p90Rank(1)).toBe(1);
  });

  it('counts repeated values in bins as often as they occur', () => {
    const bins = [
      { value: 10, count: 3 },
      { value: 2, count: 1 },
      { value: 30, count: 1 },
      { value: 10, count: 1 },
    ];
    // Sorted: 2, 10, 10, 10, 10, 30.
    expect(medianAndP90(bins)).toEqual({ median: 10, p90: 30 });
  });

  it('reports minutes with one decimal, rounding halves up', () => {
    expect(minutesDistribution(binsOf([5 * MIN, 8 * MIN]))).toEqual({ median: 6.5, p90: 8 });
    expect(minutesOneDecimal(90_000 + 3_000)).toBe(1.6);
    expect(minutesOneDecimal(90_000 + 2_999)).toBe(1.5);
    expect(minutesOneDecimal(null)).toBeNull();
  });
});
