import { describe, expect, it } from 'vitest';
import { Backoff, backoffBase, backoffDelay, RECONNECT_BACKOFF } from '../../src/client/backoff.ts';

describe('backoff', () => {
  it('doubles from 1 s and caps at 60 s for reconnects', () => {
    const bases = Array.from({ length: 10 }, (_, i) => backoffBase(i, RECONNECT_BACKOFF));
    expect(bases).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000, 60_000]);
    expect(backoffBase(10_000, RECONNECT_BACKOFF)).toBe(60_000);
  });

  it('jitter keeps every delay within [base·(1-jitter), base]', () => {
    for (let attempt = 0; attempt < 12; attempt++) {
      const base = backoffBase(attempt, RECONNECT_BACKOFF);
      expect(backoffDelay(attempt, RECONNECT_BACKOFF, () => 0)).toBe(base);
      expect(backoffDelay(attempt, RECONNECT_BACKOFF, () => 0.999999)).toBeGreaterThanOrEqual(
        Math.floor(base * 0.7),
      );
      for (let i = 0; i < 50; i++) {
        const d = backoffDelay(attempt, RECONNECT_BACKOFF);
        expect(d).toBeGreaterThanOrEqual(Math.floor(base * 0.7));
        expect(d).toBeLessThanOrEqual(base);
      }
    }
  });

  it('spreads delays (jitter is really applied)', () => {
    const seen = new Set(Array.from({ length: 100 }, () => backoffDelay(3, RECONNECT_BACKOFF)));
    expect(seen.size).toBeGreaterThan(10);
  });

  it('Backoff grows until reset', () => {
    const b = new Backoff({ initialMs: 100, maxMs: 1_000, jitter: 0 });
    expect([b.next(), b.next(), b.next(), b.next(), b.next()]).toEqual([100, 200, 400, 800, 1_000]);
    expect(b.attempts).toBe(5);
    b.reset();
    expect(b.next()).toBe(100);
  });
});
