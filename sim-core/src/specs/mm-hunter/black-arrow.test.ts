/**
 * Golden tests of Marksmanship's Dark Ranger Black Arrow as SimulationCraft builds it: a
 * kill_shot_base_t (sc_hunter.cpp at ab018d1176), so Kill Shot's modifiers apply to it (Headshot,
 * Improved Deathblow, Trueshot's crit damage, Precise Shots' GCD) and its hits proc Master Marksman.
 * Each config isolates the rule; the hand computation uses the 11.2.0.63003 numbers.
 */
import { describe, expect, it } from 'vitest';
import { DARK_RANGER } from '../hero/dark-ranger-data.ts';
import { A, AP, B, expected, mmConfig, MULT, run, simAfterOneIteration } from './test-support.ts';

/** 466930 #1; 137016 #9 (+7 %) and #13 (+4 %); MULT: 137016 #1 and 193468 #2 at 8 points. */
const BLACK_ARROW = DARK_RANGER.blackArrowAp * AP * MULT * 1.07 * 1.04;

describe('Black Arrow (466930) in Marksmanship', () => {
  it('Headshot: +(25 % + 2 × 20 %) per Precise Shots stack (260242 #4, 471363 #1, 1232955 #3), and spends it', () => {
    // Aimed Shot lands at 3 s (85 % health, Black Arrow usable at 80 % and above) with one stack;
    // again below 20 % (at 16 s and later)
    const rotation =
      'actions=aimed_shot,if=buff.precise_shots.down\nactions+=/black_arrow,if=buff.precise_shots.up';
    const talents = ['black_arrow', 'precise_shots', 'headshot', 'unmatched_precision'];
    const r = run(rotation, { seconds: 20, talents, iterations: 200 });
    const ba = r.abilities.black_arrow!;
    expect(ba.casts).toBeGreaterThanOrEqual(200);
    expect(ba.damage).toBe(expected(ba, BLACK_ARROW * (1 + 0.25 + 0.4), false, 1));
    // without Headshot the stack neither helps nor goes
    const plain = run(rotation, { seconds: 20, talents: ['black_arrow', 'precise_shots'], iterations: 200 });
    const p = plain.abilities.black_arrow!;
    expect(p.damage).toBe(expected(p, BLACK_ARROW, false, 1));
    for (const headshot of [true, false]) {
      const config = mmConfig('actions=steady_shot', {
        seconds: 20,
        talents: headshot ? talents : ['black_arrow', 'precise_shots'],
      });
      const sim = simAfterOneIteration(config);
      sim.now = 0;
      sim.applyBuff(B('precise_shots'), 1, 0);
      sim.logic.execute(A('black_arrow'), 0);
      expect(sim.buffs.up(B('precise_shots'), sim.now)).toBe(!headshot);
    }
  });

  it('Precise Shots halves its GCD like Kill Shot’s (1257703 #2)', () => {
    const sim = simAfterOneIteration(
      mmConfig('actions=steady_shot', { seconds: 20, talents: ['black_arrow'] }),
    );
    const plain = sim.gcdMsFor(A('black_arrow'));
    sim.applyBuff(B('precise_shots'), 1, 0);
    expect(sim.gcdMsFor(A('black_arrow'))).toBe(Math.max(750, plain / 2));
  });

  it('crits: Improved Deathblow ×1.25 (378769 #3) and Trueshot +20 % (288613 #5) on the crit bonus', () => {
    const r = run('actions=trueshot\nactions+=/black_arrow', {
      seconds: 10,
      talents: ['black_arrow', 'improved_deathblow'],
      iterations: 600,
    });
    const ba = r.abilities.black_arrow!;
    expect(ba.casts).toBeGreaterThanOrEqual(600); // at 0 s, during Trueshot (15 s)
    expect(ba.crits).toBeGreaterThan(0);
    expect(ba.damage).toBe(expected(ba, BLACK_ARROW, false, 1.25 * 1.2));
  });

  it('its dot never crits (468572 lacks Periodic Can Crit, 265); Master Marksman (260309) bleeds from the arrow’s crits', () => {
    // SimC action_t::parse_spell_data: tick_may_crit only from attribute 265 (SX_TICK_MAY_CRIT),
    // which 468572 does not have; black_arrow_dot_t does not set it. Trueshot's +10 % crit is up.
    const r = run('actions=trueshot\nactions+=/black_arrow,if=time<1', {
      seconds: 30,
      talents: ['black_arrow', 'master_marksman'],
      iterations: 400,
    });
    const ba = r.abilities.black_arrow!;
    const dot = r.abilities.black_arrow_dot!;
    // 468572 #1: 0.0325 AP a second; 137016 #14 (+4 %), 193468 #4 (8 points × 1.4 %)
    const tick = DARK_RANGER.blackArrowDotTickAp * AP * 1.04 * (1 + (8 * 1.4) / 100);
    expect(dot.hits).toBe(400 * 14);
    expect(dot.crits).toBe(0);
    expect(dot.damage).toBe(dot.hits * Math.round(tick));
    expect(ba.crits).toBeGreaterThan(0);
    // the dot ends at 14 s, every bleed is paid by 20 s, inside the 30 s; Trueshot's +20 % on the arrow's crit bonus
    const crits = ba.crits * Math.round(BLACK_ARROW * 2.2);
    const bleed = r.abilities.master_marksman!;
    expect(Math.abs(bleed.damage - 0.15 * crits)).toBeLessThanOrEqual(0.5 * bleed.hits);
  });

  it("Banshee's Mark crows' pecks (131900) are direct ranged hits: Trueshot's crit damage (288613 #5) and Bullseye (204089)", () => {
    // SimC a_murder_of_crows_t: its tick_action peck_t is a hunter_ranged_attack_t dealing 131900 #1
    // as a direct hit, so Trueshot's crit bonus (288613 #5 lists 131900) applies and the hit is a
    // yellow ranged one for Bullseye's proc flags; Master Marksman as before.
    const r = run('actions=trueshot\nactions+=/black_arrow', {
      seconds: 12, // every peck inside Trueshot's 15 s
      talents: ['black_arrow', 'banshees_mark'],
      iterations: 1000,
    });
    const pecks = r.abilities.a_murder_of_crows!;
    expect(pecks.crits).toBeGreaterThan(0);
    // 131900 #1 0.216 AP; 137016 #1 (-4 %) and 193468 #2 (8 points × 1.4 %): MULT
    const peck = DARK_RANGER.crowsPeckAp * AP * MULT;
    expect(pecks.damage).toBe(expected(pecks, peck, false, 1.2));
    // a peck on a target below 20 % health adds a Bullseye stack
    // (a rotation without yellow hits: no Bullseye stack, nor its 0.1 s internal cooldown, before)
    const c = mmConfig('actions=trueshot', {
      seconds: 100,
      talents: ['black_arrow', 'banshees_mark', 'bullseye'],
    });
    c.timing = { ...c.timing!, targetHealth: 'linear' };
    const sim = simAfterOneIteration(c);
    sim.now = 90_000; // 10 % health
    sim.removeBuff(B('bullseye'));
    const crows = sim.data.dots.findIndex((d) => d.key === 'a_murder_of_crows');
    (sim.logic as unknown as { dotTick(d: number, t: number, a: number): void }).dotTick(crows, 0, 1);
    expect(sim.buffs.stack(B('bullseye'), sim.now)).toBe(1);
  });

  it('a Deathblow from a shot is seen a reaction time later (buff may_react, cooldown reset_react); Withering Fire’s at once', () => {
    const talents = ['black_arrow', 'deathblow', 'improved_deathblow', 'withering_fire'];
    const ba = A('black_arrow');
    for (const reactionMs of [300, 0]) {
      const c = mmConfig('actions=steady_shot', { seconds: 100, talents });
      c.timing = { ...c.timing!, reactionMs, targetHealth: 'linear' };
      const sim = simAfterOneIteration(c);
      sim.now = 50_000; // 50 % health: Black Arrow only with Deathblow
      // a charge and its health rule (Sim.healthRule: Deathblow's); focus is not the point here
      const ready = () => sim.cds.chargesAt(ba, sim.now) > 0 && sim.healthRule!.usable(ba, 0);
      sim.removeBuff(B('deathblow'));
      sim.cds.use(ba, sim.now);
      expect(ready()).toBe(false);
      // Aimed Shots until one grants Deathblow (15 %, 378769 #2)
      while (!sim.buffs.up(B('deathblow'), sim.now)) sim.logic.execute(A('aimed_shot'), 0);
      expect(ready()).toBe(reactionMs === 0);
      sim.now += 1401; // past the longest reaction time (1.4 s)
      expect(ready()).toBe(true);
      // Trueshot's Withering Fire grants an activated Deathblow (SimC trigger_deathblow( true ))
      sim.removeBuff(B('deathblow'));
      sim.cds.use(ba, sim.now);
      sim.logic.execute(A('trueshot'), 0);
      expect(ready()).toBe(true);
    }
  });
});
