/**
 * Golden tests of Marksmanship mechanics (issue 18's "Different" list): each runs a config that
 * isolates one mechanic and compares the engine with a hand computation from the spell data cited
 * in ./data.ts (11.2.0.63003). Damage is exact given the engine's hit and crit counts (every hit
 * of a source is the same number); chances are checked within 4 standard errors. Talents:
 * ./talents.test.ts; the Sentinel hero tree: ./sentinel.test.ts.
 */
import { EXPLOSIVE_SHOT_NUMBERS } from '../common.ts';
import { describe, expect, it } from 'vitest';
import { BASE_CRIT, PHYSICAL_MULTIPLIER } from '../../engine/ratings.ts';
import { createSim, simulate } from '../../engine/run.ts';
import { parseConfig } from '../../config/parse-config.ts';
import { Sim } from '../../engine/sim.ts';
import { MM, MM_DATA } from './data.ts';
import { A, AP, B, expected, mmConfig, MULT, run, simAfterOneIteration } from './test-support.ts';
import { expectRate } from '../expect-rate.ts';

describe('Trueshot (288613)', () => {
  const aimed = MM.aimedShotAp * AP * MULT;

  it('critical strikes deal ×2.2 during Trueshot (#5: +20 % crit damage bonus), ×2 outside', () => {
    const on = run('actions=trueshot\nactions+=/aimed_shot', { seconds: 14 });
    const a = on.abilities.aimed_shot!;
    expect(a.crits).toBeGreaterThan(0);
    expect(a.damage).toBe(expected(a, aimed, true, 1 + MM.trueshotCritDamage));

    const off = run('actions=aimed_shot', { seconds: 14 });
    expect(off.abilities.aimed_shot!.damage).toBe(expected(off.abilities.aimed_shot!, aimed, true, 1));
  });

  it('adds 10 % crit chance (#4) to the 5 % base', () => {
    const on = run('actions=trueshot\nactions+=/aimed_shot', { seconds: 14, iterations: 600 }).abilities
      .aimed_shot!;
    expectRate(on.crits, on.hits, BASE_CRIT + MM.trueshotCrit);
    const off = run('actions=aimed_shot', { seconds: 14, iterations: 600 }).abilities.aimed_shot!;
    expectRate(off.crits, off.hits, BASE_CRIT);
  });

  it('Rapid Fire recharges 150 % faster (#1): 20 s / 2.5 = 8 s, and the running recharge stretches back at expiry', () => {
    const casts = (rotation: string, seconds: number) =>
      run(rotation, { seconds, iterations: 1 }).abilities.rapid_fire!.casts;
    // Without Trueshot: one cast, the next at 20 s.
    expect(casts('actions=rapid_fire', 18)).toBe(1);
    // Casts at 0 and 8 s; the recharge due at 16 s has 1 s left when Trueshot ends at 15 s,
    // which becomes 1 s × 2.5 = 2.5 s: the third cast is at 17.5 s.
    expect(casts('actions=trueshot\nactions+=/rapid_fire', 17)).toBe(2);
    expect(casts('actions=trueshot\nactions+=/rapid_fire', 18)).toBe(3);
  });

  it('Aimed Shot charges recharge 150 % faster (#3): 12 s / 2.5 = 4.8 s', () => {
    const sim = simAfterOneIteration(mmConfig('actions=aimed_shot', { seconds: 20 }));
    const a = A('aimed_shot');
    sim.cds.reset();
    sim.applyBuff(B('trueshot'), 1, 0);
    sim.cds.use(a, sim.now);
    expect(sim.cds.remainsMs(a, sim.now)).toBe(0);
    expect(sim.cds.fullRechargeMs(a, sim.now)).toBe(12_000 / 2.5);
  });

  it('an extension (Tensile Bowstring) keeps the running recharges; no Trueshot change moves haste', () => {
    const sim = simAfterOneIteration(mmConfig('actions=aimed_shot', { seconds: 20 }));
    const aimed = A('aimed_shot');
    const rapid = A('rapid_fire');
    const trueshot = B('trueshot');
    sim.cds.reset();
    const haste = sim.haste;
    sim.applyBuff(trueshot, 1, 0);
    sim.cds.use(aimed, sim.now);
    sim.cds.use(aimed, sim.now);
    sim.cds.use(rapid, sim.now);
    const before = [sim.cds.fullRechargeMs(aimed, sim.now), sim.cds.remainsMs(rapid, sim.now)];
    expect(before).toEqual([2 * (12_000 / 2.5), 20_000 / 2.5]);
    sim.applyBuff(trueshot, 0, sim.buffs.remainsMs(trueshot, sim.now) + 2_000);
    expect([sim.cds.fullRechargeMs(aimed, sim.now), sim.cds.remainsMs(rapid, sim.now)]).toEqual(before);
    expect(sim.cds.rate[aimed]).toBe(MM.trueshotAimedRate);
    expect(sim.haste).toBe(haste);
    // its end stretches the running recharges back (× 2.5) and leaves haste as it was
    sim.removeBuff(trueshot);
    expect(sim.cds.rate[aimed]).toBe(1);
    expect(sim.cds.remainsMs(rapid, sim.now)).toBe(20_000);
    expect(sim.haste).toBe(haste);
  });
});

