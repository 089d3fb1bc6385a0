/**
 * Golden tests of Shadow Hounds (Dark Ranger 430707, ./shadow-hounds.ts), both specs. Each config
 * isolates the mechanic (no raid buffs, consumables, travel, latency or reaction; only the talents
 * named); the figures are computed by hand from the cited spell data and SimC's pet model, and the
 * engine must give exactly them (the swings: their times, count and amounts before crit and
 * versatility; the cleave's share), or land within a few σ of them (the proc rate).
 */
import { describe, expect, it } from 'vitest';
import { CRIT_MULTIPLIER, deriveStats } from '../../engine/ratings.ts';
import { createSim } from '../../engine/run.ts';
import { Sim } from '../../engine/sim.ts';
import { freshSim, mechanicConfig, runUntil } from '../../engine/test-support.ts';
import type { SimConfig, SpecId } from '../../types.ts';
import { specs } from '../registry.ts';
import { DARK_RANGER, type DarkRanger } from './dark-ranger.ts';

interface Hit {
  t: number;
  src: string;
  target: number;
  amount: number;
  physical: boolean;
  critBonus: number;
}

function config(
  spec: SpecId,
  talents: string[],
  targets: number,
  rotation: string,
  seconds = 100,
): SimConfig {
  return mechanicConfig(spec, talents, rotation, { seconds, targets });
}

/** Records every hit (its amount before crit, versatility and armor). */
function record(sim: Sim): Hit[] {
  const hits: Hit[] = [];
  const hit = sim.hit.bind(sim);
  sim.hit = (src, target, amount, physical, critBonus, critDamage) => {
    hits.push({ t: sim.now, src: sim.data.sources[src]!.key, target, amount, physical, critBonus });
    return hit(src, target, amount, physical, critBonus, critDamage);
  };
  return hits;
}

/** The spec logic's Dark Ranger helper (a private field of both logics). */
const darkRanger = (sim: Sim): DarkRanger => (sim.logic as unknown as { dr: DarkRanger }).dr;

/** A sim after one iteration, restarted at 0 ms with an empty queue (no pet swings, no casts). */
function fresh(spec: SpecId, talents: string[], targets = 1): Sim {
  return freshSim(config(spec, ['black_arrow', ...talents], targets, 'actions=black_arrow'));
}

const of = (hits: Hit[], src: string) => hits.filter((h) => h.src === src);

const C = specs[0]!.defaultConfig().player.stats; // both specs' default stats are the same
const AP = C.agility; // Battle Shout off: 1 AP per agility
const STATS = deriveStats(C);
/** The hound's swing before the spec's multipliers: 3 × the hunter's AP × 2 s / 6 (SimC dark_hound_t, pet melee). */
const SWING = (3 * AP * 2) / 6;
/** The spec's guardian multipliers: BM 137015 #4 (−6 %) and mastery (76657 #1/#4, 1.9 % a point); MM 137016 #3 (−4 %). */
const GUARDIAN: Record<SpecId, number> = {
  'bm-hunter': (1 - 0.06) * (1 + 0.019 * STATS.masteryPoints),
  'mm-hunter': 1 - 0.04,
};
/** Swing time: 2 s / haste (no Trigger Finger or Bloodlust here), rounded to the ms. */
const SWING_MS = Math.round(2000 / STATS.haste);
/** Swings over its 8 s (442419): at 0, s, 2s, … while before the 8 s. */
const SWINGS = Math.ceil(8000 / SWING_MS);

