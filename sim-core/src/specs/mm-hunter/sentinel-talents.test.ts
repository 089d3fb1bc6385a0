/**
 * Golden tests of the Sentinel tree's talents around the keystone (./sentinel.ts): Extrapolated
 * Shots, Release and Reload, Eyes Closed, Invigorating Pulse, Sentinel Watch, Symphonic Arsenal,
 * Overwatch, Crescent Steel.
 * Each isolates its rule on a Sim after one iteration and checks it against the cited spell data.
 */
import { describe, expect, it } from 'vitest';
import { MAX_TARGETS, Sim } from '../../engine/sim.ts';
import { expectRate } from '../expect-rate.ts';
import { MM, MM_DATA } from './data.ts';
import type { SentinelTree } from './sentinel.ts';
import { A, AP, B, expected, mmConfig, MULT, run, simAfterOneIteration } from './test-support.ts';

const SENTINEL = Sim.indexOf(MM_DATA.debuffs, 'sentinel');
const slot = (t: number) => SENTINEL * MAX_TARGETS + t;
const src = (key: string) => Sim.indexOf(MM_DATA.sources, key);

function sentinelSim(talents: string[], targets = 1): Sim {
  return simAfterOneIteration(
    mmConfig('actions=steady_shot', { seconds: 20, talents: ['sentinel', ...talents], targets }),
  );
}

/** A fresh state with `stacks` Sentinel stacks on target 0. */
function reset(sim: Sim, stacks: number): void {
  sim.logic.start();
  sim.debuffs.reset();
  sim.buffs.reset();
  if (stacks > 0) sim.debuffs.apply(SENTINEL, slot(0), sim.now, stacks, 0);
}

/** Auto Shot on target 0 until Sentinel's roll adds stacks; the stacks then (null: no trigger in `tries`). */
function stacksAfterTrigger(sim: Sim, tries = 200): number | null {
  for (let i = 0; i < tries; i++) {
    const gen = sim.debuffs.gen[slot(0)];
    sim.logic.autoShot();
    if (sim.debuffs.gen[slot(0)] !== gen) return sim.debuffs.stack(slot(0), sim.now);
  }
  return null;
}

/** The tree, and one implosion tick on target 0 (its private step: SimC's sentinel_t execute and impact). */
function hero(sim: Sim): SentinelTree {
  return (sim.logic as unknown as { hero: SentinelTree }).hero;
}
function implodeTick(sim: Sim): void {
  hero(sim)['imploding'][0] = 1; // running: the hit's own Sentinel roll starts no second one
  hero(sim)['implode'](0);
}

describe('Extrapolated Shots (450374)', () => {
  it('a Sentinel applied to a target without it adds 1 more stack (#1): 2; on a target with stacks, 1', () => {
    const sim = sentinelSim(['extrapolated_shots']);
    for (let i = 0; i < 50; i++) {
      reset(sim, 0);
      expect(stacksAfterTrigger(sim)).toBe(1 + MM.extrapolatedShotsStacks);
      reset(sim, 1);
      expect(stacksAfterTrigger(sim)).toBe(2);
    }
  });

  it('without it: 1 stack on a fresh target', () => {
    const sim = sentinelSim([]);
    reset(sim, 0);
    expect(stacksAfterTrigger(sim)).toBe(1);
  });
});

describe('Release and Reload (450376)', () => {
  it('each application has 15 % (#1) for a second stack', () => {
    const sim = sentinelSim(['release_and_reload']);
    let n = 0;
    let seconds = 0;
    for (let i = 0; i < 3000; i++) {
      reset(sim, 1);
      const s = stacksAfterTrigger(sim);
      if (s === null) continue;
      n++;
      seconds += s - 2;
    }
    expectRate(seconds, n, MM.releaseAndReloadChance);
  });

  it('with Extrapolated Shots, its extra stack rolls again (SimC trigger_sentinel): 2 to 4 stacks, 0.3 extra on average', () => {
    const sim = sentinelSim(['release_and_reload', 'extrapolated_shots']);
    let n = 0;
    let extra = 0;
    for (let i = 0; i < 3000; i++) {
      reset(sim, 0);
      const s = stacksAfterTrigger(sim)!;
      expect(s).toBeGreaterThanOrEqual(2);
      expect(s).toBeLessThanOrEqual(4);
      n += 2;
      extra += s - 2;
    }
    expectRate(extra, n, MM.releaseAndReloadChance);
  });
});

