/**
 * Stat weights (SimulationCraft's scale factors) as variants of one job: the base plus one
 * variant per stat with that stat raised by δ, all on the base's seeds, so each weight is a
 * paired difference: weight = Δ DPS / δ, with the 95 % error of Δ divided by δ.
 *
 * δ is SimulationCraft's default: the rating that gives 3.5 % haste at the maximum level,
 * rounded (engine/sim/scale_factor_control.cpp, scale_factor_control_t::init_deltas:
 * `combat_rating( RATING_MELEE_HASTE, max_player_level ) * 0.035`, scale_delta_multiplier 1),
 * used for the primary stat and every secondary rating alike. At level 80, 660 haste rating
 * per 1 % (engine/ratings.ts) gives δ = 2,310.
 */
import { RATING_PER_PCT } from '../engine/ratings.ts';
import type { PlayerStats, SimConfig, SpecId } from '../types.ts';
import { applyVariant } from './variant.ts';

/** The stat raised in each stat-weight variant (SimC's default delta, see above). */
export const SCALE_DELTA = Math.round(RATING_PER_PCT.haste * 100 * 0.035);

/** Stats weighed, in display order; weights are normalised to the first (the primary stat). */
export const WEIGHED_STATS = ['agility', 'crit', 'haste', 'mastery', 'versatility'] as const;
export type WeighedStat = (typeof WEIGHED_STATS)[number];

const LABELS: Record<WeighedStat, string> = {
  agility: 'Agility',
  crit: 'Critical Strike',
  haste: 'Haste',
  mastery: 'Mastery',
  versatility: 'Versatility',
};

/** The variant name of a stat's weight (how a stat-weight job is recognised). */
export function statWeightVariantName(stat: WeighedStat): string {
  return `${LABELS[stat]} +${SCALE_DELTA}`;
}

/** The base with each weighed stat raised by δ, validated like any config. */
export function statWeightVariants(base: SimConfig): Array<{ name: string; config: SimConfig }> {
  return WEIGHED_STATS.map((stat) => ({
    name: statWeightVariantName(stat),
    config: applyVariant(base, {
      name: statWeightVariantName(stat),
      overrides: { stats: { [stat]: base.player.stats[stat] + SCALE_DELTA } as Partial<PlayerStats> },
    }),
  }));
}

export interface StatWeight {
  stat: WeighedStat;
  label: string;
  /** DPS per point of the stat, and its 95 % error. */
  weight: number;
  error: number;
  /** Normalised to the primary stat (agility = 1). */
  normalized: number;
  normalizedError: number;
}

/**
 * Weights from a job's variant comparison (each variant's Δ vs the base and its error); null
 * when the variants are not exactly the stat-weight variants.
 */
/** True when these variant names are exactly a stat-weights job's (every run is needed: no elimination). */
export function isStatWeightVariants(names: readonly string[]): boolean {
  return (
    names.length === WEIGHED_STATS.length &&
    WEIGHED_STATS.every((s) => names.includes(statWeightVariantName(s)))
  );
}

export function statWeights(
  variants: ReadonlyArray<{ name: string; delta: number; deltaError: number }>,
): StatWeight[] | null {
  if (variants.length !== WEIGHED_STATS.length) return null;
  const byName = new Map(variants.map((v) => [v.name, v]));
  const raw = WEIGHED_STATS.map((stat) => ({ stat, v: byName.get(statWeightVariantName(stat)) }));
  if (raw.some((r) => r.v === undefined)) return null;
  const primary = raw[0]!.v!.delta / SCALE_DELTA;
  return raw.map(({ stat, v }) => {
    const weight = v!.delta / SCALE_DELTA;
    const error = v!.deltaError / SCALE_DELTA;
    return {
      stat,
      label: LABELS[stat],
      weight,
      error,
      normalized: primary === 0 ? 0 : weight / primary,
      normalizedError: primary === 0 ? 0 : Math.abs(error / primary),
    };
  });
}

/** Pawn's stat keys and the hunter specs' Pawn names (Pawn addon scale tag format v1). */
const PAWN_KEYS: Record<WeighedStat, string> = {
  agility: 'Agility',
  crit: 'CritRating',
  haste: 'HasteRating',
  mastery: 'MasteryRating',
  versatility: 'Versatility',
};
const PAWN_SPECS: Record<SpecId, string> = { 'bm-hunter': 'BeastMastery', 'mm-hunter': 'Marksmanship' };

/**
 * A Pawn scale players paste into the Pawn addon (Pawn → Import): normalised weights, two
 * decimals, as SimulationCraft's reports print them.
 */
export function pawnString(weights: readonly StatWeight[], opts: { name: string; spec: SpecId }): string {
  const name = opts.name.replace(/["()]/g, '').trim() || 'wowlab';
  const values = weights.map((w) => `${PAWN_KEYS[w.stat]}=${w.normalized.toFixed(2)}`).join(', ');
  return `( Pawn: v1: "${name}": Class=Hunter, Spec=${PAWN_SPECS[opts.spec]}, ${values} )`;
}
