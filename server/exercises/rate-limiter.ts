/**
 * A fixed-window counter per key (an IP address): enough to make guessing join codes
 * hopeless (a few attempts a minute against 244 million codes) without a dependency.
 */
export class RateLimiter {
  private windows = new Map<string, { start: number; count: number }>();
  private readonly limit: number;
  private readonly windowMs: number;

  constructor(limit: number, windowMs: number) {
    this.limit = limit;
    this.windowMs = windowMs;
  }

  /** Records an attempt; returns the milliseconds to wait when over the limit, else 0. */
  hit(key: string, now = Date.now()): number {
    const window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      this.windows.set(key, { start: now, count: 1 });
      if (this.windows.size > 10_000) this.prune(now);
      return 0;
    }
    window.count++;
    return window.count > this.limit ? window.start + this.windowMs - now : 0;
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) if (now - window.start >= this.windowMs) this.windows.delete(key);
  }
}
