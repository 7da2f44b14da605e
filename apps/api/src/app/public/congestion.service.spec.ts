import { estimateWaitMinutes } from './congestion.service';

const MIN = 60_000;

describe('the estimated wait shown to citizens', () => {
  it('is waiting × median handling ÷ staff serving, rounded up to whole minutes', () => {
    expect(estimateWaitMinutes(true, 3, 10 * MIN, 1)).toBe(30);
    expect(estimateWaitMinutes(true, 3, 10 * MIN, 2)).toBe(15);
    expect(estimateWaitMinutes(true, 1, 12.5 * MIN, 3)).toBe(5);
  });

  it('assumes one counter when nobody is serving yet', () => {
    expect(estimateWaitMinutes(true, 2, 8 * MIN, 0)).toBe(16);
  });

  it('is 0 without a queue, and unknown when closed or with no handling time to go by', () => {
    expect(estimateWaitMinutes(true, 0, null, 0)).toBe(0);
    expect(estimateWaitMinutes(false, 5, 10 * MIN, 1)).toBeNull();
    expect(estimateWaitMinutes(true, 5, null, 1)).toBeNull();
  });
});
