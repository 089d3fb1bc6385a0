/**
 * Golden tests of what a Marksmanship shot does when it lands (./impact.ts), as SimC's `impact`
 * has it (sc_hunter.cpp: the proc callbacks of `hunter_t::init_special_effects` for Sentinel,
 * Bullseye and Master Marksman; `arcane_shot_base_t`, `multishot_mm_t`, `kill_shot_base_t` and
 * `aimed_shot_base_t::impact` for Spotter's Mark, Razor Fragments and Precision Detonation). The
 * shots travel 40 yards (SimC's default distance) at their missile speeds (../projectiles.ts):
 * Steady Shot 75 yd/s = 533 ms, Arcane Shot 70 yd/s = 571 ms, Aimed Shot 100 yd/s = 400 ms, Kill
 * Shot 80 yd/s = 500 ms, Auto Shot 60 yd/s = 667 ms, Rapid Fire 40 yd/s = 1 s, Explosive Shot
 * 120 yd/s = 333 ms. Each check would fail if the proc came when the shot is fired.
 */
import { EXPLOSIVE_SHOT_NUMBERS } from '../common.ts';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../config/parse-config.ts';
import { TIMING_OFF } from '../../config/timing.ts';
import { createSim } from '../../engine/run.ts';
import { MAX_TARGETS, Sim } from '../../engine/sim.ts';
import { fire, runUntil } from '../../engine/test-support.ts';
import { PHYSICAL_MULTIPLIER } from '../../engine/ratings.ts';
import type { SimConfig } from '../../types.ts';
import { MM, MM_DATA } from './data.ts';
import { A, AP, B, mmConfig, MULT, simAfterOneIteration } from './test-support.ts';
import { expectRate } from '../expect-rate.ts';

const TRAVEL = {
  steady: 533,
  arcane: 571,
  aimed: 400,
  killShot: 500,
  auto: 667,
  rapid: 1000,
  explosive: 333,
};
const src = (key: string) => Sim.indexOf(MM_DATA.sources, key);
const debuff = (key: string) => Sim.indexOf(MM_DATA.debuffs, key);

/** The config with the shots travelling 40 yards (every other timing option off). */
function travelling(c: SimConfig): SimConfig {
  c.timing = { ...TIMING_OFF, distanceYards: 40 };
  return c;
}

/** A Sim after one iteration, restarted at 0 ms with an empty queue, no Bloodlust, Trueshot or crits. */
function fresh(talents: string[], targets = 1): Sim {
  const sim = simAfterOneIteration(
    travelling(mmConfig('actions=steady_shot', { seconds: 20, talents, targets })),
  );
  sim.q.clear();
  sim.now = 0;
  sim.logic.start(); // the spec's per-iteration state (Bullseye's internal cooldown) from 0
  sim.removeBuff(B('bloodlust'));
  sim.removeBuff(B('trueshot'));
  sim.updateHaste();
  sim.critChance = -1; // no crits: each hit is its amount exactly
  return sim;
}

/** Records the time and damage of every Explosive Shot hit of `sim`. */
const explosions = (sim: Sim) => {
  const out: Array<{ t: number; amount: number }> = [];
  const hit = sim.hit.bind(sim);
  sim.hit = (s, target, amount, phys, critBonus, critDamage) => {
    const c = hit(s, target, amount, phys, critBonus, critDamage);
    if (s === src('explosive_shot')) out.push({ t: sim.now, amount: sim.lastHitDamage });
    return c;
  };
  return out;
};

describe('Sentinel (450369): a stack when the hit lands', () => {
  it('22 % of hits add a stack on their target when they land, none when fired', () => {
    const sim = fresh(['sentinel']);
    const slot = debuff('sentinel') * MAX_TARGETS;
    let atFire = 0;
    let atImpact = 0;
    const n = 3000;
    for (let i = 0; i < n; i++) {
      sim.debuffs.reset();
      const gen = sim.debuffs.gen[slot];
      fire(sim, A('steady_shot'));
      if (sim.debuffs.gen[slot] !== gen) atFire++;
      runUntil(sim, sim.now + TRAVEL.steady);
      if (sim.debuffs.gen[slot] !== gen) atImpact++;
    }
    expect(atFire).toBe(0);
    expectRate(atImpact, n, MM.sentinelChance);
  });
});

