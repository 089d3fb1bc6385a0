/**
 * Golden tests of the Marksmanship area talents (Small Game Hunter, Light Ammo, Volley, Kill Zone,
 * Salvo, Bullet Hell, Double Tap): a config isolating the talent, the engine's figure against a
 * hand computation from the cited spell data (same method as ./shot-talents.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { aoeScale, PHYSICAL_MULTIPLIER } from '../../engine/ratings.ts';
import { Sim } from '../../engine/sim.ts';
import { freshSim, runUntil } from '../../engine/test-support.ts';
import { MM, MM_DATA } from './data.ts';
import { A, AP, B, mmConfig, MULT } from './test-support.ts';
import { parseConfig } from '../../config/parse-config.ts';
import { encodeLoadout } from '../../talents/loadout.ts';
import { talentsFromLoadout } from '../../talents/resolve.ts';

const src = (key: string) => Sim.indexOf(MM_DATA.sources, key);

/** A fresh Sim (0 ms, empty queue, no auras) at `targets` targets, full focus, no crits. */
function fresh(talents: string[], targets = 1): Sim {
  const sim = freshSim(parseConfig(mmConfig('actions=steady_shot', { seconds: 60, talents, targets })));
  sim.updateHaste();
  sim.gainFocus(100);
  sim.critChance = -1; // no crits: each hit is its amount exactly
  return sim;
}

/** What one hit of `amount` deals with no crit (armor for a physical one). */
const hit = (amount: number, physical: boolean) => Math.round(amount * (physical ? PHYSICAL_MULTIPLIER : 1));

/** The damage and hits a source gains over `f`. */
function measure(sim: Sim, key: string, f: () => void) {
  const s = src(key);
  const [d0, h0] = [sim.srcDamage[s]!, sim.srcHits[s]!];
  f();
  return { damage: sim.srcDamage[s]! - d0, hits: sim.srcHits[s]! - h0 };
}

describe('Small Game Hunter (459802)', () => {
  it('Multi-Shot deals 75 % more (#1) on each target, before the soft cap', () => {
    for (const talents of [[], ['small_game_hunter']]) {
      const sim = fresh(talents, 7);
      const m = measure(sim, 'multishot', () => sim.logic.execute(A('multishot'), 0));
      expect(m.hits).toBe(7);
      const talent = talents.length ? 1 + MM.smallGameHunterMultiShot : 1;
      const per = MM.multiShotAp * AP * MULT * talent * aoeScale(7, MM.multiShotAoeCap);
      expect(m.damage).toBe(7 * hit(per, true));
    }
  });

  it('Explosive Shot’s explosion deals 15 % more (#2)', () => {
    for (const talents of [['explosive_shot'], ['explosive_shot', 'small_game_hunter']]) {
      const sim = fresh(talents);
      const m = measure(sim, 'explosive_shot', () => {
        sim.logic.execute(A('explosive_shot'), 0);
        runUntil(sim, 3000);
      });
      expect(m.hits).toBe(1);
      const talent = talents.length > 1 ? 1 + MM.smallGameHunterExplosive : 1;
      expect(m.damage).toBe(
        hit(MM.explosiveShotAp * AP * MULT * (1 + MM.specAuraExplosiveShot) * talent, false),
      );
    }
  });
});

describe('Light Ammo (378913): Trick Shots ricochets to 7 other targets instead of 5 (#1, #2)', () => {
  it('Aimed Shot and Rapid Fire shots on 10 targets', () => {
    for (const light of [false, true]) {
      const sim = fresh(light ? ['trick_shots', 'light_ammo'] : ['trick_shots'], 10);
      sim.applyBuff(B('trick_shots'), 1, 0);
      const aimed = measure(sim, 'trick_shots', () => sim.logic.execute(A('aimed_shot'), 0));
      expect(aimed.hits).toBe(light ? 7 : 5);
      expect(aimed.damage).toBe(aimed.hits * hit(MM.aimedShotAp * AP * MULT * MM.trickShotsShare, true));
      sim.applyBuff(B('trick_shots'), 1, 0);
      const rapid = measure(sim, 'trick_shots', () => sim.logic.channelTick(A('rapid_fire'), 0, 0));
      expect(rapid.hits).toBe(light ? 7 : 5);
    }
  });
});

describe('a pasted talent string with these talents', () => {
  /** [tree node, the option's spell id, our key] (src/talents/hunter-tree.ts). */
  const NODES: Array<[number, number, string]> = [
    [103978, 459802, 'small_game_hunter'],
    [107288, 378913, 'light_ammo'],
  ];
  it('lists each as modelled, none as not modelled', () => {
    const r = talentsFromLoadout(
      encodeLoadout({ specId: 254, talents: NODES.map(([nodeId, spellId]) => ({ nodeId, spellId })) }),
    );
    expect(r.modelled.map((t) => t.key).sort()).toEqual(NODES.map((n) => n[2]).sort());
    expect(r.ignored).toEqual([]);
  });
});
