import { describe, expect, it } from 'vitest';
import { Z95 } from '../stats/confidence.ts';
import { pairedDelta } from './compare.ts';
import { MIN_TARGET_CHUNKS, SmartStop, smartRule, type ChunkStats } from './smart-stop.ts';
import { statWeightVariantName, WEIGHED_STATS } from './stat-weights.ts';

/** A deterministic pseudo-random stream (mulberry32) for constructed runs. */
function stream(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Chunks of `size` samples around `mean` with spread ±`spread` (uniform), in seed order. */
function run(seed: number, mean: number, spread: number, chunks: number, size = 100): number[][] {
  const next = stream(seed);
  return Array.from({ length: chunks }, () =>
    Array.from({ length: size }, () => mean + spread * (2 * next() - 1)),
  );
}

function stats(samples: number[]): ChunkStats {
  const n = samples.length;
  const mean = samples.reduce((a, b) => a + b, 0) / n;
  return { n, mean, m2: samples.reduce((a, x) => a + (x - mean) ** 2, 0), samples };
}

/** The relative error mergeResults prints for these samples (two passes, population σ). */
function printedRelativeError(samples: number[]): number {
  const n = samples.length;
  const mean = samples.reduce((x, y) => x + y, 0) / n;
  const sd = Math.sqrt(samples.reduce((x, v) => x + (v - mean) ** 2, 0) / n);
  return (Z95 * sd) / Math.sqrt(n) / mean;
}

describe('SmartStop', () => {
  it('stops a run at the first prefix whose printed error is within the target', () => {
    const chunks = run(1, 1000, 300, 50);
    const target = 0.01;
    let expected = chunks.length;
    for (let k = MIN_TARGET_CHUNKS; k <= chunks.length; k++) {
      if (printedRelativeError(chunks.slice(0, k).flat()) <= target) {
        expected = k;
        break;
      }
    }
    expect(expected).toBeLessThan(chunks.length); // the target is reachable: the case means something
    const s = new SmartStop(1, target, chunks.length, 'each');
    for (const c of chunks) s.push(0, stats(c));
    expect(s.advance()).toEqual([{ run: 0, chunks: expected, reason: 'target' }]);
    expect(s.done).toBe(true);
  });

  it('stops at the cap when the target is not reached', () => {
    const s = new SmartStop(1, 0.00001, 3, 'each');
    for (const c of run(2, 1000, 300, 3)) s.push(0, stats(c));
    expect(s.advance()).toEqual([{ run: 0, chunks: 3, reason: 'cap' }]);
  });

  it('gives the same stops whatever order the chunks arrive in', () => {
    const runs = [run(3, 1000, 300, 40), run(4, 1010, 300, 40), run(5, 900, 300, 40)];
    const inOrder = new SmartStop(3, 0.004, 40, 'eliminate');
    runs.forEach((chunks, i) => chunks.forEach((c) => inOrder.push(i, stats(c))));
    const all = inOrder.advance();
    // one chunk at a time, runs interleaved backwards, advancing after each
    const trickle = new SmartStop(3, 0.004, 40, 'eliminate');
    const seen = [];
    for (let k = 0; k < 40; k++)
      for (let i = 2; i >= 0; i--) {
        if (trickle.received(i) === k) trickle.push(i, stats(runs[i]![k]!));
        seen.push(...trickle.advance());
      }
    expect(seen.sort((a, b) => a.run - b.run)).toEqual(all.sort((a, b) => a.run - b.run));
    expect(trickle.runs).toEqual(inOrder.runs);
  });

  it('eliminates runs clearly below the best early and never the best', () => {
    for (let seed = 10; seed < 40; seed++) {
      // the best is 2 % above the next, which is far above the rest
      const means = [1000, 1020, 700, 650, 1000];
      const runs = means.map((m, i) => run(seed * 10 + i, m, 400, 60));
      const s = new SmartStop(means.length, 0.002, 60, 'eliminate');
      runs.forEach((chunks, i) => chunks.forEach((c) => s.push(i, stats(c))));
      const stops = s.advance();
      const byRun = new Map(stops.map((x) => [x.run, x]));
      expect(byRun.get(1)!.reason).not.toBe('eliminated');
      expect(byRun.get(2)!.reason).toBe('eliminated');
      expect(byRun.get(3)!.reason).toBe('eliminated');
      expect(byRun.get(2)!.chunks).toBeLessThan(10);
      expect(s.done).toBe(true);
    }
  });

  it('without elimination (stat weights) every run goes to its own target or the cap', () => {
    const runs = [run(50, 1000, 300, 30), run(51, 500, 300, 30)];
    const s = new SmartStop(2, 0.01, 30, 'each');
    runs.forEach((chunks, i) => chunks.forEach((c) => s.push(i, stats(c))));
    expect(s.advance().map((x) => x.reason)).not.toContain('eliminated');
    expect(s.done).toBe(true);
  });
});

describe('SmartStop, stat weights (paired rule)', () => {
  const CHUNKS = 60;
  /** The base: wide spread (the DPS σ), like a fight's variance. */
  const base = run(100, 1000, 400, CHUNKS);
  /** A variant = the base + `shift` + its own noise of ±`noise`: common random numbers, paired. */
  function variant(seed: number, shift: number, noise: number): number[][] {
    const own = run(seed, 0, noise, CHUNKS);
    return base.map((chunk, k) => chunk.map((x, j) => x + shift + own[k]![j]!));
  }

  /** Brute force: the first prefix (≥ MIN_TARGET_CHUNKS) where the paired Δ error is within the target. */
  function pairedStop(v: number[][], target: number, upTo: number): number | null {
    for (let k = MIN_TARGET_CHUNKS; k <= upTo; k++) {
      const b = base.slice(0, k).flat();
      const mean = b.reduce((x, y) => x + y, 0) / b.length;
      if (pairedDelta(b, v.slice(0, k).flat()).error <= target * mean) return k;
    }
    return null;
  }

  function push(s: SmartStop, runs: number[][][]): void {
    runs.forEach((chunks, i) => chunks.forEach((c) => s.push(i, stats(c))));
  }

  it('stops a variant identical to the base at the minimum, the base on its own error', () => {
    const target = 0.01;
    const s = new SmartStop(2, target, CHUNKS, 'paired');
    push(s, [base, base]);
    const stops = s.advance();
    let own = CHUNKS;
    for (let k = MIN_TARGET_CHUNKS; k <= CHUNKS; k++)
      if (printedRelativeError(base.slice(0, k).flat()) <= target) {
        own = k;
        break;
      }
    expect(own).toBeGreaterThan(MIN_TARGET_CHUNKS); // the base needs more: the case means something
    expect(stops).toEqual([
      { run: 1, chunks: MIN_TARGET_CHUNKS, reason: 'target' },
      { run: 0, chunks: own, reason: 'target' },
    ]);
    expect(s.runs[1]!.delta).toEqual({ n: MIN_TARGET_CHUNKS * 100, mean: 0, m2: 0 });
  });

  it('stops each variant at the first prefix where its paired Δ error is within the target; a noisier one runs longer', () => {
    const target = 0.01;
    const quiet = variant(200, 20, 150);
    const noisy = variant(201, 20, 350);
    const s = new SmartStop(3, target, CHUNKS, 'paired');
    push(s, [base, quiet, noisy]);
    const byRun = new Map(s.advance().map((x) => [x.run, x]));
    const q = pairedStop(quiet, target, CHUNKS)!;
    const n = pairedStop(noisy, target, CHUNKS)!;
    expect(byRun.get(1)).toEqual({ run: 1, chunks: q, reason: 'target' });
    expect(byRun.get(2)).toEqual({ run: 2, chunks: n, reason: 'target' });
    expect(n).toBeGreaterThan(q);
    // the variants' own DPS errors are nowhere near the target when they stop: their σ is the base's
    expect(printedRelativeError(quiet.slice(0, q).flat())).toBeGreaterThan(target);
    // the base stops on its own error, never before a variant
    expect(byRun.get(0)!.reason).toBe('target');
    expect(byRun.get(0)!.chunks).toBeGreaterThanOrEqual(n);
    expect(printedRelativeError(base.slice(0, byRun.get(0)!.chunks).flat())).toBeLessThanOrEqual(target);
  });

  it('keeps the base going while a variant still needs it to pair with', () => {
    const target = 0.01;
    // Δ noise wider than the base's own spread: this weight needs more iterations than the base's DPS
    const wild = variant(300, 10, 500);
    const s = new SmartStop(2, target, CHUNKS, 'paired');
    push(s, [base, wild]);
    const stops = s.advance();
    const v = pairedStop(wild, target, CHUNKS)!;
    expect(v).toBeGreaterThan(MIN_TARGET_CHUNKS);
    expect(printedRelativeError(base.slice(0, v - 1).flat())).toBeLessThanOrEqual(target); // base alone would stop before
    expect(stops[0]).toEqual({ run: 1, chunks: v, reason: 'target' });
    expect(stops[1]!.run).toBe(0);
    expect(stops[1]!.chunks).toBeGreaterThanOrEqual(v);
  });

  it('gives the same stops whatever order the chunks arrive in', () => {
    const runs = [base, variant(400, 5, 200), variant(401, -30, 450), base];
    const all = new SmartStop(4, 0.01, CHUNKS, 'paired');
    push(all, runs);
    const expected = all.advance();
    // variants far ahead of the base, the base trickling in last, advancing after each chunk
    const trickle = new SmartStop(4, 0.01, CHUNKS, 'paired');
    const seen = [];
    for (let k = 0; k < CHUNKS; k++)
      for (const i of [3, 2, 1]) {
        if (trickle.received(i) === k) trickle.push(i, stats(runs[i]![k]!));
        seen.push(...trickle.advance());
      }
    expect(seen).toEqual([]); // nothing stops without the base's chunks over the same seeds
    for (let k = 0; k < CHUNKS; k++) {
      if (trickle.received(0) === k) trickle.push(0, stats(base[k]!));
      seen.push(...trickle.advance());
    }
    const byRun = (x: Array<{ run: number }>) => [...x].sort((a, b) => a.run - b.run);
    expect(byRun(seen)).toEqual(byRun(expected));
    expect(trickle.runs).toEqual(all.runs);
    expect(all.done).toBe(true);
  });

  it('stops every run at the cap when the target is out of reach', () => {
    const s = new SmartStop(2, 1e-7, 5, 'paired');
    push(s, [base.slice(0, 5), variant(500, 10, 100).slice(0, 5)]);
    expect(s.advance()).toEqual([
      { run: 1, chunks: 5, reason: 'cap' },
      { run: 0, chunks: 5, reason: 'cap' },
    ]);
  });

  it('refuses chunks without their samples', () => {
    const s = new SmartStop(2, 0.01, 5, 'paired');
    expect(() => s.push(0, { n: 100, mean: 1000, m2: 5 })).toThrow(/samples/);
  });

  it('is the rule of exactly the stat-weights variants', () => {
    const weights = WEIGHED_STATS.map(statWeightVariantName);
    expect(smartRule(weights, false)).toBe('paired');
    expect(smartRule(weights, true)).toBe('paired');
    expect(smartRule(weights.slice(1), true)).toBe('eliminate');
    expect(smartRule(weights.slice(1), false)).toBe('each');
    expect(smartRule([], true)).toBe('each');
  });
});