describe('Bullseye (204089): the target’s health where the shot lands', () => {
  it('a Steady Shot fired at 21.5 % health landing at 18.8 % adds a stack when it lands; a white Auto Shot none', () => {
    // 20 s fight, linear health: 21.5 % at 15.7 s, 20 % at 16 s, 18.8 % when it lands (16.233 s)
    const sim = fresh(['bullseye']);
    const stacks = () => sim.buffs.stack(B('bullseye'), sim.now);
    sim.removeBuff(B('bullseye')); // the stacks of the iteration's end
    sim.now = 15_700;
    fire(sim, A('steady_shot'));
    expect(stacks()).toBe(0);
    runUntil(sim, 15_700 + TRAVEL.steady);
    expect(sim.healthPct()).toBeLessThan(MM.bullseyeBelowPct);
    expect(stacks()).toBe(1);
    // fired below 20 %: no stack until it lands
    sim.now = 17_000;
    fire(sim, A('steady_shot'));
    expect(stacks()).toBe(1);
    runUntil(sim, 17_000 + TRAVEL.steady);
    expect(stacks()).toBe(2);
    sim.removeBuff(B('bullseye'));
    sim.travelOn = 1;
    sim.logic.autoShot();
    sim.travelOn = 0;
    runUntil(sim, sim.now + 1000);
    expect(stacks()).toBe(0);
  });
});

describe('Master Marksman (260309, 269576): the bleed starts where the crit lands, fed by what it dealt', () => {
  it('Aimed Shot crits cast at 3 s and 6 s land at 3.4 s and 6.4 s: ticks at 5.4, 7.4, 9.4, 11.4, 13.4 s', () => {
    // As mechanics.test.ts's refresh case, 400 ms later: 3.4 s: 15 % × C over 3 ticks; 5.4 s: 0.05 C
    // paid; 6.4 s: + 0.15 C = 0.25 C over ceil((1 + 6) / 2) = 4 ticks of 0.0625 C from 7.4 s.
    const sim = createSim(
      parseConfig(travelling(mmConfig('actions=aimed_shot', { seconds: 14, talents: ['master_marksman'] }))),
    );
    (sim as unknown as { baseCrit: number }).baseCrit = 1;
    const aimed = src('aimed_shot');
    const bleedSrc = src('master_marksman');
    const fired: number[] = [];
    const ticks: Array<{ t: number; amount: number }> = [];
    const hit = sim.hit.bind(sim);
    sim.hit = (s, target, amount, phys, critBonus, critDamage) => {
      const c = hit(s, target, amount, phys, critBonus, critDamage);
      if (s === aimed) fired.push(sim.now);
      return c;
    };
    const residual = sim.dealResidual.bind(sim);
    sim.dealResidual = (s, amount) => {
      if (s === bleedSrc) ticks.push({ t: sim.now, amount });
      residual(s, amount);
    };
    sim.runIteration(1, 0);
    expect(fired).toEqual([3000, 6000]);
    const c = sim.srcDamage[aimed]! / 2; // both landed (crits: 2 × the hit)
    expect(sim.srcHits[aimed]).toBe(2);
    expect(c).toBe(Math.round(MM.aimedShotAp * AP * MULT * PHYSICAL_MULTIPLIER * 2));
    expect(ticks.map((x) => x.t)).toEqual([5400, 7400, 9400, 11_400, 13_400]);
    const p = MM.masterMarksman; // 0.05 C, then (0.1 C + 0.15 C) / 4 = 0.0625 C each
    const want = [p / 3, (5 * p) / 12, (5 * p) / 12, (5 * p) / 12, (5 * p) / 12];
    ticks.forEach((x, i) => expect(x.amount).toBeCloseTo(want[i]! * c, 6));
  });
});

describe("Spotter's Mark (1219616, 466872) and On Target (474257): at the impact", () => {
  it('an Arcane Shot with Precise Shots marks its target when it lands (30 %), never when fired', () => {
    const sim = fresh(['precise_shots', 'eyes_in_the_sky']);
    const mark = debuff('spotters_mark') * MAX_TARGETS;
    let atFire = 0;
    let atImpact = 0;
    const n = 3000;
    for (let i = 0; i < n; i++) {
      sim.applyBuff(B('precise_shots'), 1, 0);
      fire(sim, A('arcane_shot'));
      if (sim.debuffs.up(mark, sim.now)) atFire++;
      runUntil(sim, sim.now + TRAVEL.arcane);
      if (sim.debuffs.up(mark, sim.now)) atImpact++;
      sim.debuffs.remove(mark, sim.now);
    }
    expect(atFire).toBe(0);
    expectRate(atImpact, n, MM.spottersMarkChance);
  });

  it('an Aimed Shot reads the mark when fired (+20 %) and spends it when it lands (On Target +4 % haste then); a mark put on while it flies is spent unused', () => {
    const sim = fresh(['eyes_in_the_sky', 'on_target']);
    const mark = debuff('spotters_mark');
    const base = sim.haste;
    const aimed = MM.aimedShotAp * AP * MULT * PHYSICAL_MULTIPLIER; // 19434 #1
    sim.applyDebuff(mark, 0, 1, 0);
    fire(sim, A('aimed_shot'));
    expect(sim.lastHitDamage).toBe(Math.round(aimed * (1 + MM.spottersMarkAimed)));
    expect(sim.debuffs.up(mark * MAX_TARGETS, sim.now)).toBe(true);
    expect(sim.haste).toBe(base);
    runUntil(sim, TRAVEL.aimed);
    expect(sim.debuffs.up(mark * MAX_TARGETS, sim.now)).toBe(false);
    expect(sim.haste / base).toBeCloseTo(1 + MM.onTargetHaste, 12);
    // unmarked when fired, marked in flight: no bonus, the mark spent on landing (SimC: impact checks it)
    sim.now = 1000;
    fire(sim, A('aimed_shot'));
    expect(sim.lastHitDamage).toBe(Math.round(aimed));
    sim.applyDebuff(mark, 0, 1, 0);
    runUntil(sim, 1000 + TRAVEL.aimed);
    expect(sim.debuffs.up(mark * MAX_TARGETS, sim.now)).toBe(false);
    expect(sim.haste / base).toBeCloseTo(1 + 2 * MM.onTargetHaste, 12);
  });
});

