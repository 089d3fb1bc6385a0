// Variant comparison of a job result (profilesets), pure: rows for the table and the bar chart
// of each variant's difference from the base with its 95 % error.
import type { PlayerStats, SimConfig, StopReason, VariantComparison } from '@wowlab/sim-core';
import type { JobChunkSummary } from '$lib/api/types';

export interface VariantResult extends VariantComparison {
  /** A smart sim's: why this variant stopped. */
  stopped?: StopReason;
}

/** Why a smart sim's run stopped, in the player's words. */
export function stopReasonText(reason: StopReason | undefined, targetError: number | null): string {
  if (reason === 'target')
    return targetError === null
      ? 'reached the target error'
      : `reached ±${+(targetError * 100).toFixed(3)} %`;
  if (reason === 'eliminated') return 'clearly below the best: stopped early';
  if (reason === 'cap') return 'ran every iteration (the cap)';
  return '';
}

export interface ComparisonBar {
  name: string;
  /** Δ as a fraction of the base DPS, and its 95 % error as a fraction. */
  fraction: number;
  errorFraction: number;
  /** Bar from the zero line to the value, and the error whisker, in chart x units. */
  x: number;
  width: number;
  whiskerFrom: number;
  whiskerTo: number;
  /** Whether Δ is clearly positive, clearly negative, or within its error of zero. */
  verdict: 'better' | 'worse' | 'same';
}

export interface ComparisonLayout {
  bars: ComparisonBar[];
  /** x of Δ = 0. */
  zero: number;
  width: number;
}

/**
 * Bars of Δ% for the base (0) and each variant, on one scale that holds every whisker; in the
 * result's order (best first). `width`: chart width in x units, `label`: room for names.
 */
export function comparisonLayout(
  baseDps: number,
  variants: readonly VariantResult[],
  width = 600,
  label = 180,
): ComparisonLayout {
  const rows = [
    { name: 'Base', fraction: 0, errorFraction: 0 },
    ...variants.map((v) => ({
      name: v.name,
      fraction: v.deltaFraction,
      errorFraction: baseDps === 0 ? 0 : v.deltaError / baseDps,
    })),
  ].sort((a, b) => b.fraction - a.fraction);
  let lo = 0;
  let hi = 0;
  for (const r of rows) {
    lo = Math.min(lo, r.fraction - r.errorFraction);
    hi = Math.max(hi, r.fraction + r.errorFraction);
  }
  if (hi - lo === 0) hi = lo + 0.01;
  const plot = width - label;
  const x = (f: number) => label + ((f - lo) / (hi - lo)) * plot;
  const zero = x(0);
  return {
    zero,
    width,
    bars: rows.map((r) => ({
      ...r,
      x: Math.min(zero, x(r.fraction)),
      width: Math.abs(x(r.fraction) - zero),
      whiskerFrom: x(r.fraction - r.errorFraction),
      whiskerTo: x(r.fraction + r.errorFraction),
      verdict:
        r.fraction - r.errorFraction > 0 ? 'better' : r.fraction + r.errorFraction < 0 ? 'worse' : 'same',
    })),
  };
}

/** What a variant changes from the base, in words ("same as the base" when nothing). */
export function variantSummary(base: SimConfig, variant: SimConfig): string {
  const parts: string[] = [];
  if (variant.spec !== base.spec) parts.push(`spec ${variant.spec}`);
  const added = variant.player.talents.filter((t) => !base.player.talents.includes(t));
  const removed = base.player.talents.filter((t) => !variant.player.talents.includes(t));
  if (added.length || removed.length)
    parts.push(`talents ${[...added.map((t) => `+${t}`), ...removed.map((t) => `−${t}`)].join(' ')}`);
  for (const [k, v] of Object.entries(variant.player.stats) as Array<[keyof PlayerStats, number]>) {
    if (base.player.stats[k] !== v) parts.push(`${k} ${base.player.stats[k]} → ${v}`);
  }
  for (const [k, v] of Object.entries(variant.fight) as Array<[keyof SimConfig['fight'], unknown]>) {
    if (base.fight[k] !== v) parts.push(`${k} ${String(base.fight[k])} → ${String(v)}`);
  }
  if (variant.rotation.trim() !== base.rotation.trim()) parts.push('its own rotation');
  return parts.length === 0 ? 'same as the base' : parts.join(', ');
}

export interface RunProgress {
  /** "Base" or the variant's name. */
  name: string;
  /** Iterations of the run's chunks that are in, and of those still to run or in. */
  done: number;
  total: number;
  /** A smart sim stopped the run (its remaining chunks were dropped) while the job runs on. */
  stopped: boolean;
}

/**
 * Progress of each run of a running job with variants: the base, then each variant, from its
 * original chunks (copies checking a result are not progress). A smart sim drops the chunks a
 * stopped run no longer needs (status failed while the job runs): the run then counts only
 * what it kept, and is marked stopped once those are all in.
 */
export function runProgress(
  chunks: readonly JobChunkSummary[],
  variantNames: readonly string[],
): RunProgress[] {
  const runs: RunProgress[] = ['Base', ...variantNames].map((name) => ({
    name,
    done: 0,
    total: 0,
    stopped: false,
  }));
  const dropped = new Set<number>();
  for (const c of chunks) {
    if (c.replica_role !== undefined && c.replica_role !== 'primary') continue;
    const k = c.variant ?? 0;
    const run = runs[k];
    if (!run) continue;
    if (c.status === 'failed') {
      dropped.add(k);
      continue;
    }
    run.total += c.iterations;
    if (c.status === 'completed') run.done += c.iterations;
  }
  for (const k of dropped) runs[k]!.stopped = runs[k]!.done === runs[k]!.total;
  return runs;
}
