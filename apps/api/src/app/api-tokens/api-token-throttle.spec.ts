import { ApiTokenThrottle } from './api-token-throttle';

describe('ApiTokenThrottle', () => {
  const start = Date.UTC(2020, 10, 24, 1, 0, 0);

  it('lets 60 requests of a token through in a minute and refuses the 61st until that minute is over', () => {
    const throttle = new ApiTokenThrottle(60);
    const hits = Array.from({ length: 60 }, (_, i) => throttle.hit(7, start + i * 100));
    expect(hits.every((hit) => !hit.over)).toBe(true);
    const refused = throttle.hit(7, start + 15_000);
    expect(refused).toEqual({ count: 61, over: true, retryAfter: 45 });
    expect(throttle.hit(7, start + 59_999).over).toBe(true);
    expect(throttle.hit(7, start + 60_000)).toEqual({ count: 1, over: false, retryAfter: 60 });
  });

  it('counts each token on its own', () => {
    const throttle = new ApiTokenThrottle(2);
    throttle.hit(1, start);
    throttle.hit(1, start);
    expect(throttle.hit(1, start).over).toBe(true);
    expect(throttle.hit(2, start).over).toBe(false);
  });

  it('never asks to wait less than a second', () => {
    const throttle = new ApiTokenThrottle(1);
    throttle.hit(1, start);
    expect(throttle.hit(1, start + 59_900).retryAfter).toBe(1);
  });
});