describe('Shadow Hounds: the Dark Hound', () => {
  it('the hand figures are what they say (a swing of 1.5–2 s: 4–6 swings)', () => {
    expect(SWING_MS).toBeGreaterThan(1300);
    expect(SWING_MS).toBeLessThanOrEqual(2000);
    expect(SWINGS).toBeGreaterThanOrEqual(4);
    expect(SWINGS).toBeLessThanOrEqual(7);
  });

  for (const spec of ['bm-hunter', 'mm-hunter'] as const) {
    it(`${spec}: swings at once and every 2 s / haste for 8 s, Shadow, 3 × AP × 2 / 6 × the guardian multipliers`, () => {
      const sim = fresh(spec, ['shadow_hounds']);
      const hits = record(sim);
      sim.critChance = -1; // no crits: the damage dealt is the amount × versatility, rounded
      const src = Sim.indexOf(sim.data.sources, 'dark_hound');
      const [hits0, damage0] = [sim.srcHits[src]!, sim.srcDamage[src]!]; // the counters run on from the first iteration
      darkRanger(sim).hounds.summon();
      runUntil(sim, 20_000);
      const swings = of(hits, 'dark_hound');
      expect(swings.map((h) => h.t)).toEqual(Array.from({ length: SWINGS }, (_, k) => k * SWING_MS));
      const amount = SWING * GUARDIAN[spec];
      for (const h of swings) {
        expect(h.amount).toBeCloseTo(amount, 6);
        expect(h.physical).toBe(false); // Shadow: no armor
        expect(h.target).toBe(0);
        expect(h.critBonus).toBe(0); // the hunter's crit chance, nothing of the spec's shots
      }
      expect(sim.srcHits[src]! - hits0).toBe(SWINGS);
      expect(sim.srcDamage[src]! - damage0).toBe(SWINGS * Math.round(amount * sim.versatility));
      // one target: no Beast Cleave
      expect(of(hits, 'dark_hound_beast_cleave')).toEqual([]);
    });
  }

  it('two hounds at once swing on their own timers; one more than the slots replaces the one that ends first', () => {
    const sim = fresh('bm-hunter', ['shadow_hounds']);
    const hits = record(sim);
    const hounds = darkRanger(sim).hounds;
    hounds.summon();
    runUntil(sim, 1000);
    hounds.summon();
    runUntil(sim, 30_000);
    const times = of(hits, 'dark_hound').map((h) => h.t);
    const a = Array.from({ length: SWINGS }, (_, k) => k * SWING_MS);
    const b = a.filter((t) => 1000 + t < 9000).map((t) => 1000 + t);
    expect(times).toEqual([...a, ...b].sort((x, y) => x - y));
    // one more than the slots (6) at once: the first (ending first) is replaced, so its later swings stop
    const slots = DARK_RANGER.darkHoundSlots;
    const simN = fresh('bm-hunter', ['shadow_hounds']);
    const hitsN = record(simN);
    const hN = darkRanger(simN).hounds;
    for (let k = 0; k <= slots; k++) {
      hN.summon();
      runUntil(simN, (k + 1) * 10);
    }
    runUntil(simN, 30_000);
    // the last `slots` hounds swing their full 8 s; the first only its swing at 0
    expect(of(hitsN, 'dark_hound').length).toBe(1 + slots * SWINGS);
  });
});

describe('Shadow Hounds: Beast Cleave on the hound', () => {
  // SimC's pet buff value: 115939 #1 (80 %) with BM's Beast Cleave talent, 1.0 without (MM: never taken)
  const CASES: Array<[SpecId, string[], number]> = [
    ['bm-hunter', [], 1],
    ['bm-hunter', ['beast_cleave'], 0.8],
    ['mm-hunter', [], 1],
  ];
  for (const [spec, extra, share] of CASES) {
    for (const targets of [3, 12]) {
      it(`${spec}${extra.length > 0 ? ' with Beast Cleave' : ''}, ${targets} targets: each swing also hits every other target for ${share * 100} %, its crit carried, physical, reduced beyond 8 (118459 #2)`, () => {
        const sim = fresh(spec, ['shadow_hounds', ...extra], targets);
        const hits = record(sim);
        sim.critChance = 2; // every swing crits: the cleave carries the crit (× 2) and cannot crit itself
        const src = Sim.indexOf(sim.data.sources, 'dark_hound_beast_cleave');
        const houndSrc = Sim.indexOf(sim.data.sources, 'dark_hound');
        const [cleaveCrits0, houndCrits0] = [sim.srcCrits[src]!, sim.srcCrits[houndSrc]!];
        darkRanger(sim).hounds.summon();
        runUntil(sim, 20_000);
        const swing = SWING * GUARDIAN[spec];
        const others = targets - 1;
        const soft = others > 8 ? Math.sqrt(8 / others) : 1;
        const cleave = of(hits, 'dark_hound_beast_cleave');
        expect(cleave.length).toBe(SWINGS * others);
        for (let k = 0; k < SWINGS; k++) {
          const at = cleave.filter((h) => h.t === k * SWING_MS);
          expect(at.map((h) => h.target)).toEqual(Array.from({ length: others }, (_, i) => i + 1));
          for (const h of at) {
            expect(h.amount).toBeCloseTo(swing * CRIT_MULTIPLIER * share * soft, 6);
            expect(h.physical).toBe(true); // 118459 is physical: armor on the other targets
          }
        }
        expect(sim.srcCrits[src]! - cleaveCrits0).toBe(0);
        expect(sim.srcCrits[houndSrc]! - houndCrits0).toBe(SWINGS);
      });
    }
  }
});

