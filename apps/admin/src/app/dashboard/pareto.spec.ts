import { pareto } from './pareto';

describe('the Pareto ranking of failure reasons', () => {
  it('ranks by count and accumulates the share up to 100 %', () => {
    const rows = pareto({ a: 2, b: 5, c: 0, d: 3 }, ['a', 'b', 'c', 'd']);
    expect(rows).toEqual([
      { key: 'b', count: 5, cumulativePercent: 50 },
      { key: 'd', count: 3, cumulativePercent: 80 },
      { key: 'a', count: 2, cumulativePercent: 100 },
    ]);
  });

  it('keeps the code list order for ties and rounds to one decimal', () => {
    const rows = pareto({ x: 1, y: 1, z: 1 }, ['z', 'x', 'y']);
    expect(rows.map((row) => row.key)).toEqual(['z', 'x', 'y']);
    expect(rows.map((row) => row.cumulativePercent)).toEqual([33.3, 66.7, 100]);
  });

  it('is empty when nothing failed', () => {
    expect(pareto({ a: 0 }, ['a'])).toEqual([]);
  });
});
