import { describe, expect, it } from 'vitest';
import { Z95 } from '../stats/confidence.ts';
import { MIN_TARGET_CHUNKS, SmartStop, type ChunkStats } from './smart-stop.ts';

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
  return { n, mean, m2: samples.reduce((a, x) => a + (x - mean) ** 2, 0) };
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
    const s = new SmartStop(1, target, chunks.length, false);
    for (const c of chunks) s.push(0, stats(c));
    expect(s.advance()).toEqual([{ run: 0, chunks: expected, reason: 'target' }]);
    expect(s.done).toBe(true);
  });

  it('stops at the cap when the target is not reached', () => {
    const s = new SmartStop(1, 0.00001, 3, false);
    for (const c of run(2, 1000, 300, 3)) s.push(0, stats(c));
    expect(s.advance()).toEqual([{ run: 0, chunks: 3, reason: 'cap' }]);
  });

  it('gives the same stops whatever order the chunks arrive in', () => {
    const runs = [run(3, 1000, 300, 40), run(4, 1010, 300, 40), run(5, 900, 300, 40)];
    const inOrder = new SmartStop(3, 0.004, 40, true);
    runs.forEach((chunks, i) => chunks.forEach((c) => inOrder.push(i, stats(c))));
    const all = inOrder.advance();
    // one chunk at a time, runs interleaved backwards, advancing after each
    const trickle = new SmartStop(3, 0.004, 40, true);
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
      const s = new SmartStop(means.length, 0.002, 60, true);
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
    const s = new SmartStop(2, 0.01, 30, false);
    runs.forEach((chunks, i) => chunks.forEach((c) => s.push(i, stats(c))));
    expect(s.advance().map((x) => x.reason)).not.toContain('eliminated');
    expect(s.done).toBe(true);
  });
});
