/**
 * Counts failed attempts per key (an IP address) in a fixed window. Only failures count, so a
 * classroom behind one address can join freely while a guesser gets a handful of tries a
 * minute against 244 million codes.
 */
export class FailureLimiter {
  private windows = new Map<string, { start: number; count: number }>();
  private readonly limit: number;
  private readonly windowMs: number;

  constructor(limit: number, windowMs: number) {
    this.limit = limit;
    this.windowMs = windowMs;
  }

  /** Milliseconds to wait before the key may try again, or 0. */
  waitFor(key: string, now = Date.now()): number {
    const window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) return 0;
    return window.count >= this.limit ? window.start + this.windowMs - now : 0;
  }

  recordFailure(key: string, now = Date.now()): void {
    const window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      this.windows.set(key, { start: now, count: 1 });
      if (this.windows.size > 10_000) this.prune(now);
      return;
    }
    window.count++;
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) if (now - window.start >= this.windowMs) this.windows.delete(key);
  }
}