describe('Precise Shots (260242)', () => {
  it('costs 40 % less focus (#3): Arcane Shot 40 → 24, Multi-Shot 30 → 18', () => {
    const sim = simAfterOneIteration(mmConfig('actions=arcane_shot', { seconds: 20 }));
    const arcane = A('arcane_shot');
    const multi = A('multishot');
    sim.removeBuff(B('precise_shots'));
    expect([sim.cost(arcane), sim.cost(multi)]).toEqual([40, 30]);
    sim.applyBuff(B('precise_shots'), 1, 0);
    expect([sim.cost(arcane), sim.cost(multi)]).toEqual([40 * 0.6, 30 * 0.6]);
  });

  it('the next Arcane Shot deals 100 % more (#2) after an Aimed Shot', () => {
    const r = run(
      'actions=aimed_shot,if=buff.precise_shots.down\nactions+=/arcane_shot,if=buff.precise_shots.up',
      { seconds: 12, talents: ['precise_shots'] },
    );
    const arcane = r.abilities.arcane_shot!;
    expect(arcane.casts).toBeGreaterThan(0);
    const amount = MM.arcaneShotAp * AP * MULT * (1 + MM.specAuraArcaneShot) * (1 + MM.preciseShotsBonus);
    expect(arcane.damage).toBe(expected(arcane, amount, false, 1));
  });
});

describe('Careful Aim (260228)', () => {
  it('has no effect in 11.2 (the spell modifies no Aimed Shot): the talent changes nothing', () => {
    const rotation = 'actions=aimed_shot';
    const without = run(rotation, { seconds: 20, iterations: 20 });
    const withIt = run(rotation, { seconds: 20, iterations: 20, talents: ['careful_aim'] });
    expect(withIt).toEqual(without);
    expect(MM_DATA.defaultTalents).not.toContain('careful_aim');
  });
});

