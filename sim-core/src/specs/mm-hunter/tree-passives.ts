/**
 * Marksmanship spec-tree talents that only change numbers at load (SimC `apply_affecting_aura`
 * in hunter_action_t): Calling the Shots (260404) on Trueshot's cooldown, Deadeye (321460) on
 * Kill Shot's and Black Arrow's charges and recharge, Obsidian Arrowhead (471350) on Auto Shot
 * and Bleak Arrows, Eagle's Accuracy (473369) on Aimed Shot and Rapid Fire. Numbers: ./numbers.ts.
 */
import type { Sim } from '../../engine/sim.ts';
import { rankValue, talentRank } from '../../talents/ranks.ts';
import { A } from './indices.ts';
import { MM } from './numbers.ts';

/** What the passives leave for the shots to read (factors of 1 and a bonus of 0 without them). */
export interface TreePassives {
  /** Obsidian Arrowhead: Auto Shot's / Bleak Arrows' damage factor (471350 #2). */
  autoShotMult: number;
  /** Obsidian Arrowhead: their crit chance bonus (471350 #1). */
  autoShotCrit: number;
  /** Eagle's Accuracy at the config's rank: Aimed Shot's and Rapid Fire's damage factor (473369 #1). */
  aimedRapidMult: number;
}

/**
 * Applies the cooldown talents to `sim.cds` (on top of what is there: the Dark Ranger set's
 * Trueshot reduction adds to Calling the Shots') and returns the shots' factors.
 */
export function treePassives(sim: Sim): TreePassives {
  const cds = sim.cds;
  // Calling the Shots: Spell Cooldown (flat) −30 s on Trueshot, before any rate (120 → 90 s).
  if (sim.hasTalent('calling_the_shots')) cds.base[A.trueshot] = cds.base[A.trueshot]! + MM.callingTheShotsMs;
  // Deadeye: category 1873 (Kill Shot, Black Arrow) +1 charge, recharge −2 s (10 → 8 s).
  if (sim.hasTalent('deadeye'))
    for (const a of [A.killShot, A.blackArrow]) {
      cds.setMaxCharges(a, sim.actions[a]!.charges + MM.deadeyeCharges);
      cds.base[a] = cds.base[a]! + MM.deadeyeRechargeMs;
    }
  const obsidian = sim.hasTalent('obsidian_arrowhead');
  return {
    autoShotMult: obsidian ? 1 + MM.obsidianArrowheadDamage : 1,
    autoShotCrit: obsidian ? MM.obsidianArrowheadCrit : 0,
    aimedRapidMult:
      1 + rankValue(MM.eaglesAccuracy, talentRank(sim.config.player.talents, 'eagles_accuracy')),
  };
}
