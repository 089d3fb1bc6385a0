/**
 * Closed-form cases: a one-ability test spec on the real engine (events, GCD, haste, cooldowns
 * with charges, dots with hasted ticks, crits), whose DPS we compute by hand.
 */
import { describe, expect, it } from 'vitest';
import { summarize } from '../stats/merge.ts';
import { HIT, run } from './test-support.ts';

describe('closed-form cases', () => {
  it('one instant ability on the GCD: 7 casts in 10 s', () => {
    // GCD 1500 ms: casts at 0, 1.5, ..., 9.0 s.
    const { samples, sim } = run({ seconds: 10 });
    expect(samples[0]).toBe((7 * HIT) / 10);
    expect(sim.srcCasts[0]).toBe(7);
  });

  it('haste shortens the GCD and versatility scales damage exactly', () => {
    // 6600 haste rating = 10 % → GCD round(1500 / 1.1) = 1364 ms → casts at 0 .. 9548 ms = 8 casts.
    // 7800 versatility rating = 10 % → 1100 per hit.
    const { samples } = run({ seconds: 10, ratings: { haste: 6600, versatility: 7800 } });
    expect(samples[0]).toBe((8 * 1100) / 10);
  });

  it('cast times are hasted and a cast finishing at the end still lands', () => {
    // 2000 ms cast, 10 % haste → 1818 ms: completions at 1818, 3636, ..., 9090 → 5 hits in 10 s.
    const { samples } = run({ seconds: 10, bolt: { castMs: 2000 }, ratings: { haste: 6600 } });
    expect(samples[0]).toBe((5 * HIT) / 10);
  });

  it('a cooldown with two charges: 0, 1.5, then every 5 s', () => {
    // Charges 2, recharge 5 s (not hasted): casts at 0, 1.5, 5, 10, 15 and at 20 (the last millisecond).
    const { samples, sim } = run({ seconds: 20, bolt: { cooldownMs: 5000, charges: 2 } });
    expect(sim.srcCasts[0]).toBe(6);
    expect(samples[0]).toBe((6 * HIT) / 20);
  });

  it('a cast pays its cooldown when it finishes, not when it begins', () => {
    // 2 s cast, 5 s cooldown from the end of each cast: casts 0-2, 7-9, 14-16 s → 3 hits in 20 s
    // (paid at cast start it would be 4: casts at 0, 5, 10, 15 s).
    const { samples, sim } = run({ seconds: 20, bolt: { castMs: 2000, cooldownMs: 5000 } });
    expect(sim.srcHits[0]).toBe(3);
    expect(samples[0]).toBe((3 * HIT) / 20);
  });

  it('a dot ticks hasted with a partial last tick', () => {
    // One cast (cooldown longer than the fight), 8 s dot, 2 s ticks hasted by 10 % → 1818 ms:
    // ticks at 1818, 3636, 5454, 7272 and a partial tick at 8000 of 728/1818.
    const { sim } = run({ seconds: 12, mode: 'dot', bolt: { cooldownMs: 60_000 }, ratings: { haste: 6600 } });
    const expected = 4 * HIT + Math.round((HIT * 728) / 1818);
    expect(sim.srcHits[0]).toBe(5);
    expect(sim.srcDamage[0]).toBe(expected);
  });

  it('with crit chance p the mean converges to hits × 1000 × (1 + p) within 3 DPS errors', () => {
    // 17500 crit rating = 25 % (no diminishing returns below 30 %) + 5 % base = 30 %.
    const { samples } = run({ seconds: 10, ratings: { crit: 17_500 }, critBonus: 0, iterations: 4000 });
    const { n, mean, m2 } = summarize(samples);
    const expected = (7 * HIT * 1.3) / 10;
    const dpsError = (1.96 * Math.sqrt(m2 / (n - 1))) / Math.sqrt(n);
    expect(dpsError).toBeGreaterThan(0);
    expect(Math.abs(mean - expected)).toBeLessThan(3 * dpsError);
  });

  it('an execute-range action waits for the target to drop below its threshold', () => {
    // Usable below 20 % health: from 8 s of a 10 s fight; casts at 8 and 9.5 s.
    const { samples, sim } = run({ seconds: 10, bolt: { executePct: 20 } });
    expect(sim.srcCasts[0]).toBe(2);
    expect(samples[0]).toBe((2 * HIT) / 10);
  });
});
