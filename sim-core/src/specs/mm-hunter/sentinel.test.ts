/** Golden tests of the Sentinel hero talents for Marksmanship (same method as ./mechanics.test.ts). */
import { describe, expect, it } from 'vitest';
import { parseRotation } from '../../apl/parser.ts';
import { simulate } from '../../engine/run.ts';
import { MAX_TARGETS, Sim } from '../../engine/sim.ts';
import { runUntil } from '../../engine/test-support.ts';
import type { SimConfig } from '../../types.ts';
import { CHAOS_BRAND_MAGIC, MYSTIC_TOUCH_PHYSICAL, noRaidBuffs } from '../raid-buffs.ts';
import { specVocabulary } from '../registry.ts';
import { MM, MM_DATA } from './data.ts';
import { A, AP, B, expected, mmConfig, MULT, run, simAfterOneIteration } from './test-support.ts';
import { expectRate } from '../expect-rate.ts';

describe('Sentinel (hero: 450369, 450387, 450412)', () => {
  const slot = () => Sim.indexOf(MM_DATA.debuffs, 'sentinel') * MAX_TARGETS;
  const sentinelHits = (sim: Sim) => sim.srcHits[Sim.indexOf(MM_DATA.sources, 'sentinel')]!;

  it('each implosion tick deals 0.783 AP arcane (450412 #1) and consumes a stack', () => {
    const r = run('actions=steady_shot', { seconds: 60, talents: ['sentinel'], iterations: 50 });
    const s = r.abilities.sentinel!;
    expect(s.hits).toBeGreaterThan(0);
    expect(s.damage).toBe(expected(s, MM.sentinelAp * AP * MULT, false, 1));
  });

  it('a hit adds a stack 22 % of the time; above 3 stacks a new stack starts an implosion 32 % of the time', () => {
    const sim = simAfterOneIteration(mmConfig('actions=steady_shot', { seconds: 20, talents: ['sentinel'] }));
    let triggers = 0;
    let implosions = 0;
    const n = 4000;
    for (let i = 0; i < n; i++) {
      sim.logic.start();
      sim.debuffs.reset();
      sim.debuffs.apply(slot() / MAX_TARGETS, slot(), sim.now, 3, 0);
      const before = sentinelHits(sim);
      const gen = sim.debuffs.gen[slot()];
      sim.logic.autoShot();
      // A new stack bumps the slot's generation; an implosion's first tick hits at once.
      if (sim.debuffs.gen[slot()] !== gen) {
        triggers++;
        if (sentinelHits(sim) > before) implosions++;
      }
    }
    expectRate(triggers, n, MM.sentinelChance);
    expectRate(implosions, triggers, MM.sentinelImplodeChance);
  });

  it('an implosion tick hits, then consumes its stack (SimC sentinel_t::execute; 450412 has no velocity): at 10 stacks 9 are left, whatever the hit adds', () => {
    const sim = simAfterOneIteration(mmConfig('actions=steady_shot', { seconds: 20, talents: ['sentinel'] }));
    let starts = 0;
    for (let i = 0; i < 3000; i++) {
      sim.logic.start();
      sim.debuffs.reset();
      sim.debuffs.apply(slot() / MAX_TARGETS, slot(), sim.now, 10, 0);
      const before = sentinelHits(sim);
      sim.logic.autoShot();
      if (sentinelHits(sim) === before) continue;
      // An implosion started: its first tick hit at once (its own 22 % roll can only refresh the 10).
      starts++;
      expect(sim.debuffs.stack(slot(), sim.now)).toBe(9);
    }
    // 3000 x 22 % x 32 %: about 211 starts; the old order (consume, then hit) left 10 after 22 % of them.
    expect(starts).toBeGreaterThan(100);
  });

  it('no stacks without the talent', () => {
    expect(run('actions=steady_shot', { seconds: 60, iterations: 5 }).abilities.sentinel).toBeUndefined();
  });

  it('Sentinel Precision: Aimed Shot and Rapid Fire deal 5 % more (450375 #1)', () => {
    const a = run('actions=aimed_shot', { seconds: 14, talents: ['sentinel_precision'] }).abilities
      .aimed_shot!;
    expect(a.damage).toBe(expected(a, MM.aimedShotAp * AP * MULT * (1 + MM.sentinelPrecision), true, 1));
    const r = run('actions=rapid_fire', { seconds: 10, talents: ['sentinel_precision'] }).abilities
      .rapid_fire!;
    expect(r.damage).toBe(expected(r, MM.rapidFireTickAp * AP * MULT * (1 + MM.sentinelPrecision), true, 1));
  });
});

