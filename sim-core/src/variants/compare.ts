/**
 * Compares variants to a base run with the same seeds. Δ's error comes from the per-iteration
 * differences (paired samples), which common random numbers make far smaller than either
 * figure's own error.
 */

import { Z95 } from '../stats/confidence.ts';

export { Z95 };

export interface SampledRun {
  /** Per-iteration DPS in global iteration order (same order for base and variants). */
  samples: ArrayLike<number>;
}

export interface VariantComparison {
  name: string;
  dps: number;
  /** 95 % half-width of the variant's own mean. */
  dpsError: number;
  delta: number;
  /** 95 % half-width of Δ from paired differences. */
  deltaError: number;
  /** Δ as a fraction of the base DPS. */
  deltaFraction: number;
  /** Iterations the variant ran (a smart sim may stop variants at different points). */
  iterations: number;
}

/** Mean and 95 % half-width (population sigma / √n) of the values. */
export function meanAndError(values: ArrayLike<number>): { mean: number; error: number } {
  const n = values.length;
  if (n === 0) return { mean: 0, error: 0 };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i]! - mean;
    ss += d * d;
  }
  return { mean, error: (Z95 * Math.sqrt(ss / n)) / Math.sqrt(n) };
}

/** A run's per-iteration DPS in seed order: its chunks' samples, one after the other. */
export function runSamples(chunks: ReadonlyArray<{ samples: ArrayLike<number> }>): Float64Array {
  let n = 0;
  for (const c of chunks) n += c.samples.length;
  const out = new Float64Array(n);
  let at = 0;
  for (const c of chunks) {
    out.set(c.samples, at);
    at += c.samples.length;
  }
  return out;
}

/** Δ = variant − base from paired samples; both runs must cover the same iterations. */
export function pairedDelta(
  base: ArrayLike<number>,
  variant: ArrayLike<number>,
): { delta: number; error: number } {
  if (base.length !== variant.length)
    throw new RangeError('a variant must run the same iterations as its base');
  const d = new Float64Array(base.length);
  for (let i = 0; i < d.length; i++) d[i] = variant[i]! - base[i]!;
  const { mean, error } = meanAndError(d);
  return { delta: mean, error };
}

/** The first `m` values (a view when it can be). */
function prefix(values: ArrayLike<number>, m: number): ArrayLike<number> {
  if (values.length === m) return values;
  if (values instanceof Float64Array) return values.subarray(0, m);
  return Array.from({ length: m }, (_, i) => values[i]!);
}

/**
 * Each variant's DPS and Δ vs the base, best first (ties by name). A variant that ran fewer or
 * more iterations than the base (a smart sim stops runs apart) is paired with the base over the
 * iterations both ran.
 */
export function compareVariants(
  base: SampledRun,
  variants: ReadonlyArray<SampledRun & { name: string }>,
): VariantComparison[] {
  const b = meanAndError(base.samples);
  const rows = variants.map((v) => {
    const own = meanAndError(v.samples);
    const m = Math.min(base.samples.length, v.samples.length);
    const pd = pairedDelta(prefix(base.samples, m), prefix(v.samples, m));
    return {
      name: v.name,
      dps: own.mean,
      dpsError: own.error,
      delta: pd.delta,
      deltaError: pd.error,
      deltaFraction: b.mean === 0 ? 0 : pd.delta / b.mean,
      iterations: v.samples.length,
    };
  });
  return rows.sort((x, y) => y.dps - x.dps || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
}