describe('Eyes Closed (450381, 451180)', () => {
  it('Trueshot gives 8 s (451180) in which every hit applies Sentinel; after it, 22 % again', () => {
    const sim = sentinelSim(['eyes_closed']);
    reset(sim, 0);
    sim.logic.execute(A('trueshot'), 0);
    expect(sim.buffs.remainsMs(B('eyes_closed'), sim.now)).toBe(8000);
    for (let i = 0; i < 3; i++) {
      const gen = sim.debuffs.gen[slot(0)];
      sim.logic.autoShot();
      expect(sim.debuffs.gen[slot(0)]).not.toBe(gen);
    }
    sim.buffs.reset();
    let triggers = 0;
    for (let i = 0; i < 4000; i++) {
      sim.debuffs.reset();
      const gen = sim.debuffs.gen[slot(0)];
      sim.logic.autoShot();
      if (sim.debuffs.gen[slot(0)] !== gen) triggers++;
    }
    expectRate(triggers, 4000, MM.sentinelChance);
  });

  it('no buff without the talent', () => {
    const sim = sentinelSim([]);
    reset(sim, 0);
    sim.logic.execute(A('trueshot'), 0);
    expect(sim.buffs.up(B('eyes_closed'), sim.now)).toBe(false);
  });
});

describe('Invigorating Pulse (450379, 451173)', () => {
  it('each implosion hit has 15 % (#2) to give 5 focus (#1)', () => {
    const sim = sentinelSim(['invigorating_pulse']);
    let gains = 0;
    const n = 4000;
    for (let i = 0; i < n; i++) {
      reset(sim, 5);
      sim.spendFocus(sim.focus());
      implodeTick(sim);
      const f = sim.focus();
      expect([0, MM.invigoratingPulseFocus]).toContain(f);
      if (f > 0) gains++;
    }
    expectRate(gains, n, MM.invigoratingPulseChance);
  });

  it('no focus without the talent', () => {
    const sim = sentinelSim([]);
    reset(sim, 5);
    sim.spendFocus(sim.focus());
    for (let i = 0; i < 5; i++) implodeTick(sim);
    expect(sim.focus()).toBe(0);
  });
});

describe('Sentinel Watch (451546)', () => {
  it('each implosion hit takes 1 s (#1) off Trueshot, 15 s (#2) at most until the next Trueshot', () => {
    const sim = sentinelSim(['sentinel_watch']);
    reset(sim, 10);
    const ts = A('trueshot');
    sim.cds.use(ts, sim.now);
    const full = sim.cds.remainsMs(ts, sim.now);
    implodeTick(sim);
    expect(sim.cds.remainsMs(ts, sim.now)).toBe(full - MM.sentinelWatchMs);
    for (let i = 0; i < 30; i++) {
      sim.debuffs.apply(SENTINEL, slot(0), sim.now, 10, 0);
      implodeTick(sim);
    }
    expect(sim.cds.remainsMs(ts, sim.now)).toBe(full - MM.sentinelWatchLimitMs);
    // a Trueshot (its cast: SimC resets the count) allows 15 s more
    sim.logic.execute(ts, 0);
    implodeTick(sim);
    expect(sim.cds.remainsMs(ts, sim.now)).toBe(full - MM.sentinelWatchLimitMs - MM.sentinelWatchMs);
  });

  it('Trueshot untouched without the talent', () => {
    const sim = sentinelSim([]);
    reset(sim, 10);
    const ts = A('trueshot');
    sim.cds.use(ts, sim.now);
    const full = sim.cds.remainsMs(ts, sim.now);
    for (let i = 0; i < 5; i++) implodeTick(sim);
    expect(sim.cds.remainsMs(ts, sim.now)).toBe(full);
  });
});

describe('Symphonic Arsenal (450383, 451194)', () => {
  // 451194 #1 0.3864 AP arcane, × (1 − 25 %) for Marksmanship (137016 #12), in 137016 #1's and mastery's lists
  const amount = MM.symphonicArsenalAp * (1 + MM.symphonicArsenalMm) * AP * MULT;

  // A discharge lands at once and rolls Sentinel on what it hits, so an enemy later in the list
  // may discharge too (SimC's loop reads each target's stacks in turn): the cases avoid that. The
  // run below has it from Multi-Shot casts.
  it('Multi-Shot: from each Sentinel target, on it and up to 5 others (450383 #1)', () => {
    const cases: [targets: number, withSentinel: number[], hits: number][] = [
      [3, [0, 1, 2], 9], // 3 × 3
      [8, [7], 6], // 1 + 5 of the other 7 (the last: no enemy after it)
      [3, [], 0],
    ];
    for (const [targets, on, hits] of cases) {
      const sim = sentinelSim(['symphonic_arsenal'], targets);
      reset(sim, 0);
      for (const t of on) sim.debuffs.apply(SENTINEL, slot(t), sim.now, 1, 0);
      const s = src('symphonic_arsenal');
      const [h0, d0, c0] = [sim.srcHits[s]!, sim.srcDamage[s]!, sim.srcCrits[s]!];
      hero(sim).onMultiShot(); // Multi-Shot's own hits (landing at once here) would roll Sentinel first
      const got = { damage: 0, casts: 0, hits: sim.srcHits[s]! - h0, crits: sim.srcCrits[s]! - c0 };
      expect(got.hits).toBe(hits);
      expect(sim.srcDamage[s]! - d0).toBe(expected(got, amount, false, 1));
    }
  });

  it('in a run: its damage is its hits × the computed amount; none without the talent', () => {
    const rot = 'actions=multishot';
    const r = run(rot, {
      seconds: 60,
      talents: ['sentinel', 'symphonic_arsenal'],
      targets: 3,
      iterations: 20,
    });
    const s = r.abilities.symphonic_arsenal!;
    expect(s.hits).toBeGreaterThan(0);
    expect(s.damage).toBe(expected(s, amount, false, 1));
    const off = run(rot, { seconds: 60, talents: ['sentinel'], targets: 3, iterations: 5 });
    expect(off.abilities.symphonic_arsenal).toBeUndefined();
  });
});

