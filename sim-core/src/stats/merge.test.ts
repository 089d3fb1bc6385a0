import { describe, expect, it } from 'vitest';
import { Z95 } from './confidence.ts';
import type { ChunkResult } from '../types.ts';
import { ENGINE_VERSION } from '../version.ts';
import { HISTOGRAM_BINS, mergeResults, percentile, percentilesOf, summarize } from './merge.ts';

function chunk(seedOffset: number, samples: number[], damage = 0): ChunkResult {
  return {
    engineVersion: ENGINE_VERSION,
    seedOffset,
    iterations: samples.length,
    ...summarize(samples),
    samples,
    abilities: damage
      ? {
          kill_command: {
            damage,
            casts: samples.length * 10,
            hits: samples.length * 10,
            crits: samples.length,
          },
        }
      : {},
  };
}

function pseudoRandom(n: number, seed: number): number[] {
  let x = seed;
  return Array.from({ length: n }, () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return 500_000 + (x % 100_000) + (x % 7) / 3;
  });
}

describe('mergeResults', () => {
  it('gives SimulationCraft’s population σ, bit-identical for any split of the iterations', () => {
    const all = pseudoRandom(1000, 3);
    const exactMean = all.reduce((a, b) => a + b, 0) / all.length;
    const exactVar = all.reduce((a, b) => a + (b - exactMean) ** 2, 0) / all.length;
    const single = mergeResults([chunk(0, all)]);
    for (const cuts of [[1000], [1, 999], [333, 333, 334], [10, 90, 400, 500]]) {
      const chunks: ChunkResult[] = [];
      let off = 0;
      for (const c of cuts) {
        chunks.push(chunk(off, all.slice(off, off + c)));
        off += c;
      }
      const r = mergeResults(chunks.reverse());
      expect(r.iterations).toBe(1000);
      // the same bits whatever the split (replicas and merged jobs compare by digest)
      expect(r.mean).toBe(single.mean);
      expect(r.stdDev).toBe(single.stdDev);
      expect(r.mean).toBe(exactMean);
      expect(r.stdDev).toBe(Math.sqrt(exactVar));
      expect(r.dpsError).toBeCloseTo((Z95 * r.stdDev) / Math.sqrt(1000), 9);
      expect(r.min).toBe(Math.min(...all));
      expect(r.max).toBe(Math.max(...all));
    }
  });

  it('merges samples given as typed arrays exactly like arrays (the sentinel decodes them so)', () => {
    const all = pseudoRandom(600, 5);
    const chunks = [chunk(0, all.slice(0, 250), 10), chunk(250, all.slice(250), 20)];
    const typed = chunks.map((c) => ({ ...c, samples: Float64Array.from(c.samples) }));
    expect(mergeResults(typed)).toEqual(mergeResults(chunks));
    typed[1]!.samples[7] = NaN;
    expect(() => mergeResults(typed)).toThrow(/finite/);
  });

  it('computes percentiles by SimulationCraft’s rule (sorted[floor(p·(n−1))]) and a 50-bin histogram', () => {
    const samples = Array.from({ length: 101 }, (_, i) => 1000 + i * 10); // 1000 .. 2000
    const r = mergeResults([chunk(50, samples.slice(50)), chunk(0, samples.slice(0, 50))]);
    expect(r.percentiles).toEqual({ p5: 1050, p25: 1250, p50: 1500, p75: 1750, p95: 1950 });
    expect(r.histogram.counts).toHaveLength(HISTOGRAM_BINS);
    expect(r.histogram.counts.reduce((a, b) => a + b, 0)).toBe(101);
    expect(r.histogram).toMatchObject({ min: 1000, max: 2000, binWidth: 20 });
    expect(r.histogram.counts[0]).toBe(2); // 1000, 1010
    expect(r.histogram.counts[49]).toBe(3); // 1980, 1990, 2000 (max falls in the last bin)
    expect(percentile([1, 2], 0.5)).toBe(1); // no interpolation, as SimulationCraft
    const even = mergeResults([chunk(0, [4, 1, 3, 2])]);
    expect(even.percentiles.p50).toBe(2); // floor(0.5 · 3) = 1 → the second smallest
    expect(even.percentiles.p95).toBe(3); // floor(0.95 · 3) = 2
  });

  it('sums abilities and reports them per iteration with shares and crit percent', () => {
    const a = chunk(0, [100, 100], 1000);
    const b = chunk(2, [100, 100], 3000);
    b.abilities.cobra_shot = { damage: 4000, casts: 8, hits: 8, crits: 2 };
    const r = mergeResults([a, b]);
    const kc = r.abilities.find((x) => x.key === 'kill_command')!;
    const cobra = r.abilities.find((x) => x.key === 'cobra_shot')!;
    expect(kc).toEqual({
      key: 'kill_command',
      name: 'Pet: Kill Command',
      damage: 1000,
      share: 0.5,
      casts: 10,
      hits: 10,
      crits: 1,
      critPct: 10,
      dps: 50,
    });
    expect(cobra).toMatchObject({ name: 'Cobra Shot', damage: 1000, share: 0.5, casts: 2, critPct: 25 });
  });

  it('handles identical samples and rejects bad input', () => {
    const r = mergeResults([chunk(0, [5, 5, 5])]);
    expect(r).toMatchObject({ mean: 5, stdDev: 0, dpsError: 0, min: 5, max: 5 });
    expect(r.histogram.counts[0]).toBe(3);
    expect(() => mergeResults([])).toThrow();
    expect(() => mergeResults([chunk(0, [1, 2]), chunk(1, [3])])).toThrow(/overlapping/);
    expect(() => mergeResults([chunk(0, [1]), { ...chunk(1, [2]), engineVersion: 'x' }])).toThrow(
      /engine versions/,
    );
    expect(() => mergeResults([{ ...chunk(0, [1, 2]), n: 3 }])).toThrow(/inconsistent/);
    expect(() => mergeResults([{ ...chunk(0, [1, 2]), samples: [1, NaN] }])).toThrow(/finite/);
  });
});

describe('percentilesOf', () => {
  it('selects exactly what sorting gives, on random, duplicate-heavy, sorted and reversed data', () => {
    let seed = 12345;
    const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    const ps = [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1];
    const cases: number[][] = [
      [7],
      [2, 1],
      Array.from({ length: 1001 }, () => rand() * 1e6),
      Array.from({ length: 5000 }, () => Math.floor(rand() * 4)),
      Array.from({ length: 3000 }, (_, i) => i),
      Array.from({ length: 3000 }, (_, i) => -i),
      Array.from({ length: 777 }, () => 42),
    ];
    for (const values of cases) {
      const sorted = Float64Array.from(values).sort();
      const expected = ps.map((p) => percentile(sorted, p));
      expect(percentilesOf(Float64Array.from(values), ps)).toEqual(expected);
    }
    expect(percentilesOf(new Float64Array(0), [0.5])).toEqual([0]);
  });
});
