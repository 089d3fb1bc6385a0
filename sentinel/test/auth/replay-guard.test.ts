import { describe, expect, it } from 'vitest';
import { RateLimiter, ReplayCache } from '../../src/auth/replay-guard.ts';

describe('replay cache', () => {
  it('refuses a signature seen inside the window and forgets it afterwards', () => {
    const cache = new ReplayCache(1000);
    expect(cache.use('a', 0)).toBe(true);
    expect(cache.use('a', 500)).toBe(false);
    expect(cache.use('b', 600)).toBe(true);
    expect(cache.use('a', 1001)).toBe(true);
    expect(cache.use('b', 1200)).toBe(false);
  });

  it('refuses new signatures when full rather than forgetting live ones', () => {
    const cache = new ReplayCache(1000, 2);
    expect(cache.use('a', 0)).toBe(true);
    expect(cache.use('b', 0)).toBe(true);
    expect(cache.use('c', 0)).toBe(false);
    expect(cache.use('a', 10)).toBe(false);
  });
});

describe('rate limiter', () => {
  it('allows a burst, then refills at the configured rate, per key', () => {
    const limiter = new RateLimiter(2, 3);
    expect([0, 0, 0, 0].map(() => limiter.take('k', 0))).toEqual([true, true, true, false]);
    expect(limiter.take('other', 0)).toBe(true);
    expect(limiter.take('k', 400)).toBe(false);
    expect(limiter.take('k', 500)).toBe(true);
    expect(limiter.take('k', 500)).toBe(false);
    expect([0, 0, 0, 0].map(() => limiter.take('k', 10_000))).toEqual([true, true, true, false]);
  });
});