describe('Overwatch (450384)', () => {
  // simAfterOneIteration leaves the clock at the fight's end: every target at 0 % health (linear health)
  const sentinelHits = (sim: Sim) => sim.srcHits[src('sentinel')]!;
  const setUp = (talents: string[], stacks: number[]) => {
    const sim = sentinelSim(talents, 3);
    reset(sim, 0);
    stacks.forEach((n, t) => n > 0 && sim.debuffs.apply(SENTINEL, slot(t), sim.now, n, 0));
    return sim;
  };

  it('damage to a target below 20 % (#1) with more than 3 stacks implodes every enemy with stacks, then not for 15 s (#2)', () => {
    const sim = setUp(['overwatch'], [4, 2, 0]);
    const h0 = sentinelHits(sim);
    hero(sim).onPeriodic(0); // any damage (a dot tick here: no Sentinel roll)
    expect(sentinelHits(sim) - h0).toBe(2); // targets 0 and 1; target 2 has none to implode
    // (their stacks: one used each, and each hit's own 22 % roll)
    expect([...hero(sim)['imploding'].subarray(0, 3)]).toEqual([1, 1, 0]);
    // the implosions end (as with no stack left), stacks come back: each target's 15 s run
    hero(sim)['imploding'].fill(0);
    sim.debuffs.apply(SENTINEL, slot(0), sim.now, 2, 0);
    hero(sim).onPeriodic(0);
    expect(sentinelHits(sim) - h0).toBe(2);
    sim.now += MM.overwatchCooldownMs - 1;
    hero(sim).onPeriodic(0);
    expect(sentinelHits(sim) - h0).toBe(2);
    sim.now += 1;
    hero(sim).onPeriodic(0);
    expect(sentinelHits(sim) - h0).toBe(4);
  });

  it('nothing at 3 stacks, above 20 % health, on a target already imploding, or without the talent', () => {
    const sim = setUp(['overwatch'], [3, 5, 0]);
    const h0 = sentinelHits(sim);
    hero(sim).onPeriodic(0);
    expect(sentinelHits(sim)).toBe(h0);
    sim.now = 0; // 100 % health
    hero(sim).onPeriodic(1);
    expect(sentinelHits(sim)).toBe(h0);
    const off = setUp([], [5, 5, 0]);
    const h1 = sentinelHits(off);
    hero(off).onPeriodic(0);
    expect(sentinelHits(off)).toBe(h1);
  });
});

describe('Crescent Steel (451530, 451531)', () => {
  const CRESCENT = 14; // SPEC_CRESCENT

  it('damage below 20 % (#1) starts a Sentinel stack every 3 s (451531 #1), with no roll', () => {
    const sim = sentinelSim(['crescent_steel']);
    reset(sim, 0);
    hero(sim).onPeriodic(0);
    for (let i = 1; i <= 3; i++) {
      sim.logic.specEvent(CRESCENT, 0);
      expect(sim.debuffs.stack(slot(0), sim.now)).toBe(i);
    }
  });

  it("as SimC's buff_t: a second damage refreshes the infinite debuff, which cancels its ticks for good", () => {
    const sim = sentinelSim(['crescent_steel']);
    reset(sim, 0);
    hero(sim).onPeriodic(0);
    hero(sim).onPeriodic(0);
    sim.logic.specEvent(CRESCENT, 0);
    expect(sim.debuffs.stack(slot(0), sim.now)).toBe(0);
  });

  it('nothing above 20 % health or without the talent', () => {
    const sim = sentinelSim(['crescent_steel']);
    reset(sim, 0);
    sim.now = 0;
    hero(sim).onPeriodic(0);
    sim.logic.specEvent(CRESCENT, 0);
    expect(sim.debuffs.stack(slot(0), sim.now)).toBe(0);
    const off = sentinelSim([]);
    reset(off, 0);
    hero(off).onPeriodic(0);
    off.logic.specEvent(CRESCENT, 0);
    expect(off.debuffs.stack(slot(0), off.now)).toBe(0);
  });
});
