/**
 * Shared set-up of the BM golden tests: a config that isolates one mechanic (no raid buffs, no
 * consumables, no timing delays, no ratings, 40,000 agility) and the hand-computation constants.
 */
import { parseConfig } from '../../config/parse-config.ts';
import { TIMING_OFF } from '../../config/timing.ts';
import { isolateMechanics } from '../../engine/test-support.ts';
import { BASE_MASTERY_POINTS, PHYSICAL_MULTIPLIER } from '../../engine/ratings.ts';
import { createSim } from '../../engine/run.ts';
import { Sim } from '../../engine/sim.ts';
import { specs } from '../registry.ts';
import { BM, BM_DATA } from './data.ts';

export const AGILITY = 40_000;
/** No ratings: mastery is the base points (76657 #1/#4 pets 1.9 each, #5 the hunter's spells 1). */
export const PET_MASTERY = 1 + (BASE_MASTERY_POINTS * BM_DATA.masteryCoefficient) / 100;
export const OWN_MASTERY = 1 + (BASE_MASTERY_POINTS * BM.masteryPlayerCoefficient) / 100;
/** The main pet's and Call of the Wild's pets' multiplier: 0.6 AP, spec aura −6 % (137015 #3), mastery. */
export const STABLE = BM.petApFromOwner * (1 + BM.specAuraPet) * PET_MASTERY;
export const PET_SWING = (AGILITY * BM.petSwingMs) / 1000 / BM.petMeleeApDivisor;

/** One hit as the engine rounds it: physical damage after boss armor, versatility 1. */
export const physical = (amount: number): number => Math.round(amount * PHYSICAL_MULTIPLIER);

/**
 * A BM sim of `talents` and `rotation`. Critical strikes are off (base 5 % otherwise) unless
 * `crit` is set: then only what the mechanic adds, or with `baseCrit` that chance on every hit.
 */
export function bmSim(opts: {
  talents: string[];
  rotation: string;
  seconds: number;
  crit?: boolean;
  baseCrit?: number;
  targets?: number;
  race?: string;
  /** The shots travel this far (yards; every other timing option stays off). */
  distanceYards?: number;
}): Sim {
  const c = specs.find((s) => s.id === 'bm-hunter')!.defaultConfig();
  c.player.talents = opts.talents;
  c.player.stats = { ...c.player.stats, agility: AGILITY, crit: 0, haste: 0, mastery: 0, versatility: 0 };
  c.fight = { ...c.fight, durationSeconds: opts.seconds, durationVariation: 0, bloodlust: false };
  if (opts.targets) c.fight = { ...c.fight, style: 'cleave', targets: opts.targets };
  isolateMechanics(c);
  if (opts.distanceYards) c.timing = { ...TIMING_OFF, distanceYards: opts.distanceYards };
  if (opts.race) c.race = opts.race;
  c.rotation = opts.rotation;
  const sim = createSim(parseConfig(c));
  (sim as unknown as { baseCrit: number }).baseCrit = opts.baseCrit ?? (opts.crit ? 0 : -10);
  return sim;
}

export function run(sim: Sim, iterations: number): void {
  for (let k = 0; k < iterations; k++) sim.runIteration(7, k);
}

const src = (key: string): number => Sim.indexOf(BM_DATA.sources, key);
export const hits = (sim: Sim, key: string): number => sim.srcHits[src(key)]!;
export const damage = (sim: Sim, key: string): number => sim.srcDamage[src(key)]!;
export const crits = (sim: Sim, key: string): number => sim.srcCrits[src(key)]!;
export const casts = (sim: Sim, key: string): number => sim.srcCasts[src(key)]!;

/** Records every hit of `sim` from now on as [source, time, amount before crit and armor]. */
export function recordHits(sim: Sim): Array<[number, number, number]> {
  const out: Array<[number, number, number]> = [];
  const hit = sim.hit.bind(sim);
  sim.hit = (s, target, amount, phys, critBonus, critDamage) => {
    out.push([s, sim.now, amount]);
    return hit(s, target, amount, phys, critBonus, critDamage);
  };
  return out;
}
