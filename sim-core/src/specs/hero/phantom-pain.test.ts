/**
 * Golden tests of Phantom Pain (Dark Ranger 467941, ./dark-ranger.ts DarkRanger.phantomPain), both
 * specs. SimC (kill_command_bm_t::impact, aimed_shot_base_t::impact) copies a share of each hit's
 * result_amount (its damage where it landed: crit, versatility, armor in it) to every other target
 * with Black Arrow's dot, in target order, up to 8 (#3), through 468019, which ignores the caster's
 * damage modifiers (attribute 221: no versatility again) and cannot crit; the target's own
 * multipliers apply (Chaos Brand: it is Shadow). Each config isolates it: no raid buffs,
 * consumables, travel or reaction, only the talents named, the dots put on the targets by hand.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../config/parse-config.ts';
import { Sim } from '../../engine/sim.ts';
import { freshSim, isolateMechanics } from '../../engine/test-support.ts';
import type { SpecId } from '../../types.ts';
import { CHAOS_BRAND_MAGIC } from '../raid-buffs.ts';
import { specs } from '../registry.ts';
import type { DarkRanger } from './dark-ranger.ts';

interface Copy {
  target: number;
  amount: number;
  dealt: number;
}

/** A sim after one iteration, restarted at 0 ms with an empty queue; `chaosBrand` turns that raid debuff on. */
function fresh(spec: SpecId, talents: string[], targets: number, chaosBrand = false): Sim {
  const c = specs.find((s) => s.id === spec)!.defaultConfig();
  c.player.talents = ['black_arrow', ...talents];
  c.rotation = 'actions=black_arrow';
  c.fight = {
    ...c.fight,
    durationSeconds: 100,
    durationVariation: 0,
    bloodlust: false,
    style: 'cleave',
    targets,
  };
  isolateMechanics(c);
  if (chaosBrand) c.raidBuffs = { ...c.raidBuffs!, chaosBrand: true };
  return freshSim(parseConfig(c));
}

const darkRanger = (sim: Sim): DarkRanger => (sim.logic as unknown as { dr: DarkRanger }).dr;

/** Black Arrow's dot (468572) on each of `targets`, as its impact applies it. */
function dot(sim: Sim, targets: number[]): void {
  const dr = darkRanger(sim) as unknown as { applyBlackArrowDot(t: number): void };
  for (const t of targets) dr.applyBlackArrowDot(t);
}

/** Records Phantom Pain's copies, and the damage of the hits of source `trigger` (their result_amount). */
function record(
  sim: Sim,
  trigger: string[],
): { copies: Copy[]; hits: Array<{ target: number; dealt: number }> } {
  const copies: Copy[] = [];
  const hits: Array<{ target: number; dealt: number }> = [];
  const pain = Sim.indexOf(sim.data.sources, 'phantom_pain');
  const sources = trigger.map((k) => Sim.indexOf(sim.data.sources, k));
  const replicate = sim.hitReplicated.bind(sim);
  sim.hitReplicated = (src, target, amount, physical) => {
    const dealt = replicate(src, target, amount, physical);
    if (src === pain) copies.push({ target, amount, dealt });
    return dealt;
  };
  const hit = sim.hit.bind(sim);
  sim.hit = (src, target, amount, physical, critBonus, critDamage) => {
    const crit = hit(src, target, amount, physical, critBonus, critDamage);
    if (sources.includes(src)) hits.push({ target, dealt: sim.lastHitDamage });
    return crit;
  };
  return { copies, hits };
}

const action = (sim: Sim, key: string) => Sim.indexOf(sim.data.actions, key);
const BM_SHARE = 0.15 + 0.15; // 467941 #1 + 137015 #13 (flat +15 to label 4156)
const MM_SHARE = 0.15; // 467941 #2

