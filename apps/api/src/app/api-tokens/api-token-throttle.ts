/** What one more request of a token finds: how many it has made in its current minute, and when that minute ends. */
export interface ThrottleHit {
  count: number;
  over: boolean;
  /** Whole seconds until the window ends, at least 1: the Retry-After of a refusal. */
  retryAfter: number;
}

/**
 * Requests per token in fixed one-minute windows, counted in this process. The window opens with a token's first
 * request, so a dashboard that polls once a minute never meets it, and a runaway script is held at `limit`.
 */
export class ApiTokenThrottle {
  private readonly windows = new Map<number, { start: number; count: number }>();

  constructor(
    readonly limit: number,
    private readonly windowMs = 60_000,
  ) {}

  hit(tokenId: number, now: number): ThrottleHit {
    let window = this.windows.get(tokenId);
    if (!window || now - window.start >= this.windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(tokenId, window);
    }
    window.count++;
    return {
      count: window.count,
      over: window.count > this.limit,
      retryAfter: Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000)),
    };
  }
}