describe('Lunar Storm (hero: 450385, 1217459, 450978, 450883, 450884, 451803)', () => {
  it('Rapid Fire calls it when ready: 1 AP on every enemy, then 0.9375 AP strikes on Sentinel targets every 0.4 s; +10 % taken; ready again after 30 s with Rapid Fire reset', () => {
    const sim = simAfterOneIteration(
      mmConfig('actions=steady_shot', { seconds: 20, talents: ['sentinel', 'lunar_storm'], targets: 3 }),
    );
    const src = Sim.indexOf(MM_DATA.sources, 'lunar_storm');
    const hits = () => sim.srcHits[src]!;
    sim.logic.start();
    sim.debuffs.reset();
    sim.cds.reset();
    const h0 = hits();
    sim.logic.channelTick(A('rapid_fire'), 0, 0);
    expect(hits() - h0).toBe(3); // the initial blast on all three
    expect(sim.buffs.up(B('lunar_storm_ready'), sim.now)).toBe(false);
    sim.logic.channelTick(A('rapid_fire'), 0, 0); // not ready: no second storm
    expect(hits() - h0).toBe(3);
    // A strike needs a Sentinel target: none yet, then target 2 only.
    sim.debuffs.reset();
    sim.logic.specEvent(2, 1);
    expect(hits() - h0).toBe(3);
    const sentinel = Sim.indexOf(MM_DATA.debuffs, 'sentinel');
    sim.debuffs.apply(sentinel, sentinel * MAX_TARGETS + 2, sim.now, 1, 0);
    const [d0, c0] = [sim.srcDamage[src]!, sim.srcCrits[src]!];
    sim.logic.specEvent(2, 1);
    expect(hits() - h0).toBe(4);
    const lunar = Sim.indexOf(MM_DATA.debuffs, 'lunar_storm');
    expect(sim.debuffs.up(lunar * MAX_TARGETS + 2, sim.now)).toBe(true);
    const s = { damage: 0, casts: 0, hits: 1, crits: sim.srcCrits[src]! - c0 };
    expect(sim.srcDamage[src]! - d0).toBe(expected(s, MM.lunarStormAp * AP * MULT, false, 1));
    // The next strike on it takes 10 % more.
    const [d1, c1] = [sim.srcDamage[src]!, sim.srcCrits[src]!];
    sim.logic.specEvent(2, 1);
    const s2 = { damage: 0, casts: 0, hits: 1, crits: sim.srcCrits[src]! - c1 };
    expect(sim.srcDamage[src]! - d1).toBe(
      expected(s2, MM.lunarStormAp * AP * MULT * (1 + MM.lunarStormTaken), false, 1),
    );
    // 30 s later: ready again and Rapid Fire's charge is back.
    sim.cds.use(A('rapid_fire'), sim.now);
    sim.removeBuff(B('lunar_storm_cooldown'));
    expect(sim.buffs.up(B('lunar_storm_ready'), sim.now)).toBe(true);
    expect(sim.cds.chargesAt(A('rapid_fire'), sim.now)).toBe(1);
  });

  it('without the talent there is no storm', () => {
    expect(
      run('actions=rapid_fire', { seconds: 30, talents: ['sentinel'], iterations: 5 }).abilities.lunar_storm,
    ).toBeUndefined();
  });
});

