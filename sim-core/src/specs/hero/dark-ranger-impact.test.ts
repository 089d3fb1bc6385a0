/**
 * Golden tests of what Dark Ranger's shots do when they land (./dark-ranger.ts, DarkRanger.landed),
 * as SimC's `impact` has it (sc_hunter.cpp: `black_arrow_base_t` with `impact_action = dot` and
 * Bleak Powder in its impact, `black_arrow_t::impact` for Banshee's Mark, the Withering Fire
 * arrows' own dot, `bleak_arrows_t::impact` for Deathblow after `auto_shot_base_t::impact`'s Wild
 * Call / Lock and Load). The shots travel 40 yards (SimC's default distance) at their missile
 * speeds (../projectiles.ts): Black Arrow and Withering Fire's arrows 80 yd/s = 500 ms, Bleak
 * Arrows 60 yd/s = 667 ms. Each check would fail if the effect came when the shot is fired.
 */
import { describe, expect, it } from 'vitest';
import { MAX_TARGETS, Sim } from '../../engine/sim.ts';
import { fire, runUntil } from '../../engine/test-support.ts';
import { bmSim, run } from '../bm-hunter/test-support.ts';
import { mmConfig, simAfterOneIteration } from '../mm-hunter/test-support.ts';
import { TIMING_OFF } from '../../config/timing.ts';

const TRAVEL = { blackArrow: 500, bleak: 667 };
const NOTHING = 'actions=bestial_wrath,if=time>100';

/** A travelling BM sim after one iteration, restarted at 0 ms with an empty queue. */
function freshBm(talents: string[], targets = 1): Sim {
  const sim = bmSim({ talents, rotation: NOTHING, seconds: 100, distanceYards: 40, targets });
  run(sim, 1);
  sim.now = 0;
  sim.logic.start();
  sim.q.clear(); // without the pets' swings and basic attacks
  return sim;
}

/** The same for Marksmanship (no crits). */
function freshMm(talents: string[]): Sim {
  const c = mmConfig('actions=steady_shot', { seconds: 100, talents });
  c.timing = { ...TIMING_OFF, distanceYards: 40 };
  const sim = simAfterOneIteration(c);
  sim.q.clear();
  sim.now = 0;
  sim.logic.start();
  sim.critChance = -1;
  return sim;
}

const idx = (list: ReadonlyArray<{ key: string }>, key: string) => Sim.indexOf(list, key);

/** Records when and where the hits of source `key` land (at once, or when their travel ends). */
function hitsOf(sim: Sim, key: string): Array<{ t: number; target: number }> {
  const s = idx(sim.data.sources, key);
  const out: Array<{ t: number; target: number }> = [];
  const hit = sim.hit.bind(sim);
  sim.hit = (src, target, amount, phys, critBonus, critDamage) => {
    const travels = sim.travelOn === 1 && sim.srcTravelMs[src]! > 0;
    if (src === s && !travels) out.push({ t: sim.now, target });
    return hit(src, target, amount, phys, critBonus, critDamage);
  };
  const land = sim.land.bind(sim);
  sim.land = (slot) => {
    if (sim.inFlight.src[slot] === s) out.push({ t: sim.now, target: sim.inFlight.target[slot]! });
    land(slot);
  };
  return out;
}

/** Records the times at which buff `key` is applied. */
function buffTimes(sim: Sim, key: string): number[] {
  const b = idx(sim.data.buffs, key);
  const out: number[] = [];
  const applyBuff = sim.applyBuff.bind(sim);
  sim.applyBuff = (buff, stacks, ms) => {
    if (buff === b) out.push(sim.now);
    applyBuff(buff, stacks, ms);
  };
  return out;
}

/** An Auto Shot (Bleak Arrows with the talent) fired now, as the engine does. */
function autoShot(sim: Sim): void {
  sim.travelOn = 1;
  sim.logic.autoShot();
  sim.travelOn = 0;
}