describe('Lock and Load (194595)', () => {
  const rotation = 'actions=aimed_shot';

  it('an Auto Shot proc gives back an Aimed Shot charge and makes the next Aimed Shot free and instant', () => {
    const sim = simAfterOneIteration(mmConfig(rotation, { seconds: 20, talents: ['lock_and_load'] }));
    const aimed = A('aimed_shot');
    const lnl = B('lock_and_load');
    sim.cds.reset();
    sim.cds.use(aimed, sim.now);
    sim.cds.use(aimed, sim.now);
    sim.removeBuff(lnl);
    expect(sim.cds.chargesAt(aimed, sim.now)).toBe(0);
    let shots = 0;
    while (!sim.buffs.up(lnl, sim.now) && shots < 1000) {
      sim.logic.autoShot();
      shots++;
    }
    expect(sim.buffs.up(lnl, sim.now)).toBe(true);
    expect(sim.cds.chargesAt(aimed, sim.now)).toBe(1);
    expect(sim.cost(aimed)).toBe(0);
    expect(sim.castMs(aimed)).toBe(0);
  });

  it('procs on 10 % of Auto Shots (#1), never without the talent', () => {
    const count = (talents: string[]) => {
      const sim = simAfterOneIteration(mmConfig(rotation, { seconds: 20, talents }));
      const lnl = B('lock_and_load');
      let procs = 0;
      for (let i = 0; i < 3000; i++) {
        sim.removeBuff(lnl);
        sim.logic.autoShot();
        if (sim.buffs.up(lnl, sim.now)) procs++;
      }
      return procs;
    };
    expectRate(count(['lock_and_load']), 3000, MM.lockAndLoadChance);
    expect(count([])).toBe(0);
  });
});

describe('Explosive Shot (212431, 212680)', () => {
  for (const targets of [1, 3, 8]) {
    it(`${targets} target(s): every enemy takes the same 2.91 AP fire hit, × sqrt(5 / targets) beyond 5`, () => {
      const r = run('actions=explosive_shot', {
        seconds: 10,
        targets,
        talents: ['explosive_shot'],
        iterations: 100,
      });
      const e = r.abilities.explosive_shot!;
      expect(e.casts).toBe(100);
      expect(e.hits).toBe(100 * targets);
      const soft =
        targets > EXPLOSIVE_SHOT_NUMBERS.aoeCap ? Math.sqrt(EXPLOSIVE_SHOT_NUMBERS.aoeCap / targets) : 1;
      const amount = EXPLOSIVE_SHOT_NUMBERS.ap * AP * MULT * (1 + MM.specAuraExplosiveShot) * soft;
      expect(e.damage).toBe(expected(e, amount, false, 1));
    });
  }
});

describe('No Lone Wolf (155228): no 11.2 talent node, and SimC at ab018d1176 applies it nowhere', () => {
  it('Steady Shot is 0.8 AP × (1 − 4 %) × (1 + 8 × 1.4 %) and Auto Shot AP × 3 / 6: no +5 % on either', () => {
    const r = run('actions=steady_shot', { seconds: 20, iterations: 50 });
    const steady = r.abilities.steady_shot!;
    expect(steady.hits).toBeGreaterThan(0);
    // 56641 #1 0.8 AP; 137016 #1 −4 %; 193468 #2: 8 base mastery points × 1.4 %
    expect(steady.damage).toBe(expected(steady, 0.8 * AP * 0.96 * (1 + (8 * 1.4) / 100), true, 1));
    const auto = r.abilities.auto_shot!;
    expect(auto.damage).toBe(expected(auto, (AP * 3) / 6, true, 1)); // weapon speed 3 s, no weapon damage
  });
});

