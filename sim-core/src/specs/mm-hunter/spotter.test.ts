/**
 * Golden tests of Marksmanship's Spotting Eagle as SimulationCraft has it (sc_hunter.cpp at
 * ab018d1176: trigger_spotters_mark, aimed_shot_base_t): Eyes in the Sky (1219616), Spotter's Mark
 * (466872), Avian Specialization (466867), On Target (471348, 474257) and Feathered Frenzy
 * (470943). Numbers from the 11.2.0.63003 spell data; each config isolates the rule.
 */
import { describe, expect, it } from 'vitest';
import { MAX_TARGETS } from '../../engine/events.ts';
import { PHYSICAL_MULTIPLIER } from '../../engine/ratings.ts';
import { Sim } from '../../engine/sim.ts';
import { MM_DATA } from './data.ts';
import { SPEC_ON_TARGET } from './spotter.ts';
import { A, AP, B, mmConfig, MULT, simAfterOneIteration } from './test-support.ts';
import { expectRate } from '../expect-rate.ts';

const MARK = Sim.indexOf(MM_DATA.debuffs, 'spotters_mark') * MAX_TARGETS;

function fresh(talents: string[]): Sim {
  const sim = simAfterOneIteration(mmConfig('actions=steady_shot', { seconds: 20, talents }));
  sim.now = 0;
  sim.removeBuff(B('bloodlust'));
  sim.removeBuff(B('trueshot'));
  sim.updateHaste();
  sim.critChance = -1; // no crits: each hit is its amount exactly
  return sim;
}

/** Marks left by `n` Arcane Shots on target 0, each with `stacks` Precise Shots (the mark cleared after each). */
function marksFromArcane(sim: Sim, n: number, stacks: number): number {
  let marks = 0;
  for (let i = 0; i < n; i++) {
    if (stacks > 0) sim.applyBuff(B('precise_shots'), stacks, 0);
    sim.logic.execute(A('arcane_shot'), 0);
    if (sim.debuffs.up(MARK, sim.now)) marks++;
    sim.debuffs.remove(MARK, sim.now);
  }
  return marks;
}

describe("Eyes in the Sky (1219616) and Spotter's Mark (466872)", () => {
  it('a hit empowered by Precise Shots marks its target 30 % of the time (1219616 #1); an unempowered one never', () => {
    const sim = fresh(['precise_shots', 'eyes_in_the_sky']);
    expectRate(marksFromArcane(sim, 6000, 1), 6000, 0.3);
    expect(marksFromArcane(sim, 500, 0)).toBe(0);
    // the mark lasts 12 s (466872)
    sim.applyBuff(B('precise_shots'), 1, 0);
    while (!sim.debuffs.up(MARK, sim.now)) {
      sim.logic.execute(A('arcane_shot'), 0);
      sim.applyBuff(B('precise_shots'), 1, 0);
    }
    expect(sim.debuffs.remainsMs(MARK, sim.now)).toBe(12_000);
    // without the spec passive (a config that leaves it out), nothing
    expect(marksFromArcane(fresh(['precise_shots']), 500, 1)).toBe(0);
  });

  it('the next Aimed Shot deals +20 % to the marked target (466872 #1) and spends the mark; +40 % with Avian Specialization (466867 #1)', () => {
    const aimed = 5.03 * AP * MULT * PHYSICAL_MULTIPLIER; // 19434 #1
    for (const [talents, bonus] of [
      [['eyes_in_the_sky'], 0.2],
      [['eyes_in_the_sky', 'avian_specialization'], 0.4],
    ] as const) {
      const sim = fresh([...talents]);
      sim.logic.execute(A('aimed_shot'), 0);
      expect(sim.lastHitDamage).toBe(Math.round(aimed));
      sim.applyDebuff(Sim.indexOf(MM_DATA.debuffs, 'spotters_mark'), 0, 1, 0);
      sim.logic.execute(A('aimed_shot'), 0);
      expect(sim.lastHitDamage).toBe(Math.round(aimed * (1 + bonus)));
      expect(sim.debuffs.up(MARK, sim.now)).toBe(false);
      sim.logic.execute(A('aimed_shot'), 0);
      expect(sim.lastHitDamage).toBe(Math.round(aimed));
    }
  });

  it('Kill Shot with Headshot and Precise Shots marks too; Multi-Shot only its primary target', () => {
    const sim = fresh(['precise_shots', 'headshot', 'eyes_in_the_sky']);
    let marks = 0;
    for (let i = 0; i < 4000; i++) {
      sim.applyBuff(B('precise_shots'), 1, 0);
      sim.logic.execute(A('kill_shot'), 0);
      if (sim.debuffs.up(MARK, sim.now)) marks++;
      sim.debuffs.remove(MARK, sim.now);
    }
    expectRate(marks, 4000, 0.3);
    const aoe = simAfterOneIteration(
      mmConfig('actions=steady_shot', {
        seconds: 20,
        targets: 3,
        talents: ['precise_shots', 'eyes_in_the_sky'],
      }),
    );
    aoe.now = 0;
    let primary = 0;
    for (let i = 0; i < 3000; i++) {
      aoe.applyBuff(B('precise_shots'), 1, 0);
      aoe.logic.execute(A('multishot'), 0);
      if (aoe.debuffs.up(MARK, aoe.now)) primary++;
      for (const t of [1, 2]) expect(aoe.debuffs.up(MARK + t, aoe.now)).toBe(false);
      aoe.debuffs.remove(MARK, aoe.now);
    }
    expectRate(primary, 3000, 0.3);
  });
});

