/** Golden tests of the Marksmanship talents that act on shots: Precise Shots' consumers, Windrunner Quiver, Shrapnel Shot, In the Rhythm (same method as ./mechanics.test.ts). */
import { EXPLOSIVE_SHOT_NUMBERS } from '../common.ts';
import { describe, expect, it } from 'vitest';
import { MAX_TARGETS, Sim } from '../../engine/sim.ts';
import { MM, MM_DATA } from './data.ts';
import { A, AP, B, expected, mmConfig, MULT, run, simAfterOneIteration } from './test-support.ts';

describe('Precise Shots consumers: Moving Target, Magnetic Gunpowder, Focused Aim, Tensile Bowstring', () => {
  const setup = (talents: string[]) => {
    const sim = simAfterOneIteration(mmConfig('actions=steady_shot', { seconds: 20, talents }));
    sim.removeBuff(B('bloodlust'));
    sim.updateHaste();
    sim.cds.reset();
    for (const b of ['precise_shots', 'moving_target', 'streamline', 'trueshot', 'lock_and_load'])
      sim.removeBuff(B(b));
    sim.gainFocus(100);
    return sim;
  };
  const spendPrecise = (sim: Sim) => {
    sim.applyBuff(B('precise_shots'), 1, 0);
    sim.logic.execute(A('arcane_shot'), 0);
    expect(sim.buffs.up(B('precise_shots'), sim.now)).toBe(false);
  };

  it('Moving Target (474296): the next Aimed Shot deals 8 % more (474293 #1) and a Streamline stack comes with it', () => {
    const sim = setup(['moving_target', 'streamline']);
    spendPrecise(sim);
    expect(sim.buffs.up(B('moving_target'), sim.now)).toBe(true);
    expect(sim.buffs.stack(B('streamline'), sim.now)).toBe(1);
    const src = Sim.indexOf(MM_DATA.sources, 'aimed_shot');
    const [d0, h0, c0] = [sim.srcDamage[src]!, sim.srcHits[src]!, sim.srcCrits[src]!];
    sim.logic.execute(A('aimed_shot'), 0);
    const s = { damage: 0, casts: 0, hits: sim.srcHits[src]! - h0, crits: sim.srcCrits[src]! - c0 };
    expect(sim.srcDamage[src]! - d0).toBe(
      expected(s, MM.aimedShotAp * AP * MULT * (1 + MM.movingTargetAimed), true, 1),
    );
    expect(sim.buffs.up(B('moving_target'), sim.now)).toBe(false);
  });

  it('Magnetic Gunpowder (473522): Explosive Shot −2 s per Precise Shots (#1), −8 s per Lock and Load (#2)', () => {
    const sim = setup(['magnetic_gunpowder', 'explosive_shot', 'lock_and_load']);
    const es = A('explosive_shot');
    sim.cds.use(es, sim.now);
    spendPrecise(sim);
    expect(sim.cds.remainsMs(es, sim.now)).toBe(30_000 - 2000);
    sim.applyBuff(B('lock_and_load'), 1, 0);
    sim.logic.execute(A('aimed_shot'), 0); // instant: Lock and Load spent
    expect(sim.cds.remainsMs(es, sim.now)).toBe(30_000 - 2000 - 8000);
  });

  it('Focused Aim (378767): Aimed Shot −0.75 s per Precise Shots (#1)', () => {
    const sim = setup(['focused_aim']);
    const aimed = A('aimed_shot');
    sim.cds.use(aimed, sim.now);
    sim.cds.use(aimed, sim.now);
    spendPrecise(sim);
    expect(sim.cds.remainsMs(aimed, sim.now)).toBe(12_000 - 750);
  });

  it('Tensile Bowstring (471366): +1 s Trueshot per Precise Shots (#1), 5 s at most (#3); Streamline ×1.5 in Trueshot (#2)', () => {
    const sim = setup(['tensile_bowstring', 'streamline']);
    sim.logic.execute(A('trueshot'), 0);
    for (let i = 0; i < 7; i++) spendPrecise(sim);
    expect(sim.buffs.remainsMs(B('trueshot'), sim.now)).toBe(15_000 + 5000);
    sim.applyBuff(B('streamline'), 1, 0);
    expect(sim.castMs(A('aimed_shot'))).toBe(Math.round(3000 * (1 - 0.2 * 1.5)));
  });
});