describe('Master Marksman (260309, 269576)', () => {
  it('a ranged ability crit bleeds for 15 % of its damage over 6 s (3 ticks; residual, no multipliers)', () => {
    // Two Aimed Shots land at 3 s and 6 s (the third charge is back at 12 s): every bleed is paid
    // by 12 s, inside the 14 s fight, so the bleed pays 15 % of the crits' damage, each tick rounded.
    const r = run('actions=aimed_shot', { seconds: 14, talents: ['master_marksman'], iterations: 400 });
    const a = r.abilities.aimed_shot!;
    const bleed = r.abilities.master_marksman!;
    const critValue = Math.round(MM.aimedShotAp * AP * MULT * PHYSICAL_MULTIPLIER * 2);
    expect(a.crits).toBeGreaterThan(0);
    expect(Math.abs(bleed.damage - MM.masterMarksman * a.crits * critValue)).toBeLessThanOrEqual(
      0.5 * bleed.hits,
    );
    // Auto Shot (a white hit) never bleeds: no bleed without an Aimed Shot crit.
    expect(bleed.hits).toBeLessThanOrEqual(3 * a.crits);
    expect(bleed.hits).toBeGreaterThanOrEqual(3);
  });

  it('a crit on a ticking bleed keeps its tick timer (SimC residual_periodic_action_t, DOT_REFRESH): ticks at 5, 7, 9, 11, 13 s', () => {
    // Every hit crits. Aimed Shots (3 s cast) land at 3 s and 6 s with C each. 3 s: 15 % × C
    // (260309 #1) over 6 s in 2 s ticks (269576): 3 ticks at 5, 7, 9 s. 5 s: C × 0.05 paid, 0.1 C
    // and 2 ticks left. 6 s: + 0.15 C = 0.25 C; the bleed lasts to its next tick (7 s) + 6 s:
    // ceil((1 + 6) / 2) = 4 ticks of 0.0625 C at 7, 9, 11, 13 s (restarting would tick at 8, 10, 12).
    const sim = createSim(
      parseConfig(mmConfig('actions=aimed_shot', { seconds: 14, talents: ['master_marksman'] })),
    );
    (sim as unknown as { baseCrit: number }).baseCrit = 1;
    const aimed = Sim.indexOf(MM_DATA.sources, 'aimed_shot');
    const bleedSrc = Sim.indexOf(MM_DATA.sources, 'master_marksman');
    const crits: Array<{ t: number; amount: number }> = [];
    const ticks: Array<{ t: number; amount: number }> = [];
    const hit = sim.hit.bind(sim);
    sim.hit = (src, target, amount, phys, critBonus, critDamage) => {
      const c = hit(src, target, amount, phys, critBonus, critDamage);
      if (src === aimed) crits.push({ t: sim.now, amount: sim.lastHitDamage });
      return c;
    };
    const residual = sim.dealResidual.bind(sim);
    sim.dealResidual = (src, amount) => {
      if (src === bleedSrc) ticks.push({ t: sim.now, amount });
      residual(src, amount);
    };
    sim.runIteration(7, 0);
    expect(crits.map((c) => c.t)).toEqual([3000, 6000]);
    const [c1, c2] = crits.map((c) => c.amount) as [number, number];
    const first = (0.15 * c1) / 3;
    const rest = (0.15 * c1 - first + 0.15 * c2) / 4;
    expect(ticks.map((x) => x.t)).toEqual([5000, 7000, 9000, 11000, 13000]);
    const want = [first, rest, rest, rest, rest];
    ticks.forEach((x, i) => expect(x.amount).toBeCloseTo(want[i]!, 6));
  });

  it('a shot with travel time bleeds too (the damage of the crit, not what has landed yet): 40 yd, Aimed Shot 100 yd/s', () => {
    const c = mmConfig('actions=aimed_shot', { seconds: 14, talents: ['master_marksman'] });
    c.timing = { ...c.timing!, distanceYards: 40 }; // 0.4 s of flight; reaction and latency stay off
    const r = simulate(c, { seed: 7, seedOffset: 0, iterations: 400 });
    const a = r.abilities.aimed_shot!;
    const bleed = r.abilities.master_marksman!;
    const critValue = Math.round(MM.aimedShotAp * AP * MULT * PHYSICAL_MULTIPLIER * 2);
    expect(a.crits).toBeGreaterThan(0);
    // Aimed Shots fired at 3 s and 6 s land by 6.4 s; every bleed is paid by 12.4 s, inside the 14 s.
    expect(Math.abs(bleed.damage - MM.masterMarksman * a.crits * critValue)).toBeLessThanOrEqual(
      0.5 * bleed.hits,
    );
  });

  it('no bleed without the talent', () => {
    expect(
      run('actions=aimed_shot', { seconds: 14, iterations: 50 }).abilities.master_marksman,
    ).toBeUndefined();
  });
});