describe('Shadow Hounds: the proc (430707: 1.5 real procs per minute on Black Arrow dot ticks)', () => {
  for (const spec of ['bm-hunter', 'mm-hunter'] as const) {
    it(`${spec}: hounds come only on Black Arrow dot ticks, as often as SimC's formula on those ticks says (within 4 σ)`, () => {
      // three targets with Bleak Powder and Umbral Reach: the dot on all of them, ticks in the same ms rolling once
      const c = config(
        spec,
        ['black_arrow', 'shadow_hounds', 'bleak_powder', 'umbral_reach'],
        3,
        'actions=black_arrow',
        300,
      );
      const sim = createSim(c);
      const ticks: number[] = [];
      const summons: number[] = [];
      const hounds = darkRanger(sim).hounds;
      const summon = hounds.summon.bind(hounds);
      hounds.summon = () => {
        summons.push(sim.now);
        summon();
      };
      const hit = sim.hit.bind(sim);
      const dot = Sim.indexOf(sim.data.sources, 'black_arrow_dot');
      sim.hit = (src, target, amount, physical, critBonus, critDamage) => {
        if (src === dot && target < sim.targets) ticks.push(sim.now);
        return hit(src, target, amount, physical, critBonus, critDamage);
      };
      let expected = 0;
      let variance = 0;
      let procs = 0;
      for (let k = 0; k < 40; k++) {
        ticks.length = 0;
        summons.length = 0;
        sim.runIteration(1, k);
        // SimC's real_ppm_t along the ticks of this iteration, with the procs that happened
        let last = 0;
        let acc = 0;
        for (const t of ticks) {
          if (t === last) continue; // the same ms: no roll
          const since = Math.min(t - last, 3500);
          acc += since;
          last = t;
          const p = Math.min(1, ((1.5 * since) / 60_000) * Math.max(1, 1 + 3 * (acc / 40_000 - 1.5)));
          expected += p;
          variance += p * (1 - p);
          if (summons.includes(t)) acc = 0;
        }
        procs += summons.length;
        for (const s of summons) expect(ticks).toContain(s);
      }
      expect(procs).toBeGreaterThan(50);
      expect(Math.abs(procs - expected)).toBeLessThan(4 * Math.sqrt(variance));
    });
  }
});

describe('Shadow Hounds with Kill Zone (MM, 393480 #4)', () => {
  it('a hound hits a target in Volley’s area for 8 % more (guardians’ damage taken), and its cleave by each target’s own', () => {
    const amounts = (inZone: number[]) => {
      const sim = fresh('mm-hunter', ['shadow_hounds', 'volley', 'kill_zone'], 3);
      const hits = record(sim);
      sim.critChance = -1;
      for (const t of inZone) sim.applyDebuff(Sim.indexOf(sim.data.debuffs, 'kill_zone'), t, 1, 0);
      darkRanger(sim).hounds.summon();
      runUntil(sim, 1);
      return [...of(hits, 'dark_hound'), ...of(hits, 'dark_hound_beast_cleave')].map((h) => h.amount);
    };
    const [main, cleave1, cleave2] = amounts([]);
    const zoned = amounts([0, 2]);
    expect(zoned[0]).toBeCloseTo(main! * 1.08, 6);
    expect(zoned[1]).toBeCloseTo(cleave1!, 6); // target 1 is outside the area
    expect(zoned[2]).toBeCloseTo(cleave2! * 1.08, 6);
  });
});