describe('Phantom Pain: Beast Mastery (Kill Command, 30 %)', () => {
  for (const crits of [false, true]) {
    it(`copies 30 % of the Kill Command ${crits ? 'crit' : 'hit'} to the targets with the dot only, not the primary, without versatility`, () => {
      const sim = fresh('bm-hunter', ['phantom_pain'], 4);
      sim.critChance = crits ? 2 : -1;
      dot(sim, [0, 1, 2]); // the primary's own dot is no reason for a copy; target 3 has none
      const { copies, hits } = record(sim, ['kill_command']);
      sim.logic.execute(action(sim, 'kill_command'), 0);
      expect(hits.length).toBe(1); // one pet (no Animal Companion)
      const kc = hits[0]!.dealt;
      expect(copies.map((c) => c.target)).toEqual([1, 2]);
      for (const c of copies) {
        expect(c.amount).toBe(BM_SHARE * kc);
        expect(c.dealt).toBe(Math.round(BM_SHARE * kc)); // no versatility, crit, armor or Chaos Brand here
      }
      expect(sim.srcCrits[Sim.indexOf(sim.data.sources, 'phantom_pain')]).toBe(0);
    });
  }

  it('each pet’s Kill Command copies its own hit (Animal Companion: two copies a target)', () => {
    const sim = fresh('bm-hunter', ['phantom_pain', 'animal_companion'], 2);
    sim.critChance = -1;
    dot(sim, [1]);
    const { copies, hits } = record(sim, ['kill_command']);
    sim.logic.execute(action(sim, 'kill_command'), 0);
    expect(hits.length).toBe(2);
    expect(copies.map((c) => c.dealt)).toEqual(hits.map((h) => Math.round(BM_SHARE * h.dealt)));
  });

  it('up to 8 other targets (467941 #3), the first in target order', () => {
    const sim = fresh('bm-hunter', ['phantom_pain'], 12);
    sim.critChance = -1;
    dot(
      sim,
      Array.from({ length: 12 }, (_, t) => t),
    );
    const { copies } = record(sim, ['kill_command']);
    sim.logic.execute(action(sim, 'kill_command'), 3);
    expect(copies.map((c) => c.target)).toEqual([0, 1, 2, 4, 5, 6, 7, 8]);
  });

  it('the target’s own multipliers apply: Chaos Brand (Shadow)', () => {
    const sim = fresh('bm-hunter', ['phantom_pain'], 2, true);
    sim.critChance = -1;
    dot(sim, [1]);
    const { copies, hits } = record(sim, ['kill_command']);
    sim.logic.execute(action(sim, 'kill_command'), 0);
    expect(copies[0]!.dealt).toBe(Math.round(BM_SHARE * hits[0]!.dealt * (1 + CHAOS_BRAND_MAGIC)));
  });

  it('without the talent: no copy', () => {
    const sim = fresh('bm-hunter', [], 3);
    dot(sim, [1, 2]);
    const { copies } = record(sim, ['kill_command']);
    sim.logic.execute(action(sim, 'kill_command'), 0);
    expect(copies).toEqual([]);
  });
});

describe('Phantom Pain: Marksmanship (Aimed Shot, 15 %)', () => {
  it('copies 15 % of the Aimed Shot to the targets with the dot', () => {
    const sim = fresh('mm-hunter', ['phantom_pain'], 4);
    sim.critChance = -1;
    dot(sim, [1, 3]);
    const { copies, hits } = record(sim, ['aimed_shot']);
    sim.logic.execute(action(sim, 'aimed_shot'), 0);
    expect(hits.length).toBe(1);
    expect(copies.map((c) => [c.target, c.dealt])).toEqual([
      [1, Math.round(MM_SHARE * hits[0]!.dealt)],
      [3, Math.round(MM_SHARE * hits[0]!.dealt)],
    ]);
  });

  it('each hit of the shot copies its own damage, Trick Shots’ ricochets too, to the dotted targets but its own', () => {
    const sim = fresh('mm-hunter', ['phantom_pain', 'trick_shots'], 4);
    sim.critChance = -1;
    dot(sim, [1, 2]);
    sim.applyBuff(Sim.indexOf(sim.data.buffs, 'trick_shots'), 1, 0);
    const { copies, hits } = record(sim, ['aimed_shot', 'trick_shots']);
    sim.logic.execute(action(sim, 'aimed_shot'), 0);
    // SimC aimed_shot_base_t::impact runs for each target hit: 0 (primary), then the ricochets on 1, 2, 3
    expect(hits.map((h) => h.target)).toEqual([0, 1, 2, 3]);
    const share = (k: number) => Math.round(MM_SHARE * hits[k]!.dealt);
    expect(copies.map((c) => [c.target, c.dealt])).toEqual([
      [1, share(0)],
      [2, share(0)],
      [2, share(1)],
      [1, share(2)],
      [1, share(3)],
      [2, share(3)],
    ]);
  });
});