/**
 * The War Within season 3 Sentinel set (1236374, 1236375 in the 11.2.0.63003 dump), as SimC's
 * sc_hunter.cpp at 50d415071f has it. The hand computations use the dump's numbers: Rapid Fire
 * +25 % (1236374 #2); Boon of Elune 2 stacks, 20 s, +10 % and Arcane (1236644 #1, #2); Sentinel
 * +20 % (1236375 #2) −2 for Marksmanship (137016 #15); the 4-piece Boon +10 % (1249464 #1).
 */
describe('Sentinel set, The War Within season 3 (1236374, 1236375)', () => {
  const SET2 = ['thewarwithin_season_3_2pc'];
  const SET4 = ['thewarwithin_season_3_2pc', 'thewarwithin_season_3_4pc'];
  const STORM = ['sentinel', 'lunar_storm'];
  const S = (key: string) => Sim.indexOf(MM_DATA.sources, key);
  const AIMED = MM.aimedShotAp * AP * MULT;

  function setConfig(
    rotation: string,
    talents: string[],
    sets: string[],
    seconds = 20,
    targets = 1,
  ): SimConfig {
    const c = mmConfig(rotation, { seconds, talents, targets });
    c.setBonuses = sets;
    return c;
  }

  /** A Sim at rest: no buffs, debuffs, cooldowns or events; Lunar Storm ready if taken. */
  function rested(talents: string[], sets: string[], targets = 1, config?: (c: SimConfig) => void): Sim {
    const c = setConfig('actions=steady_shot', talents, sets, 20, targets);
    config?.(c);
    const sim = simAfterOneIteration(c);
    sim.buffs.reset();
    sim.debuffs.reset();
    sim.cds.reset();
    sim.q.clear();
    sim.logic.start();
    return sim;
  }

  /** The damage and crits `src` gained while `act` ran. */
  function dealt(sim: Sim, src: number, act: () => void) {
    const [d, h, c] = [sim.srcDamage[src]!, sim.srcHits[src]!, sim.srcCrits[src]!];
    act();
    return {
      damage: sim.srcDamage[src]! - d,
      casts: 0,
      hits: sim.srcHits[src]! - h,
      crits: sim.srcCrits[src]! - c,
    };
  }

  const boon2 = (sim: Sim) => sim.buffs.stack(B('boon_of_elune_2pc'), sim.now);
  const boon4 = (sim: Sim) => sim.buffs.stack(B('boon_of_elune_4pc'), sim.now);
  /** Rapid Fire's first shot: calls the Lunar Storm when one is ready. */
  const storm = (sim: Sim) => sim.logic.channelTick(A('rapid_fire'), 0, 0);
  /** An Aimed Shot on target 0 (isolated configs: 0 yd, it lands at once); Lunar Storm's +10 % taken cleared. */
  const aimed = (sim: Sim) =>
    dealt(sim, S('aimed_shot'), () => {
      sim.debuffs.reset();
      sim.logic.execute(A('aimed_shot'), 0);
    });

  it('2-piece: Rapid Fire deals 25 % more (1236374 #2), only with Sentinel taken', () => {
    const rapid = (talents: string[], sets: string[]) =>
      simulate(setConfig('actions=rapid_fire', talents, sets, 10), {
        seed: 7,
        seedOffset: 0,
        iterations: 200,
      }).abilities.rapid_fire!;
    const tick = MM.rapidFireTickAp * AP * MULT;
    const set = rapid(['sentinel'], SET2);
    expect(set.hits).toBeGreaterThan(1000);
    expect(set.damage).toBe(expected(set, tick * 1.25, true, 1));
    for (const plain of [rapid(['sentinel'], []), rapid(['black_arrow'], SET4), rapid([], SET4)])
      expect(plain.damage).toBe(expected(plain, tick, true, 1));
  });

  it('2-piece: when Lunar Storm fades (12 s, 450978) Boon of Elune gives 2 stacks for 20 s (1236644); each Aimed Shot is Arcane and +10 % (#1, #2), its impact spending a stack 0.4 s later', () => {
    const sim = rested(STORM, SET2);
    const t0 = sim.now;
    storm(sim);
    runUntil(sim, t0 + 11_999);
    expect(boon2(sim)).toBe(0);
    runUntil(sim, t0 + 12_000);
    expect(boon2(sim)).toBe(2);
    expect(sim.buffs.remainsMs(B('boon_of_elune_2pc'), sim.now)).toBe(20_000);
    // two Aimed Shots: no armor (physical false), × 1.1; the stack goes 400 ms after each lands
    for (const left of [1, 0]) {
      const s = aimed(sim);
      expect(s.hits).toBe(1);
      expect(s.damage).toBe(expected(s, AIMED * 1.1, false, 1));
      runUntil(sim, sim.now + 399);
      expect(boon2(sim)).toBe(left + 1);
      runUntil(sim, sim.now + 1);
      expect(boon2(sim)).toBe(left);
    }
    // the third is physical again (armor) with no bonus
    const s = aimed(sim);
    expect(s.damage).toBe(expected(s, AIMED, true, 1));
    // unspent, the Boon lasts 20 s
    const again = rested(STORM, SET2);
    storm(again);
    runUntil(again, again.now + 12_000 + 19_999);
    expect(boon2(again)).toBe(2);
    runUntil(again, again.now + 1);
    expect(boon2(again)).toBe(0);
  });

  it('an Arcane Aimed Shot takes Chaos Brand (+3 %, 1490 #1), not armor or Mystic Touch (+5 % physical, 113746 #1)', () => {
    const sim = rested(['sentinel'], SET2, 1, (c) => {
      c.raidBuffs = { ...noRaidBuffs(), chaosBrand: true, mysticTouch: true };
    });
    sim.applyBuff(B('boon_of_elune_2pc'), 2, 0);
    const arcane = aimed(sim);
    expect(arcane.damage).toBe(expected(arcane, AIMED * 1.1 * (1 + CHAOS_BRAND_MAGIC), false, 1));
    sim.removeBuff(B('boon_of_elune_2pc'));
    const physical = aimed(sim);
    expect(physical.damage).toBe(expected(physical, AIMED * (1 + MYSTIC_TOUCH_PHYSICAL), true, 1));
  });

  it("Trick Shots' ricochets of an Aimed Shot with the Boon are Arcane and +10 % too; only the primary hit spends a stack (SimC chain_target 0)", () => {
    const sim = rested(['sentinel'], SET2, 4);
    sim.applyBuff(B('boon_of_elune_2pc'), 2, 0);
    sim.applyBuff(B('trick_shots'), 1, 0);
    const r = dealt(sim, S('trick_shots'), () => sim.logic.execute(A('aimed_shot'), 0));
    expect(r.hits).toBe(3);
    expect(r.damage).toBe(expected(r, AIMED * 1.1 * MM.trickShotsShare, false, 1));
    runUntil(sim, sim.now + 400);
    expect(boon2(sim)).toBe(1);
  });

  it('an Aimed Shot landing in the 0.4 s before Lunar Storm ends spends a stack of the new Boon (SimC: the decrement is scheduled at every impact)', () => {
    const sim = rested(STORM, SET2);
    const t0 = sim.now;
    storm(sim);
    runUntil(sim, t0 + 11_800);
    aimed(sim);
    runUntil(sim, t0 + 12_000);
    expect(boon2(sim)).toBe(2);
    runUntil(sim, t0 + 12_200);
    expect(boon2(sim)).toBe(1);
  });

  it('4-piece: Boon of Elune (1249464) is up during Lunar Storm (100 % effectiveness, 1236375 #1): Aimed Shots Arcane and +10 %, none spent; it ends a 2-piece Boon; at the end the 2-piece gives its 2 stacks', () => {
    const sim = rested(STORM, SET4);
    sim.applyBuff(B('boon_of_elune_2pc'), 1, 0);
    const t0 = sim.now;
    storm(sim);
    expect(boon2(sim)).toBe(0);
    expect(boon4(sim)).toBe(1);
    for (let i = 0; i < 3; i++) {
      runUntil(sim, sim.now + 3000);
      const s = aimed(sim);
      expect(s.damage).toBe(expected(s, AIMED * 1.1, false, 1));
    }
    runUntil(sim, t0 + 11_999);
    expect(boon4(sim)).toBe(1);
    expect(boon2(sim)).toBe(0);
    runUntil(sim, t0 + 12_000);
    expect(boon4(sim)).toBe(0);
    expect(boon2(sim)).toBe(2);
    // worn without the 2-piece (a config may list it alone): no Boon after the storm
    const alone = rested(STORM, ['thewarwithin_season_3_4pc']);
    storm(alone);
    expect(boon4(alone)).toBe(1);
    runUntil(alone, alone.now + 12_000);
    expect(boon4(alone) + boon2(alone)).toBe(0);
  });

  it('4-piece: Sentinel deals 18 % more for Marksmanship (1236375 #2: +20, 137016 #15: −2; SimC sentinel_t)', () => {
    const sentinel = (sets: string[]) =>
      simulate(setConfig('actions=steady_shot', ['sentinel'], sets, 60), {
        seed: 7,
        seedOffset: 0,
        iterations: 50,
      }).abilities.sentinel!;
    const tick = MM.sentinelAp * AP * MULT;
    const set = sentinel(SET4);
    expect(set.hits).toBeGreaterThan(100);
    expect(set.damage).toBe(expected(set, tick * (1 + 0.2 - 0.02), false, 1));
    const two = sentinel(SET2);
    expect(two.damage).toBe(expected(two, tick, false, 1));
  });

  it('without the set, or without Sentinel (Dark Ranger), no Boon: Aimed Shot stays physical', () => {
    for (const [talents, sets] of [
      [STORM, []],
      [['black_arrow', 'lunar_storm'], SET4],
    ] as const) {
      const sim = rested([...talents], [...sets]);
      storm(sim);
      expect(boon4(sim)).toBe(0);
      runUntil(sim, sim.now + 12_000);
      expect(boon2(sim)).toBe(0);
      const s = aimed(sim);
      expect(s.damage).toBe(expected(s, AIMED, true, 1));
    }
  });

  it('a rotation reads buff.boon_of_elune_2pc / _4pc: Marksmanship models them, Beast Mastery warns they read 0', () => {
    const reads = 'if=buff.boon_of_elune_2pc.stack>1|buff.boon_of_elune_4pc.up';
    expect(parseRotation(`actions=aimed_shot,${reads}`, specVocabulary('mm-hunter')).warnings).toEqual([]);
    const bm = parseRotation(`actions=kill_command,${reads}`, specVocabulary('bm-hunter'));
    expect(bm.warnings.map((w) => w.message)).toEqual([
      "line 1: buff 'boon_of_elune_2pc' is not modelled here; buff.boon_of_elune_2pc.stack reads 0",
      "line 1: buff 'boon_of_elune_4pc' is not modelled here; buff.boon_of_elune_4pc.up reads 0",
    ]);
    // Aimed Shot only with the Boon: the storm at 0 s gives it at 12 s, two Aimed Shots (2 charges) spend it
    const rotation =
      'actions=rapid_fire\nactions+=/aimed_shot,if=buff.boon_of_elune_2pc.up\nactions+=/steady_shot';
    const r = simulate(setConfig(rotation, STORM, SET2, 28), { seed: 7, seedOffset: 0, iterations: 20 });
    expect(r.abilities.aimed_shot!.casts / 20).toBe(2);
  });
});
