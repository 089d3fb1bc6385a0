/**
 * Golden tests of the Marksmanship talents of SimulationCraft's default MM profile that change
 * Streamline, Bulletstorm and Kill Shot / Black Arrow, and of Rapid Fire's channel (sc_hunter.cpp
 * at ab018d1176; numbers from the 11.2.0.63003 spell data). Each config isolates the rule.
 */
import { describe, expect, it } from 'vitest';
import { startAction } from '../../engine/decisions.ts';
import { PHYSICAL_MULTIPLIER } from '../../engine/ratings.ts';
import type { Sim } from '../../engine/sim.ts';
import { DARK_RANGER } from '../hero/dark-ranger-data.ts';
import { A, AP, B, expected, mmConfig, MULT, run, simAfterOneIteration } from './test-support.ts';

function fresh(talents: string[]): Sim {
  const sim = simAfterOneIteration(mmConfig('actions=steady_shot', { seconds: 20, talents }));
  sim.now = 0;
  sim.removeBuff(B('bloodlust'));
  sim.removeBuff(B('trueshot'));
  sim.updateHaste();
  return sim;
}

describe('Improved Streamline (471427)', () => {
  it('Streamline cuts Aimed Shot’s cast time by 30 % a stack (342076 #1 − 10, #1) and its cost still by 20 % (#2)', () => {
    const aimed = A('aimed_shot');
    for (const [talents, cast] of [
      [['streamline'], 0.2],
      [['streamline', 'improved_streamline'], 0.3],
    ] as const) {
      const sim = fresh([...talents]);
      sim.applyBuff(B('streamline'), 2, 0);
      expect([sim.castMs(aimed), sim.cost(aimed)]).toEqual([
        Math.round(3000 * (1 - 2 * cast)),
        Math.round(35 * (1 - 2 * 0.2)),
      ]);
    }
    // with Tensile Bowstring during Trueshot, Streamline is 50 % stronger (471366 #2): 2 × 30 % × 1.5
    const sim = fresh(['streamline', 'improved_streamline', 'tensile_bowstring']);
    sim.applyBuff(B('streamline'), 2, 0);
    sim.applyBuff(B('trueshot'), 1, 0);
    expect([sim.castMs(aimed), sim.cost(aimed)]).toEqual([
      Math.round(3000 * (1 - 2 * 0.3 * 1.5)),
      Math.round(35 * (1 - 2 * 0.2 * 1.5)),
    ]);
  });
});

describe('Incendiary Ammunition (471428)', () => {
  it('Bulletstorm stacks to 20 (389020: 15, #2 + 5) and raises Aimed Shot’s crit bonus 2 % a stack (#1 on 389020 #2)', () => {
    const base = 5.03 * AP * MULT * PHYSICAL_MULTIPLIER; // 19434 #1
    for (const [talents, stacks, critBonus] of [
      [['bulletstorm'], 15, 1],
      [['bulletstorm', 'incendiary_ammunition'], 20, 1 + 20 * 0.02],
    ] as const) {
      const sim = fresh([...talents]);
      sim.critChance = 1; // every hit crits
      sim.applyBuff(B('bulletstorm'), 30, 0);
      expect(sim.buffs.stack(B('bulletstorm'), sim.now)).toBe(stacks);
      sim.logic.execute(A('aimed_shot'), 0);
      expect(sim.lastHitDamage).toBe(Math.round(base * (1 + 0.02 * stacks) * (1 + critBonus)));
      // a non-crit is not changed by it
      sim.critChance = -1;
      sim.logic.execute(A('aimed_shot'), 0);
      expect(sim.lastHitDamage).toBe(Math.round(base * (1 + 0.02 * stacks)));
    }
  });
});

describe('Razor Fragments (384790, 388998, 385638)', () => {
  // 466930 #1; 137016 #9 (+7 %) and #13 (+4 %); MULT: 137016 #1 and 193468 #2 at 8 points
  const BLACK_ARROW = DARK_RANGER.blackArrowAp * AP * MULT * 1.07 * 1.04;
  // Trueshot at 0 s grants Deathblow (Withering Fire), so Razor Fragments; Black Arrow spends it.
  const rotation = 'actions=trueshot\nactions+=/black_arrow,if=buff.razor_fragments.up';
  const talents = ['black_arrow', 'deathblow', 'withering_fire', 'razor_fragments'];

  it('after Deathblow the next Black Arrow deals +75 % (#1) and bleeds 35 % of its damage over 6 s (#3, 385638)', () => {
    const r = run(rotation, { seconds: 20, talents, iterations: 200 });
    const ba = r.abilities.black_arrow!;
    expect(ba.casts).toBe(200); // once an iteration: the buff is spent
    // in Trueshot: its crit damage on Black Arrow's crits (288613 #5)
    expect(ba.damage).toBe(expected(ba, BLACK_ARROW * 1.75, false, 1.2));
    const bleed = r.abilities.razor_fragments!;
    expect(bleed.hits).toBe(200 * 3); // every 2 s for 6 s, no crits
    expect(bleed.crits).toBe(0);
    expect(Math.abs(bleed.damage - 0.35 * ba.damage)).toBeLessThanOrEqual(0.5 * bleed.hits);
    // without the talent: no bonus, no bleed, and no Black Arrow waiting for the buff
    const off = run(rotation, { seconds: 20, talents: talents.slice(0, 3), iterations: 20 });
    expect(off.abilities.black_arrow).toBeUndefined();
    expect(off.abilities.razor_fragments).toBeUndefined();
  });

  it('the bleed goes on up to 5 targets (#2), the primary one included', () => {
    const r = run(rotation, { seconds: 20, talents, targets: 7, iterations: 20 });
    expect(r.abilities.black_arrow!.casts).toBe(20);
    expect(r.abilities.razor_fragments!.hits).toBe(20 * 5 * 3);
  });
});

describe('Rapid Fire (257044) channel', () => {
  it('lasts (7 − 1) × 0.333 s (#2: a shot every 0.333 s, the first at once, as SimC has it), hasted', () => {
    for (const haste of [0, 6600]) {
      const c = mmConfig('actions=rapid_fire', { seconds: 20 });
      c.player.stats.haste = haste;
      const sim = simAfterOneIteration(c);
      sim.now = 0;
      sim.removeBuff(B('bloodlust'));
      sim.updateHaste();
      sim.cds.reset();
      expect(startAction(sim, A('rapid_fire'), 0)).toBe(true);
      expect(sim.busyUntil - sim.now).toBe(Math.round((6 * 333) / sim.haste));
    }
    const r = run('actions=rapid_fire', { seconds: 10, iterations: 10 });
    expect(r.abilities.rapid_fire!.hits).toBe(10 * 7);
  });
});
