// Seen-signature cache (replay window) and per-key token buckets.

/** Remembers signatures for `windowMs` after first use; insertion order = expiry order. */
export class ReplayCache {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly windowMs: number,
    private readonly maxEntries = 1_000_000,
  ) {}

  /** Records the signature; false if it was already used inside the window (or the cache is full). */
  use(sig: string, now: number): boolean {
    this.purge(now);
    if (this.seen.has(sig)) return false;
    if (this.seen.size >= this.maxEntries) return false;
    this.seen.set(sig, now + this.windowMs);
    return true;
  }

  private purge(now: number): void {
    for (const [sig, expires] of this.seen) {
      if (expires > now) break;
      this.seen.delete(sig);
    }
  }
}

/** Token bucket per key: `burst` tokens, refilled at `perSecond`. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
  ) {}

  take(key: string, now: number): boolean {
    let b = this.buckets.get(key);
    if (!b) {
      if (this.buckets.size > 100_000) this.sweep(now);
      b = { tokens: this.burst, at: now };
      this.buckets.set(key, b);
    }
    b.tokens = Math.min(this.burst, b.tokens + ((now - b.at) / 1000) * this.perSecond);
    b.at = now;
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  private sweep(now: number): void {
    const full = (this.burst / this.perSecond) * 1000;
    for (const [key, b] of this.buckets) if (now - b.at > full) this.buckets.delete(key);
  }
}
