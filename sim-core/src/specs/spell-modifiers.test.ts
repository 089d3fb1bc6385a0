/**
 * Which damage the spell-data modifiers reach. Mastery changes no timing and no random draw (with
 * health falling linearly, not from damage), so two runs that differ only in mastery rating hit the
 * same events: each ability's damage moves by the ratio of the mastery multipliers its spell lists
 * give it (or not at all), up to per-hit rounding.
 */
import { describe, expect, it } from 'vitest';
import { TIMING_DEFAULTS } from '../config/timing.ts';
import { simulate } from '../engine/run.ts';
import { deriveStats } from '../engine/ratings.ts';
import type { ChunkResult, SimConfig, SpecId } from '../types.ts';
import { BM } from './bm-hunter/data.ts';
import { specData, specs } from './registry.ts';
import { SKYFURY_MASTERY_POINTS } from './raid-buffs.ts';
import { noConsumables } from './consumables.ts';

const LOW = 4_000;
const HIGH = 16_000;

function run(spec: SpecId, mastery: number): ChunkResult {
  const c: SimConfig = specs.find((s) => s.id === spec)!.defaultConfig();
  c.player.stats.mastery = mastery;
  c.fight.durationVariation = 0;
  c.consumables = noConsumables(); // their ratings would move the mastery points
  // health from damage would let mastery move the execute and Hunter's Mark windows
  c.timing = { ...TIMING_DEFAULTS, targetHealth: 'linear' };
  return simulate(c, { seed: 11, seedOffset: 0, iterations: 5 });
}

/** Mastery points of the default config (Skyfury, a default raid buff, adds its points). */
function points(mastery: number): number {
  return deriveStats({ crit: 0, haste: 0, mastery, versatility: 0 }).masteryPoints + SKYFURY_MASTERY_POINTS;
}

function ratio(hi: ChunkResult, lo: ChunkResult, key: string): number {
  const a = hi.abilities[key];
  const b = lo.abilities[key];
  expect(a, key).toBeDefined();
  expect(b!.hits, key).toBe(a!.hits);
  return a!.damage / b!.damage;
}

describe('spell-data damage modifiers', () => {
  it('Marksmanship: Sniper Training (193468 #2) raises the shots in its list, not Auto Shot', () => {
    const lo = run('mm-hunter', LOW);
    const hi = run('mm-hunter', HIGH);
    const k = specData('mm-hunter').masteryCoefficient / 100;
    const expected = (1 + k * points(HIGH)) / (1 + k * points(LOW));
    expect(expected).toBeGreaterThan(1.1);
    for (const key of ['aimed_shot', 'arcane_shot', 'steady_shot', 'rapid_fire']) {
      expect(ratio(hi, lo, key)).toBeCloseTo(expected, 3);
    }
    // the defaults are Dark Ranger: Bleak Arrows replaces Auto Shot, and 467718 is not in #2's list either
    const auto = (r: ChunkResult) => (r.abilities.auto_shot ?? r.abilities.bleak_arrows)!;
    expect(auto(hi).damage).toBe(auto(lo).damage);
  });

  it('Beast Mastery: Master of Beasts gives pets 1.9 % and the hunter’s spells 1 % per point (76657 #1, #5)', () => {
    const lo = run('bm-hunter', LOW);
    const hi = run('bm-hunter', HIGH);
    const pet = specData('bm-hunter').masteryCoefficient / 100;
    const own = BM.masteryPlayerCoefficient / 100;
    const petRatio = (1 + pet * points(HIGH)) / (1 + pet * points(LOW));
    const ownRatio = (1 + own * points(HIGH)) / (1 + own * points(LOW));
    expect(petRatio).toBeGreaterThan(ownRatio);
    for (const key of ['pet_melee', 'kill_command']) expect(ratio(hi, lo, key)).toBeCloseTo(petRatio, 3);
    for (const key of ['cobra_shot', 'barbed_shot']) expect(ratio(hi, lo, key)).toBeCloseTo(ownRatio, 3);
    // the defaults are Dark Ranger: Bleak Arrows replaces Auto Shot, and 467718 is not in #2's list either
    const auto = (r: ChunkResult) => (r.abilities.auto_shot ?? r.abilities.bleak_arrows)!;
    expect(auto(hi).damage).toBe(auto(lo).damage);
  });
});
