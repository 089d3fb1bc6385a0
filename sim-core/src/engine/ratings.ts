/**
 * Level-80 secondary stat conversions (The War Within) and diminishing returns.
 * Rating per 1 % (per mastery point for mastery) before diminishing returns.
 */
export const RATING_PER_PCT = { crit: 700, haste: 660, mastery: 700, versatility: 780 } as const;
export const BASE_CRIT = 0.05;
export const BASE_MASTERY_POINTS = 8;
/** Critical strikes deal this multiple of normal damage. */
export const CRIT_MULTIPLIER = 2;
/**
 * Boss (level 83) armor mitigation of physical damage: armor / (armor + K), TWW-like numbers.
 */
export const BOSS_ARMOR = 42_857;
export const ARMOR_K = 100_000;
export const PHYSICAL_MULTIPLIER = 1 - BOSS_ARMOR / (BOSS_ARMOR + ARMOR_K);
/**
 * NOT SPELL DATA: SimulationCraft's WEAPON_POWER_COEFFICIENT (engine/sc_enums.hpp, "WDPS -> Attack
 * Power Coefficient used for BfA Attack Power calculations"): attack power per point of weapon DPS
 * in the attack power abilities and pets read, and the divisor of attack power in a weapon swing
 * (weapon damage + attack power × speed / 6).
 */
export const WEAPON_POWER_COEFFICIENT = 6;
/** Hunter's Mark: the hunter deals 5 % more damage to the marked target while it is above 80 % health. */
export const MARK_DAMAGE = 0.05;
export const MARK_ABOVE_PCT = 80;

/**
 * Piecewise-linear diminishing returns on the percent a rating would give: each band of the
 * undiminished percent keeps this fraction (0–30 % full, 30–39 % 90 %, ..., above 126 % nothing).
 */
const DR_BANDS: ReadonlyArray<readonly [number, number]> = [
  [30, 1],
  [39, 0.9],
  [47, 0.8],
  [54, 0.7],
  [66, 0.6],
  [126, 0.5],
];

export function diminish(pct: number): number {
  let out = 0;
  let lo = 0;
  for (let i = 0; i < DR_BANDS.length; i++) {
    const hi = DR_BANDS[i]![0];
    const keep = DR_BANDS[i]![1];
    if (pct <= lo) break;
    out += (Math.min(pct, hi) - lo) * keep;
    lo = hi;
  }
  return out;
}

export interface DerivedStats {
  critChance: number;
  /** Multiplier on speed (1.1 = 10 % haste). */
  haste: number;
  /** Mastery points (before the spec coefficient). */
  masteryPoints: number;
  /** Damage multiplier from versatility. */
  versatility: number;
}

export function deriveStats(r: {
  crit: number;
  haste: number;
  mastery: number;
  versatility: number;
}): DerivedStats {
  return {
    critChance: BASE_CRIT + diminish(r.crit / RATING_PER_PCT.crit) / 100,
    haste: 1 + diminish(r.haste / RATING_PER_PCT.haste) / 100,
    masteryPoints: BASE_MASTERY_POINTS + diminish(r.mastery / RATING_PER_PCT.mastery),
    versatility: 1 + diminish(r.versatility / RATING_PER_PCT.versatility) / 100,
  };
}

/**
 * The area-damage soft cap (SimulationCraft `reduced_aoe_targets`, the game's "deals reduced damage
 * beyond N targets"): when a spell hits more than `cap` targets, each takes damage ×
 * sqrt(cap / targets hit). `cap` 0 means uncapped. No allocation: called per cast on the hot path.
 */
export function aoeScale(targetsHit: number, cap: number): number {
  return cap > 0 && targetsHit > cap ? Math.sqrt(cap / targetsHit) : 1;
}
