/** Golden tests of the Sentinel hero talents for Marksmanship (same method as ./mechanics.test.ts). */
import { describe, expect, it } from 'vitest';
import { MAX_TARGETS, Sim } from '../../engine/sim.ts';
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