describe('Windrunner Quiver (473523)', () => {
  const rotation =
    'actions=aimed_shot,if=buff.precise_shots.down\nactions+=/arcane_shot,if=buff.precise_shots.up';

  it('Aimed Shot grants 2 stacks (#1, #6); each gives 90 % (#3) + 40 (Unmatched Precision), Arcane Shot spends both', () => {
    const r = run(rotation, {
      seconds: 12,
      talents: ['precise_shots', 'windrunner_quiver', 'unmatched_precision'],
    }).abilities.arcane_shot!;
    const perStack = MM.preciseShotsBonus * (1 + MM.windrunnerQuiverBonus) + 0.4; // 1232955 #1 at rank 2
    const amount = MM.arcaneShotAp * AP * MULT * (1 + MM.specAuraArcaneShot) * (1 + 2 * perStack);
    expect(r.casts).toBeGreaterThan(0);
    expect(r.damage).toBe(expected(r, amount, false, 1));
  });

  it('Headshot takes both stacks at (25 + 40) × 90 % each (SimC kill_shot_base_t)', () => {
    const k = run(
      'actions=aimed_shot,if=buff.precise_shots.down\nactions+=/kill_shot,if=buff.precise_shots.up',
      {
        seconds: 60,
        talents: ['precise_shots', 'windrunner_quiver', 'unmatched_precision', 'headshot'],
        iterations: 100,
      },
    ).abilities.kill_shot!;
    const perStack = (MM.headshotKillShot + 0.4) * (1 + MM.windrunnerQuiverBonus); // 1232955 #3 at rank 2
    const amount = MM.killShotAp * AP * MULT * (1 + MM.specAuraKillShot) * (1 + 2 * perStack);
    expect(k.damage).toBe(expected(k, amount, true, 1));
  });
});

describe('Shrapnel Shot (473520) and Precision Detonation (471369, 474199)', () => {
  const setup = (talents: string[]) => {
    const sim = simAfterOneIteration(mmConfig('actions=steady_shot', { seconds: 20, talents }));
    sim.cds.reset();
    for (const b of ['lock_and_load', 'streamline', 'precise_shots', 'trueshot']) sim.removeBuff(B(b));
    return sim;
  };

  it('Shrapnel Shot: Explosive Shot grants Lock and Load with an Aimed Shot charge (#1, 100 %)', () => {
    for (const [talents, lnl] of [
      [['explosive_shot', 'shrapnel_shot'], true],
      [['explosive_shot'], false],
    ] as const) {
      const sim = setup([...talents]);
      const aimed = A('aimed_shot');
      sim.cds.use(aimed, sim.now);
      sim.cds.use(aimed, sim.now);
      sim.logic.execute(A('explosive_shot'), 0);
      expect(sim.buffs.up(B('lock_and_load'), sim.now)).toBe(lnl);
      expect(sim.cds.chargesAt(aimed, sim.now)).toBe(lnl ? 1 : 0);
    }
  });

  it('Precision Detonation: an Aimed Shot on a target with a pending Explosive Shot explodes it now for 40 % more, once; the cast grants Streamline', () => {
    const sim = setup(['explosive_shot', 'precision_detonation', 'streamline']);
    const src = Sim.indexOf(MM_DATA.sources, 'explosive_shot');
    sim.logic.execute(A('explosive_shot'), 0);
    expect(sim.buffs.stack(B('streamline'), sim.now)).toBe(1);
    const [d0, h0, c0] = [sim.srcDamage[src]!, sim.srcHits[src]!, sim.srcCrits[src]!];
    sim.logic.execute(A('aimed_shot'), 0);
    const s = { damage: 0, casts: 0, hits: sim.srcHits[src]! - h0, crits: sim.srcCrits[src]! - c0 };
    expect(s.hits).toBe(1);
    const amount =
      EXPLOSIVE_SHOT_NUMBERS.ap * AP * MULT * (1 + MM.specAuraExplosiveShot) * (1 + MM.precisionDetonation);
    expect(sim.srcDamage[src]! - d0).toBe(expected(s, amount, false, 1));
    expect(sim.dots.up(Sim.indexOf(MM_DATA.dots, 'explosive_shot') * MAX_TARGETS, sim.now)).toBe(false);
    // The explosion scheduled for 3 s later no longer happens, nor does a second Aimed Shot detonate.
    sim.logic.execute(A('aimed_shot'), 0);
    sim.now += 3000;
    sim.logic.specEvent(0, 0); // kind 0: the explosion event
    expect(sim.srcHits[src]! - h0).toBe(1);
  });
});

describe('In the Rhythm (407404, 407405)', () => {
  it('after a Rapid Fire channel, Auto Shots come 1 s sooner for 12 s', () => {
    // Rapid Fire at 0 s and 20 s, its last shot (the buff) at the channel's end, 1.998 s and 21.998 s.
    // Auto Shots: 0, 3, 5, 7, 9, 11, 13 (buff until 13.998), 15, 18, 21, 24, 26, 28, 30 → 14 in 31 s.
    const on = run('actions=rapid_fire', { seconds: 31, talents: ['in_the_rhythm'], iterations: 5 });
    expect(on.abilities.auto_shot!.hits).toBe(5 * 14);
    const off = run('actions=rapid_fire', { seconds: 31, iterations: 5 });
    expect(off.abilities.auto_shot!.hits).toBe(5 * 11);
  });
});