describe('Explosive Shot (212431): its dot starts when the shot lands (SimC explosive_shot_base_t::impact)', () => {
  it('fired at 0 s, it lands at 0.333 s: the dot is up from then and the explosion comes 3 s later, at 3.333 s', () => {
    const sim = fresh(['explosive_shot']);
    const out = explosions(sim);
    const slot = MM_DATA.dots.findIndex((d) => d.key === 'explosive_shot') * MAX_TARGETS;
    fire(sim, A('explosive_shot'));
    expect(sim.dots.up(slot, 0)).toBe(false);
    runUntil(sim, TRAVEL.explosive - 1);
    expect(sim.dots.up(slot, sim.now)).toBe(false);
    runUntil(sim, TRAVEL.explosive);
    expect(sim.dots.up(slot, sim.now)).toBe(true);
    runUntil(sim, 5000);
    expect(out.map((x) => x.t)).toEqual([TRAVEL.explosive + 3000]);
  });

  it('one landing on a target whose Explosive Shot still ticks explodes that one at once (SimC: dot->is_ticking() at impact), then its own 3 s later', () => {
    const sim = fresh(['explosive_shot']);
    const out = explosions(sim);
    fire(sim, A('explosive_shot')); // lands at 0.333 s: would explode at 3.333 s
    sim.now = 1000;
    fire(sim, A('explosive_shot')); // lands at 1.333 s
    runUntil(sim, 1000 + TRAVEL.explosive - 1);
    expect(out).toEqual([]);
    runUntil(sim, 8000);
    expect(out.map((x) => x.t)).toEqual([1000 + TRAVEL.explosive, 1000 + TRAVEL.explosive + 3000]);
    // both at the normal strength (212680 #1, no crits here): the early one has no bonus
    const amount = EXPLOSIVE_SHOT_NUMBERS.ap * AP * MULT * (1 + MM.specAuraExplosiveShot);
    expect(out.map((x) => x.amount)).toEqual([Math.round(amount), Math.round(amount)]);
  });
});

describe('Precision Detonation (471369, 474199): when the Aimed Shot lands', () => {
  it('an Aimed Shot landing while an Explosive Shot still flies to its target does not reach it (SimC 11.2: only a ticking one): it explodes 3 s after it lands, at the normal strength', () => {
    const sim = fresh(['explosive_shot', 'precision_detonation']);
    const out = explosions(sim);
    fire(sim, A('aimed_shot')); // lands at 0.4 s
    sim.now = 100;
    fire(sim, A('explosive_shot')); // lands at 0.433 s: still flying when the Aimed Shot lands
    runUntil(sim, 5000);
    expect(out.map((x) => x.t)).toEqual([100 + TRAVEL.explosive + 3000]);
    // 212680 #1 with no Precision Detonation bonus (no crits here)
    const amount = EXPLOSIVE_SHOT_NUMBERS.ap * AP * MULT * (1 + MM.specAuraExplosiveShot);
    expect(out.map((x) => x.amount)).toEqual([Math.round(amount)]);
  });

  it('an Aimed Shot fired at 0.2 s detonates an Explosive Shot (landed at 0.333 s) at 0.6 s (+40 %); one landing after the 3 s explosion detonates nothing', () => {
    const sim = fresh(['explosive_shot', 'precision_detonation']);
    const out = explosions(sim);
    fire(sim, A('explosive_shot')); // lands at 0.333 s, explodes at 3.333 s unless detonated
    sim.now = 200;
    fire(sim, A('aimed_shot'));
    expect(out).toEqual([]);
    runUntil(sim, 200 + TRAVEL.aimed);
    expect(out.map((x) => x.t)).toEqual([600]);
    runUntil(sim, 4000); // the cancelled 3 s explosion does not come
    expect(out.length).toBe(1);
    // Explosive Shot at 4 s (lands at 4.333 s, explodes at 7.333 s), Aimed Shot fired at 7.2 s lands
    // at 7.6 s: too late
    sim.now = 4000;
    fire(sim, A('explosive_shot'));
    sim.now = 7200;
    fire(sim, A('aimed_shot'));
    runUntil(sim, 7600);
    expect(out.map((x) => x.t)).toEqual([600, 4000 + TRAVEL.explosive + 3000]);
    expect(out[0]!.amount / out[1]!.amount).toBeCloseTo(1 + MM.precisionDetonation, 4);
  });
});