describe('Black Arrow (466930): its dot and Bleak Powder when it lands, 0.5 s after the shot', () => {
  it('fired at 0 s on target 0 of 3: the hit, its dot (468572) and Bleak Powder on targets 1 and 2 come at 0.5 s', () => {
    const sim = freshBm(['black_arrow', 'bleak_powder'], 3);
    const arrows = hitsOf(sim, 'black_arrow');
    const powder = hitsOf(sim, 'bleak_powder');
    const dot = idx(sim.data.dots, 'black_arrow') * MAX_TARGETS;
    fire(sim, idx(sim.data.actions, 'black_arrow'));
    runUntil(sim, TRAVEL.blackArrow - 1);
    expect(arrows).toEqual([]);
    expect(powder).toEqual([]);
    expect(sim.dots.up(dot, sim.now)).toBe(false);
    runUntil(sim, TRAVEL.blackArrow);
    expect(arrows).toEqual([{ t: TRAVEL.blackArrow, target: 0 }]);
    expect(sim.dots.up(dot, sim.now)).toBe(true);
    expect(powder).toEqual([
      { t: TRAVEL.blackArrow, target: 1 },
      { t: TRAVEL.blackArrow, target: 2 },
    ]);
  });

  it("Banshee's Mark (467902): the crows come when a Black Arrow lands, never when it is fired", () => {
    const sim = freshBm(['black_arrow', 'banshees_mark']);
    const crows = idx(sim.data.dots, 'a_murder_of_crows');
    const at: number[] = [];
    const applyDot = sim.dots.applyDot.bind(sim.dots);
    sim.dots.applyDot = (dot, slot, now, stacks, tick) => {
      if (dot === crows) at.push(now);
      return applyDot(dot, slot, now, stacks, tick);
    };
    const period = 2000;
    for (let i = 0; i < 60; i++) {
      sim.now = i * period;
      fire(sim, idx(sim.data.actions, 'black_arrow'));
      runUntil(sim, i * period + period - 1);
    }
    expect(at.length).toBeGreaterThan(0); // 15 % of 60: 9 expected, P(none) = 0.85^60 < 1e-4
    for (const t of at) expect(t % period).toBe(TRAVEL.blackArrow);
  });

  it("Withering Fire (466990): its two arrows fly 0.5 s too and start their targets' dots when they land", () => {
    const sim = freshBm(['black_arrow', 'withering_fire'], 3);
    const arrows = hitsOf(sim, 'black_arrow_withering_fire');
    const dot = idx(sim.data.dots, 'black_arrow') * MAX_TARGETS;
    sim.applyBuff(idx(sim.data.buffs, 'withering_fire'), 1, 10_000);
    fire(sim, idx(sim.data.actions, 'black_arrow'));
    runUntil(sim, TRAVEL.blackArrow - 1);
    expect(arrows).toEqual([]);
    expect([1, 2].map((t) => sim.dots.up(dot + t, sim.now))).toEqual([false, false]);
    runUntil(sim, TRAVEL.blackArrow);
    expect(arrows.map((a) => a.t)).toEqual([TRAVEL.blackArrow, TRAVEL.blackArrow]);
    for (const a of arrows) expect(sim.dots.up(dot + a.target, sim.now)).toBe(true);
  });
});

describe("Bleak Arrows (467749, 467718): the shot flies 0.667 s; Deathblow and the spec's Auto Shot rolls when it lands", () => {
  it('BM: every Deathblow it grants comes 0.667 s after the shot, as its Wild Call charges (crits)', () => {
    const sim = freshBm(['black_arrow', 'bleak_arrows', 'deathblow', 'wild_call']);
    sim.critChance = 2; // every shot crits: Wild Call rolls on each
    const deathblows = buffTimes(sim, 'deathblow');
    const charges: number[] = [];
    const barbed = idx(sim.data.actions, 'barbed_shot');
    const addCharge = sim.cds.addCharge.bind(sim.cds);
    sim.cds.addCharge = (a, now) => {
      if (a === barbed) charges.push(now);
      addCharge(a, now);
    };
    const bleak = hitsOf(sim, 'bleak_arrows');
    const period = 3000;
    for (let i = 0; i < 60; i++) {
      sim.now = i * period;
      autoShot(sim);
      runUntil(sim, i * period + period - 1);
    }
    expect(bleak.length).toBe(60);
    for (const h of bleak) expect(h.t % period).toBe(TRAVEL.bleak);
    expect(deathblows.length).toBeGreaterThan(0); // 20 % of 60 (467749 #1)
    for (const t of deathblows) expect(t % period).toBe(TRAVEL.bleak);
    expect(charges.length).toBeGreaterThan(0); // 20 % of 60 crits (185789 #1)
    for (const t of charges) expect(t % period).toBe(TRAVEL.bleak);
  });

  it('MM: its Deathblow (8 %, 467749 #2) and Lock and Load (10 %) come 0.667 s after the shot', () => {
    const sim = freshMm(['black_arrow', 'bleak_arrows', 'deathblow', 'lock_and_load']);
    const deathblows = buffTimes(sim, 'deathblow');
    const lnl = buffTimes(sim, 'lock_and_load');
    const period = 3000;
    for (let i = 0; i < 150; i++) {
      sim.now = i * period;
      autoShot(sim);
      runUntil(sim, i * period + period - 1);
    }
    expect(deathblows.length).toBeGreaterThan(0); // 8 % of 150: 12 expected
    for (const t of deathblows) expect(t % period).toBe(TRAVEL.bleak);
    expect(lnl.length).toBeGreaterThan(0); // 10 % of 150: 15 expected
    for (const t of lnl) expect(t % period).toBe(TRAVEL.bleak);
  });
});
