/**
 * Test harness for the Marksmanship golden tests (used by tests only): a config isolating one
 * mechanic (10 000 agility, no ratings, raid buffs and Bloodlust off) and the hand computations.
 */
import { parseConfig } from '../../config/parse-config.ts';
import { isolateMechanics } from '../../engine/test-support.ts';
import { createSim, simulate } from '../../engine/run.ts';
import { BASE_MASTERY_POINTS, PHYSICAL_MULTIPLIER } from '../../engine/ratings.ts';
import { Sim } from '../../engine/sim.ts';
import type { AbilityStats, SimConfig } from '../../types.ts';
import { specs } from '../registry.ts';
import { MM, MM_DATA } from './data.ts';

export const AP = 10_000;

export function mmConfig(
  rotation: string,
  opts: { seconds: number; talents?: string[]; targets?: number },
): SimConfig {
  const c = specs.find((s) => s.id === 'mm-hunter')!.defaultConfig();
  const targets = opts.targets ?? 1;
  c.player.stats = {
    agility: AP,
    crit: 0,
    haste: 0,
    mastery: 0,
    versatility: 0,
    weaponDps: 0,
    weaponSpeed: 3,
  };
  c.player.talents = opts.talents ?? [];
  c.fight = {
    style: targets > 1 ? 'cleave' : 'patchwerk',
    durationSeconds: opts.seconds,
    durationVariation: 0,
    targets,
    bloodlust: false,
  };
  isolateMechanics(c);
  c.rotation = rotation;
  return c;
}

export function run(
  rotation: string,
  opts: { seconds: number; talents?: string[]; targets?: number; iterations?: number },
) {
  return simulate(mmConfig(rotation, opts), { seed: 7, seedOffset: 0, iterations: opts.iterations ?? 200 });
}

/** Spec aura −4 % (137016 #1), Sniper Training 8 base points × 1.4 % (193468 #2); no Lone Wolf (data.ts). */
export const MULT = (1 + MM.specAuraSpells) * (1 + (BASE_MASTERY_POINTS * MM_DATA.masteryCoefficient) / 100);

/** The source's damage when every hit is `amount` before armor and crit: normal hits + crits (×(1 + critDamage)). */
export function expected(s: AbilityStats, amount: number, physical: boolean, critDamage: number): number {
  const base = amount * (physical ? PHYSICAL_MULTIPLIER : 1);
  return (s.hits - s.crits) * Math.round(base) + s.crits * Math.round(base * (1 + critDamage));
}

/** A Sim of the config after one iteration (state initialised), for unit checks of a rule. */
export function simAfterOneIteration(config: SimConfig): Sim {
  const sim = createSim(parseConfig(config));
  sim.runIteration(3, 0);
  return sim;
}

export const A = (key: string) => Sim.indexOf(MM_DATA.actions, key);
export const B = (key: string) => Sim.indexOf(MM_DATA.buffs, key);