describe('Trick Shots (257621): the ricochets fly with the Aimed Shot', () => {
  it('they land with it (400 ms), detonating and spending the marks of their own targets there', () => {
    const sim = fresh(['trick_shots', 'explosive_shot', 'precision_detonation', 'eyes_in_the_sky'], 3);
    const out = explosions(sim);
    const mark = debuff('spotters_mark');
    const trick = src('trick_shots');
    fire(sim, A('explosive_shot'), 1); // lands on target 1 at 0.333 s, pending until 3.333 s
    sim.applyDebuff(mark, 2, 1, 0);
    sim.applyBuff(B('trick_shots'), 1, 0);
    sim.now = 200;
    fire(sim, A('aimed_shot'));
    expect(sim.srcHits[trick]).toBe(0);
    expect(out).toEqual([]);
    expect(sim.debuffs.up(mark * MAX_TARGETS + 2, sim.now)).toBe(true);
    runUntil(sim, 200 + TRAVEL.aimed);
    expect(sim.srcHits[trick]).toBe(2);
    expect(out.map((x) => x.t)).toEqual([600, 600, 600]); // target 1 and its splash on 0 and 2
    expect(sim.debuffs.up(mark * MAX_TARGETS + 2, sim.now)).toBe(false);
  });
});

describe('Lock and Load (194595) and Bulletstorm (389019): when the shot lands', () => {
  it('an Auto Shot gives Lock and Load 10 % of the time when it lands, never when fired', () => {
    const sim = fresh(['lock_and_load']);
    let atFire = 0;
    let atImpact = 0;
    const n = 3000;
    for (let i = 0; i < n; i++) {
      sim.removeBuff(B('lock_and_load'));
      sim.travelOn = 1;
      sim.logic.autoShot();
      sim.travelOn = 0;
      if (sim.buffs.up(B('lock_and_load'), sim.now)) atFire++;
      runUntil(sim, sim.now + TRAVEL.auto);
      if (sim.buffs.up(B('lock_and_load'), sim.now)) atImpact++;
    }
    expect(atFire).toBe(0);
    expectRate(atImpact, n, MM.lockAndLoadChance);
  });

  it('each Rapid Fire hit, ricochets included, adds its Bulletstorm stack when it lands (1 s later)', () => {
    const sim = fresh(['bulletstorm', 'trick_shots'], 3);
    const stacks = () => sim.buffs.stack(B('bulletstorm'), sim.now);
    const tick = (k: number) => {
      sim.travelOn = 1;
      sim.logic.channelTick(A('rapid_fire'), 0, k);
      sim.travelOn = 0;
    };
    tick(0);
    expect(stacks()).toBe(0);
    runUntil(sim, TRAVEL.rapid);
    expect(stacks()).toBe(1);
    sim.applyBuff(B('trick_shots'), 1, 0); // the next cast's shots ricochet to the 2 other targets
    tick(0); // a new cast: its stacks removed, those in flight still to come
    expect(stacks()).toBe(0);
    runUntil(sim, 2 * TRAVEL.rapid);
    expect(stacks()).toBe(3);
  });
});

describe('Razor Fragments (384790, 388998, 385638): Kill Shot’s bleed where it lands', () => {
  it('the buff is spent when Kill Shot is fired; 35 % of the landed hit bleeds from the impact (first tick 2 s later)', () => {
    const sim = fresh(['deathblow', 'razor_fragments']);
    const razorSrc = src('razor_fragments');
    const ticks: Array<{ t: number; amount: number }> = [];
    const residual = sim.dealResidual.bind(sim);
    sim.dealResidual = (s, amount) => {
      if (s === razorSrc) ticks.push({ t: sim.now, amount });
      residual(s, amount);
    };
    sim.applyBuff(B('razor_fragments'), 1, 0);
    fire(sim, A('kill_shot'));
    const hit = sim.lastHitDamage;
    expect(sim.buffs.up(B('razor_fragments'), sim.now)).toBe(false);
    runUntil(sim, 2000 + TRAVEL.killShot);
    expect(ticks.map((x) => x.t)).toEqual([2000 + TRAVEL.killShot]);
    expect(ticks[0]!.amount).toBeCloseTo((hit * MM.razorFragmentsShare) / 3, 6);
  });
});
