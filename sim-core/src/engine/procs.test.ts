/**
 * Real procs per minute as SimC's real_ppm_t (engine/sim/proc_rng.cpp at 50d415071f), the one
 * implementation every RPPM proc here uses (racials, Radiant Power, Shadow Hounds).
 */
import { describe, expect, it } from 'vitest';
import { Rppm } from './procs.ts';

describe('Rppm (SimC real_ppm_t)', () => {
  /**
   * SimC's real_ppm_t (proc_rng.cpp) by hand: with an attempt every second the chance of attempt
   * k after a proc is 1.5 / 60 × max(1, 1 + 3 × (k s / 40 s − 1.5)); the mean time between procs is
   * Σ_k P(no proc in the first k attempts) seconds.
   */
  function meanIntervalSeconds(): number {
    let survive = 1;
    let mean = 0;
    for (let k = 1; k < 2000 && survive > 1e-15; k++) {
      mean += survive;
      const p = Math.min(1, (1.5 / 60) * Math.max(1, 1 + 3 * (k / 40 - 1.5)));
      survive *= 1 - p;
    }
    return mean;
  }

  it('Rppm, an attempt a second: the mean interval is the hand figure (within 4 σ)', () => {
    const rppm = new Rppm();
    let seed = 12345;
    const rng = {
      next: () => {
        seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
        return seed / 2 ** 32;
      },
    };
    const seconds = 2_000_000;
    let procs = 0;
    for (let s = 1; s <= seconds; s++) if (rppm.trigger(s * 1000, 1.5, 1, rng)) procs++;
    const mean = meanIntervalSeconds(); // ≈ 33 s: bad-luck protection makes it shorter than 40 s
    expect(mean).toBeGreaterThan(30);
    expect(mean).toBeLessThan(40);
    const expected = seconds / mean;
    // the intervals' spread is below an exponential's; √n is an upper bound of σ
    expect(Math.abs(procs - expected)).toBeLessThan(4 * Math.sqrt(expected));
  });

  it('Rppm: a gap counts 3.5 s at most; a second attempt in the same ms does not roll', () => {
    const rppm = new Rppm();
    const rolls: number[] = [];
    const rng = { next: () => (rolls.push(1), 0.999) };
    rppm.trigger(1000, 1.5, 1, rng);
    rppm.trigger(1000, 1.5, 1, rng);
    expect(rolls.length).toBe(1);
    // after 100 s without an attempt 3.5 s count: the chance is 1.5 × 3.5 / 60 = 0.0875 (no protection yet)
    const hit = new Rppm();
    expect(hit.trigger(100_000, 1.5, 1, { next: () => 0.0874 })).toBe(true);
    expect(hit.accumulated).toBe(0); // a proc clears the protection
    const miss = new Rppm();
    expect(miss.trigger(100_000, 1.5, 1, { next: () => 0.0876 })).toBe(false);
    expect(miss.accumulated).toBe(3500);
  });
});
