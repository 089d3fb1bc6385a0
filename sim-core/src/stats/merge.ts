import { Z95 } from './confidence.ts';
import { ABILITY_NAMES } from '../specs/ability-names.ts';
import type { AbilityStats, ChunkResult, JobAbility, JobResult } from '../types.ts';

export const HISTOGRAM_BINS = 50;

/** Welford's running (n, mean, M2, min, max) over one chunk's samples. */
export function summarize(samples: ArrayLike<number>): {
  n: number;
  mean: number;
  m2: number;
  min: number;
  max: number;
} {
  let n = 0;
  let mean = 0;
  let m2 = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < samples.length; i++) {
    const x = samples[i]!;
    n++;
    const delta = x - mean;
    mean += delta / n;
    m2 += delta * (x - mean);
    if (x < min) min = x;
    if (x > max) max = x;
  }
  return { n, mean, m2, min: n ? min : 0, max: n ? max : 0 };
}

/**
 * SimulationCraft's percentile rule (extended_sample_data_t::percentile in engine/util/
 * sample_data.hpp): the sorted sample at index floor(p · (n − 1)), no interpolation.
 */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return 0;
  return sorted[Math.floor((n - 1) * p)]!;
}

/** Rearranges a[lo..hi] so that a[k] holds the value sorting would put there: smaller before, larger after. */
function select(a: Float64Array, k: number, lo: number, hi: number): void {
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    const x = a[lo]!;
    const y = a[mid]!;
    const z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/**
 * percentile() for each of `ps` (ascending) without sorting: a quickselect per rank, each
 * within what the previous one left above it. Same values as sorting (order statistics are
 * unique), in linear time; `a` is rearranged.
 */
export function percentilesOf(a: Float64Array, ps: readonly number[]): number[] {
  const n = a.length;
  if (n === 0) return ps.map(() => 0);
  let from = 0;
  return ps.map((p) => {
    const lo = Math.floor((n - 1) * p);
    select(a, lo, from, n - 1);
    from = lo;
    return a[lo]!;
  });
}

/** A chunk result whose samples may be any array of numbers (the sentinel decodes them into a Float64Array). */
export type MergeableChunk = Omit<ChunkResult, 'samples'> & { samples: ArrayLike<number> };

/**
 * Merges chunk results. The statistics are SimulationCraft's (engine/util/sample_data.hpp):
 * mean = the sum of all samples / n, σ = the population standard deviation (Σ(x − mean)² / n),
 * error = z₉₅ · σ / √n (95 %, Z95), percentiles by its floor rule; all computed from the samples in
 * iteration (seed) order, one fixed summation order, so the mean and σ are bit-identical
 * however the iterations were split into chunks and whichever nodes ran them. min/max, the
 * 50-bin histogram and ability sums as before. Chunks are taken in seedOffset order; they must
 * share one engine version and not overlap. Ability figures are means per iteration.
 */
export function mergeResults(chunks: readonly MergeableChunk[]): JobResult {
  if (chunks.length === 0) throw new Error('mergeResults: no chunks');
  const ordered = [...chunks].sort((a, b) => a.seedOffset - b.seedOffset);
  const version = ordered[0]!.engineVersion;
  let n = 0;
  let min = Infinity;
  let max = -Infinity;
  let nextOffset = -Infinity;
  const sums = new Map<string, AbilityStats>();
  let total = 0;
  for (const c of ordered) {
    if (c.engineVersion !== version) throw new Error('mergeResults: chunks from different engine versions');
    if (c.seedOffset < nextOffset) throw new Error('mergeResults: overlapping chunks');
    if (c.n !== c.samples.length || c.n !== c.iterations) throw new Error('mergeResults: inconsistent chunk');
    nextOffset = c.seedOffset + c.iterations;
    if (c.n === 0) continue;
    n += c.n;
    if (c.min < min) min = c.min;
    if (c.max > max) max = c.max;
    total += c.samples.length;
    for (const key of Object.keys(c.abilities)) {
      const a = c.abilities[key]!;
      const s = sums.get(key) ?? { damage: 0, casts: 0, hits: 0, crits: 0 };
      s.damage += a.damage;
      s.casts += a.casts;
      s.hits += a.hits;
      s.crits += a.crits;
      sums.set(key, s);
    }
  }
  const samples = new Float64Array(total); // unsorted: percentilesOf selects instead
  let k = 0;
  for (const c of ordered) {
    const values = c.samples;
    for (let i = 0; i < values.length; i++) {
      const x = values[i]!;
      if (!Number.isFinite(x)) throw new Error('mergeResults: a sample is not a finite number');
      samples[k++] = x;
    }
  }
  if (n === 0) {
    min = 0;
    max = 0;
  }
  // two passes in iteration order (split-invariant): the mean, then the squared deviations
  let sum = 0;
  for (let i = 0; i < samples.length; i++) sum += samples[i]!;
  const mean = n > 0 ? sum / n : 0;
  let squares = 0;
  for (let i = 0; i < samples.length; i++) {
    const d = samples[i]! - mean;
    squares += d * d;
  }
  const stdDev = n > 1 ? Math.sqrt(squares / n) : 0;
  const binWidth = (max - min) / HISTOGRAM_BINS;
  const counts = new Array<number>(HISTOGRAM_BINS).fill(0);
  for (let i = 0; i < samples.length; i++) {
    const bin = binWidth > 0 ? Math.min(HISTOGRAM_BINS - 1, Math.floor((samples[i]! - min) / binWidth)) : 0;
    counts[bin]!++;
  }
  // after the histogram: selection rearranges the samples
  const [p5, p25, p50, p75, p95] = percentilesOf(samples, [0.05, 0.25, 0.5, 0.75, 0.95]) as [
    number,
    number,
    number,
    number,
    number,
  ];
  let totalDamage = 0;
  for (const s of sums.values()) totalDamage += s.damage;
  const abilities: JobAbility[] = [];
  for (const [key, s] of sums) {
    const share = totalDamage > 0 ? s.damage / totalDamage : 0;
    abilities.push({
      key,
      name: ABILITY_NAMES.get(key) ?? key,
      damage: n ? s.damage / n : 0,
      share,
      casts: n ? s.casts / n : 0,
      hits: n ? s.hits / n : 0,
      crits: n ? s.crits / n : 0,
      critPct: s.hits > 0 ? (100 * s.crits) / s.hits : 0,
      dps: share * mean,
    });
  }
  abilities.sort((a, b) => b.damage - a.damage || (a.key < b.key ? -1 : 1));
  return {
    iterations: n,
    mean,
    stdDev,
    dpsError: n > 0 ? (Z95 * stdDev) / Math.sqrt(n) : 0,
    min,
    max,
    percentiles: { p5, p25, p50, p75, p95 },
    histogram: { min, max, binWidth, counts },
    abilities,
  };
}