describe('On Target (471348, 474257)', () => {
  it('spending a mark gives +4 % haste for 10 s (474257 #1), 4 stacks at most, each with its own 10 s', () => {
    const sim = fresh(['eyes_in_the_sky', 'on_target']);
    const base = sim.haste;
    const spend = () => {
      sim.applyDebuff(Sim.indexOf(MM_DATA.debuffs, 'spotters_mark'), 0, 1, 0);
      sim.logic.execute(A('aimed_shot'), 0);
    };
    spend();
    expect(sim.haste / base).toBeCloseTo(1.04, 12);
    sim.now = 5000;
    for (let i = 0; i < 4; i++) spend();
    expect(sim.haste / base).toBeCloseTo(1.16, 12); // capped at 4
    sim.now = 10_000; // the first stack runs out, the three from 5 s remain
    sim.logic.specEvent(SPEC_ON_TARGET, 0);
    expect(sim.haste / base).toBeCloseTo(1.12, 12);
    sim.now = 15_000;
    sim.logic.specEvent(SPEC_ON_TARGET, 0);
    expect(sim.haste).toBe(base);
    // no mark, no stack
    sim.logic.execute(A('aimed_shot'), 0);
    expect(sim.haste).toBe(base);
  });
});

describe("Spotter's Mark on an Aimed Shot's ricochets (Trick Shots 257621)", () => {
  it("each ricochet spends its own target's mark and gives an On Target stack; the damage reads the primary's mark", () => {
    // SimC aimed_shot_t: composite_target_da_multiplier reads td( target ) (the primary) for every
    // hit; impact spends the hit target's mark and triggers On Target (474257 #1: +4 % haste).
    const sim = simAfterOneIteration(
      mmConfig('actions=steady_shot', {
        seconds: 20,
        targets: 3,
        talents: ['eyes_in_the_sky', 'on_target', 'trick_shots'],
      }),
    );
    sim.now = 0;
    sim.removeBuff(B('bloodlust'));
    sim.removeBuff(B('trueshot'));
    sim.updateHaste();
    sim.critChance = -1;
    const base = sim.haste;
    const mark = Sim.indexOf(MM_DATA.debuffs, 'spotters_mark');
    const trick = Sim.indexOf(MM_DATA.sources, 'trick_shots');
    const ricochets: number[] = [];
    const hit = sim.hit.bind(sim);
    sim.hit = (src, target, amount, phys, critBonus, critDamage) => {
      const c = hit(src, target, amount, phys, critBonus, critDamage);
      if (src === trick) ricochets.push(sim.lastHitDamage);
      return c;
    };
    const aimed = 5.03 * AP * MULT * PHYSICAL_MULTIPLIER; // 19434 #1
    // targets 1 and 2 marked, the primary (0) not: no bonus, both marks spent, 2 stacks (+8 %)
    sim.applyDebuff(mark, 1, 1, 0);
    sim.applyDebuff(mark, 2, 1, 0);
    sim.applyBuff(B('trick_shots'), 1, 0);
    sim.logic.execute(A('aimed_shot'), 0);
    expect(ricochets).toEqual([Math.round(aimed * 0.6), Math.round(aimed * 0.6)]); // 257621 #4 (60 %)
    for (const t of [1, 2]) expect(sim.debuffs.up(MARK + t, sim.now)).toBe(false);
    expect(sim.haste / base).toBeCloseTo(1.08, 12);
  });
});

describe('Feathered Frenzy (470943)', () => {
  it('Trueshot marks its target; during Trueshot the chance is doubled (#1: +100 %, 60 %)', () => {
    const sim = fresh(['precise_shots', 'eyes_in_the_sky', 'feathered_frenzy']);
    sim.logic.execute(A('trueshot'), 0);
    expect(sim.debuffs.up(MARK, sim.now)).toBe(true);
    sim.debuffs.remove(MARK, sim.now);
    expectRate(marksFromArcane(sim, 4000, 1), 4000, 0.6);
    sim.removeBuff(B('trueshot'));
    expectRate(marksFromArcane(sim, 4000, 1), 4000, 0.3);
    const plain = fresh(['precise_shots', 'eyes_in_the_sky']);
    plain.logic.execute(A('trueshot'), 0);
    expect(plain.debuffs.up(MARK, plain.now)).toBe(false);
  });
});
