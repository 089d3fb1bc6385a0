/**
 * Golden tests of the class tree's damage talents (./class-tree.ts): each runs a config isolating
 * one talent (no raid buffs, consumables, timing delays or ratings; critical strikes off unless the
 * talent is about them) and compares the engine's figures with a hand computation from the spell
 * data of 11.2.0.63003, written out here with its spell id and effect. Deterministic damage matches
 * exactly; crit rates within 4 standard errors.
 */
import { EXPLOSIVE_SHOT_NUMBERS } from './common.ts';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/parse-config.ts';
import { isolateMechanics } from '../engine/test-support.ts';
import { BASE_CRIT, BASE_MASTERY_POINTS, PHYSICAL_MULTIPLIER } from '../engine/ratings.ts';
import { createSim, simulate } from '../engine/run.ts';
import { Sim } from '../engine/sim.ts';
import { talentsFromLoadout } from '../talents/resolve.ts';
import { REAL } from '../talents/test-strings.ts';
import type { SimConfig } from '../types.ts';
import { BM, BM_DATA } from './bm-hunter/data.ts';
import { CLASS_DEFAULT_TALENTS, CLASS_TALENTS } from './class-tree.ts';
import { AP, expected, MULT, run as mmRun } from './mm-hunter/test-support.ts';
import { expectRate } from './expect-rate.ts';
import { MM } from './mm-hunter/data.ts';
import { specData, specs } from './registry.ts';

const AGILITY = 40_000;
/** BM with no ratings: pets 1.9 % and the hunter's spells 1 % per mastery point (76657 #1, #5). */
const PET_MASTERY = 1 + (BASE_MASTERY_POINTS * BM_DATA.masteryCoefficient) / 100;
const OWN_MASTERY = 1 + (BASE_MASTERY_POINTS * BM.masteryPlayerCoefficient) / 100;
/** A stable pet: 0.6 of the hunter's AP, the spec aura's −6 % pet damage (137015 #3), mastery. */
const STABLE = BM.petApFromOwner * (1 + BM.specAuraPet) * PET_MASTERY;
const PET_SWING = (AGILITY * BM.petSwingMs) / 1000 / BM.petMeleeApDivisor;
const physical = (amount: number): number => Math.round(amount * PHYSICAL_MULTIPLIER);

function bmConfig(talents: string[], rotation: string, seconds: number): SimConfig {
  const c = specs.find((s) => s.id === 'bm-hunter')!.defaultConfig();
  c.player.talents = talents;
  c.player.stats = { ...c.player.stats, agility: AGILITY, crit: 0, haste: 0, mastery: 0, versatility: 0 };
  c.fight = { ...c.fight, durationSeconds: seconds, durationVariation: 0, bloodlust: false };
  isolateMechanics(c);
  c.rotation = rotation;
  return c;
}

/** A BM Sim after `iterations` iterations; critical strikes off unless `crit`. */
function bmRun(opts: { talents: string[]; rotation: string; seconds: number; iterations?: number }): Sim {
  const sim = createSim(parseConfig(bmConfig(opts.talents, opts.rotation, opts.seconds)));
  (sim as unknown as { baseCrit: number }).baseCrit = -10;
  for (let k = 0; k < (opts.iterations ?? 1); k++) sim.runIteration(7, k);
  return sim;
}

const src = (key: string): number => Sim.indexOf(BM_DATA.sources, key);
const hits = (sim: Sim, key: string): number => sim.srcHits[src(key)]!;
const damage = (sim: Sim, key: string): number => sim.srcDamage[src(key)]!;

/** The crit chance a config's Sim starts its iterations with. */
function critChance(spec: 'bm-hunter' | 'mm-hunter', talents: string[], rating: number): number {
  const c = spec === 'bm-hunter' ? bmConfig(talents, 'actions=cobra_shot', 10) : mmConfigOf(talents);
  c.player.stats.crit = rating;
  return createSim(parseConfig(c)).baseCrit;
}
function mmConfigOf(talents: string[]): SimConfig {
  const c = specs.find((s) => s.id === 'mm-hunter')!.defaultConfig();
  c.player.talents = talents;
  c.player.stats = { ...c.player.stats, crit: 0, haste: 0, mastery: 0, versatility: 0 };
  return isolateMechanics(c);
}

describe('Keen Eyesight (378004)', () => {
  it('adds 4 % crit chance at rank 2, 2 % at rank 1 (rank table: #1 set to 2, 4), for both specs', () => {
    for (const spec of ['bm-hunter', 'mm-hunter'] as const) {
      expect(critChance(spec, [], 0)).toBe(BASE_CRIT);
      expect(critChance(spec, ['keen_eyesight'], 0)).toBeCloseTo(0.05 + 0.04, 12);
      expect(critChance(spec, ['keen_eyesight:2'], 0)).toBeCloseTo(0.05 + 0.04, 12);
      expect(critChance(spec, ['keen_eyesight:1'], 0)).toBeCloseTo(0.05 + 0.02, 12);
    }
  });

  it("the hunter's shots and the pet's swings crit 9 % of the time (5 % base + 4 %)", () => {
    const c = bmConfig(['keen_eyesight'], 'actions=cobra_shot', 120);
    const r = simulate(parseConfig(c), { seed: 3, seedOffset: 0, iterations: 100 });
    for (const key of ['cobra_shot', 'pet_melee', 'auto_shot']) {
      const a = r.abilities[key]!;
      expect(a.hits).toBeGreaterThan(1500);
      expectRate(a.crits, a.hits, 0.09);
    }
  });
});

describe('talent.X.rank in a rotation', () => {
  it("reads the config's rank (SimC's talent.X.rank), the full rank for a plain key, 0 when not taken", () => {
    const casts = (talents: string[], cond: string) =>
      hits(bmRun({ talents, rotation: `actions=cobra_shot,if=${cond}`, seconds: 30 }), 'cobra_shot');
    // ungated: Cobra Shot whenever focus allows; gated lines cast the same when the rank matches
    const all = casts([], '1');
    expect(all).toBeGreaterThan(5);
    expect(casts(['keen_eyesight:1'], 'talent.keen_eyesight.rank=1')).toBe(all);
    expect(casts(['keen_eyesight:1'], 'talent.keen_eyesight.rank=2')).toBe(0);
    // a plain key is the tree's full rank: 2 ranks for Keen Eyesight (378004, max_rank=2)
    expect(casts(['keen_eyesight'], 'talent.keen_eyesight.rank=2')).toBe(all);
    expect(casts(['keen_eyesight'], 'talent.keen_eyesight=1')).toBe(all);
    // a one-rank talent reads 1, an absent one 0
    expect(casts(['serrated_tips'], 'talent.serrated_tips.rank=1')).toBe(all);
    expect(casts([], 'talent.keen_eyesight.rank=0')).toBe(all);
  });
});

describe('Serrated Tips (459502)', () => {
  it('multiplies the crit rating by 1.05 (#1) before conversion and diminishing returns', () => {
    for (const spec of ['bm-hunter', 'mm-hunter'] as const) {
      // 7 000 rating: 10 % (700 per %), with the talent 7 350: 10.5 %
      expect(critChance(spec, [], 7_000)).toBeCloseTo(0.05 + 0.1, 12);
      expect(critChance(spec, ['serrated_tips'], 7_000)).toBeCloseTo(0.05 + 0.105, 12);
      // 28 000 rating: 40 % before diminishing (30 + 9 × 0.9 + 1 × 0.8); × 1.05: 42 % (30 + 8.1 + 3 × 0.8)
      expect(critChance(spec, [], 28_000)).toBeCloseTo(0.05 + 0.389, 12);
      expect(critChance(spec, ['serrated_tips'], 28_000)).toBeCloseTo(0.05 + 0.405, 12);
    }
  });
});

describe('Specialized Arsenal (459542)', () => {
  it('BM: the pet’s Kill Command (83381) deals 10 % more (#1)', () => {
    const per = (talents: string[]) => {
      const sim = bmRun({ talents, rotation: 'actions=kill_command', seconds: 20 });
      expect(hits(sim, 'kill_command')).toBe(3); // at 0, 7.5 and 15 s
      return damage(sim, 'kill_command') / 3;
    };
    expect(per([])).toBe(physical(BM.killCommandAp * AGILITY * STABLE));
    expect(per(['specialized_arsenal'])).toBe(physical(BM.killCommandAp * AGILITY * STABLE * 1.1));
  });

  it('MM: Aimed Shot (19434) deals 10 % more (#1); other shots do not change', () => {
    const r = mmRun('actions=aimed_shot\nactions+=/steady_shot', {
      seconds: 14,
      talents: ['specialized_arsenal'],
    });
    const a = r.abilities.aimed_shot!;
    expect(a.damage).toBe(expected(a, MM.aimedShotAp * AP * MULT * 1.1, true, 1));
    const s = r.abilities.steady_shot!;
    expect(s.damage).toBe(expected(s, MM.steadyShotAp * AP * MULT, true, 1));
  });
});

describe('Blackrock Munitions (462036)', () => {
  it('MM: Explosive Shot’s explosion (212680) deals 8 % more (#1)', () => {
    const r = mmRun('actions=explosive_shot', {
      seconds: 10,
      talents: ['explosive_shot', 'blackrock_munitions'],
      iterations: 100,
    });
    const e = r.abilities.explosive_shot!;
    expect(e.hits).toBe(100);
    const amount = EXPLOSIVE_SHOT_NUMBERS.ap * AP * MULT * (1 + MM.specAuraExplosiveShot) * 1.08;
    expect(e.damage).toBe(expected(e, amount, false, 1));
  });

  it('BM: raises Harmonize to 6 % pet damage (#2: +2 on 1245926 #1); nothing without Harmonize', () => {
    const perSwing = (talents: string[]) => {
      const sim = bmRun({ talents, rotation: 'actions=cobra_shot', seconds: 30 });
      return damage(sim, 'pet_melee') / hits(sim, 'pet_melee');
    };
    expect(perSwing(['blackrock_munitions'])).toBe(physical(PET_SWING * STABLE));
    expect(perSwing(['harmonize', 'blackrock_munitions'])).toBe(physical(PET_SWING * STABLE * 1.06));
  });
});

describe('Harmonize (1245926)', () => {
  it('BM: the pets deal 4 % more (#1): melee, Kill Command, Call of the Wild’s pets', () => {
    const sim = bmRun({
      talents: ['harmonize', 'call_of_the_wild'],
      rotation: 'actions=call_of_the_wild\nactions+=/kill_command',
      seconds: 20,
    });
    const each = (key: string) => damage(sim, key) / hits(sim, key);
    expect(each('pet_melee')).toBe(physical(PET_SWING * STABLE * 1.04));
    expect(each('call_of_the_wild')).toBe(physical(PET_SWING * STABLE * 1.04));
    expect(each('kill_command')).toBe(physical(BM.killCommandAp * AGILITY * STABLE * 1.04));
  });

  it('not the guardians: a Dire Beast’s swing is unchanged (SimC: pets only, not guardians)', () => {
    const sim = bmRun({
      talents: ['harmonize', 'dire_beast'],
      rotation: 'actions=barbed_shot',
      seconds: 60,
      iterations: 20,
    });
    expect(hits(sim, 'dire_beast')).toBeGreaterThan(0);
    // Dire Beast: 1 × the hunter's AP (SimC dire_beast_t), guardian aura −6 % (137015 #4), mastery
    const guardian = BM.direBeastApFromOwner * (1 + BM.specAuraGuardian) * PET_MASTERY;
    expect(damage(sim, 'dire_beast')).toBe(hits(sim, 'dire_beast') * physical(PET_SWING * guardian));
  });
});

describe('Trigger Finger (459534)', () => {
  // 31 s fights: the k-th attack (from 0) comes at k × interval, so ceil(31 000 / interval) of them.
  const count = (intervalMs: number) => Math.ceil(31_000 / intervalMs);

  it('BM (a pet out): Auto Shot and the pet swing × (1 + 5 %) × (1 + 5 %) faster (#1, #2), same damage', () => {
    const tf = 1.05 * 1.05;
    const off = bmRun({ talents: [], rotation: 'actions=cobra_shot,if=time>100', seconds: 31 });
    const on = bmRun({
      talents: ['trigger_finger'],
      rotation: 'actions=cobra_shot,if=time>100',
      seconds: 31,
    });
    expect(hits(off, 'auto_shot')).toBe(count(3000));
    expect(hits(on, 'auto_shot')).toBe(count(Math.round(3000 / tf))); // 2 721 ms: 12 shots
    expect(hits(off, 'pet_melee')).toBe(count(2000));
    expect(hits(on, 'pet_melee')).toBe(count(Math.round(2000 / tf))); // 1 814 ms: 18 swings
    expect(damage(on, 'pet_melee') / hits(on, 'pet_melee')).toBe(physical(PET_SWING * STABLE));
    expect(damage(on, 'auto_shot') / hits(on, 'auto_shot')).toBe(
      damage(off, 'auto_shot') / hits(off, 'auto_shot'),
    );
  });

  it('BM, rank 1 of 2 (rank table: #1, #2, #4 × 0.5): × (1 + 2.5 %) × (1 + 2.5 %)', () => {
    const tf = 1.025 * 1.025;
    const on = bmRun({
      talents: ['trigger_finger:1'],
      rotation: 'actions=cobra_shot,if=time>100',
      seconds: 31,
    });
    expect(hits(on, 'auto_shot')).toBe(count(Math.round(3000 / tf))); // 2 855 ms: 11 shots
    expect(hits(on, 'pet_melee')).toBe(count(Math.round(2000 / tf))); // 1 904 ms: 17 swings
    expect(Math.round(3000 / tf)).toBe(2855);
  });

  it('MM (no pet): Auto Shot × (1 + 5 %) × (1 + 5 % × (1 + 100 %)) faster (#1, #2, #3)', () => {
    const shots = (talents: string[]) =>
      mmRun('actions=aimed_shot,if=time>100', { seconds: 31, talents, iterations: 1 }).abilities.auto_shot!
        .hits;
    expect(shots([])).toBe(count(3000));
    expect(shots(['trigger_finger'])).toBe(count(Math.round(3000 / (1.05 * 1.1)))); // 2 597 ms: 12 shots
    // rank 1: #1 and #2 halved, #3 (+100 % without a pet) not in the rank table
    expect(shots(['trigger_finger:1'])).toBe(count(Math.round(3000 / (1.025 * 1.05)))); // 2 787 ms: 12 shots
  });
});

describe('Unnatural Causes (459527, 459529)', () => {
  it('BM: Barbed Shot’s ticks (217200 in 459529 #1) deal 10 % more (#1), 15 % below 20 % health (#2, #3)', () => {
    // One Barbed Shot at 0 in an 11 s fight (linear health): ticks at 0, 2, 4, 6, 8 s above 20 %
    // health, the one at 10 s at 9 %.
    const tick = AGILITY * BM.barbedShotTickAp * (1 + BM.specAuraSpells) * OWN_MASTERY;
    const rotation = 'actions=barbed_shot,if=time<1';
    const off = bmRun({ talents: [], rotation, seconds: 11 });
    expect(hits(off, 'barbed_shot')).toBe(6);
    expect(damage(off, 'barbed_shot')).toBe(6 * physical(tick));
    const on = bmRun({ talents: ['unnatural_causes'], rotation, seconds: 11 });
    expect(hits(on, 'barbed_shot')).toBe(6);
    expect(damage(on, 'barbed_shot')).toBe(5 * physical(tick * 1.1) + physical(tick * (1 + 0.1 * 1.5)));
  });

  it('MM: the Master Marksman bleed (269576, 459529 #2’s label) pays 10 % more on its ticks', () => {
    // Two Aimed Shots (3 s and 6 s) in a 60 s fight: every bleed tick is paid by 12 s, above 20 % health.
    const r = mmRun('actions=aimed_shot,if=time<7', {
      seconds: 60,
      talents: ['master_marksman', 'unnatural_causes'],
      iterations: 400,
    });
    const a = r.abilities.aimed_shot!;
    const bleed = r.abilities.master_marksman!;
    const critValue = Math.round(MM.aimedShotAp * AP * MULT * PHYSICAL_MULTIPLIER * 2);
    expect(a.crits).toBeGreaterThan(0);
    // each tick rounded: within half a point per tick of 15 % of the crits × 1.1
    expect(Math.abs(bleed.damage - MM.masterMarksman * a.crits * critValue * 1.1)).toBeLessThanOrEqual(
      0.5 * bleed.hits,
    );
  });
});

/** Records each hit's time, source key and amount (before crit, versatility and armor). */
function recordHits(sim: Sim): Array<{ t: number; src: string; amount: number }> {
  const out: Array<{ t: number; src: string; amount: number }> = [];
  const hit = sim.hit.bind(sim);
  sim.hit = (src, target, amount, physical, critBonus, critDamage) => {
    out.push({ t: sim.now, src: sim.data.sources[src]!.key, amount });
    return hit(src, target, amount, physical, critBonus, critDamage);
  };
  return out;
}

describe('Unnatural Causes on the hero trees’ spells', () => {
  /** 100 s fight, linear health (100 % → 0 %): +15 % below 20 % health (459527 #3), else +10 %. */
  const uc = (t: number) => (100 * (1 - t / 100_000) < 20 ? 1 + 0.1 * 1.5 : 1 + 0.1);

  it('Dark Ranger: Black Arrow’s dot (468572, in 459529 #2’s label list) on each tick', () => {
    const c = bmConfig(['black_arrow', 'unnatural_causes'], 'actions=black_arrow', 100);
    const sim = createSim(parseConfig(c));
    const hits = recordHits(sim);
    sim.runIteration(1, 0);
    // 468572 #1: 0.0325 AP per tick, BM +20 % (137015 #11); no mastery, not hasted
    const tick = 0.0325 * AGILITY * (1 + 0.2);
    const dot = hits.filter((h) => h.src === 'black_arrow_dot');
    expect(dot.some((h) => h.t > 80_000)).toBe(true);
    for (const h of dot) {
      const full = h.t % 1000 === 0 ? 1 : (h.t % 1000) / 1000; // a pandemic refresh's partial last tick
      expect(Math.abs(h.amount - tick * full * uc(h.t)) / (tick * full)).toBeLessThan(1e-12);
    }
    // the direct hit (466930) is not in the lists
    const direct = hits.filter((h) => h.src === 'black_arrow');
    expect(new Set(direct.map((h) => h.amount)).size).toBe(1);
  });

  it('Sentinel: each implosion (450412, in 459529 #2’s label list)', () => {
    const c = mmConfigOf(['sentinel', 'unnatural_causes']);
    c.player.stats.agility = AP;
    c.rotation = 'actions=steady_shot';
    c.fight = { ...c.fight, durationSeconds: 100, durationVariation: 0, bloodlust: false };
    const sim = createSim(parseConfig(c));
    const hits = recordHits(sim);
    for (let k = 0; k < 5; k++) sim.runIteration(1, k);
    const sentinel = hits.filter((h) => h.src === 'sentinel');
    expect(sentinel.some((h) => h.t > 80_000)).toBe(true);
    expect(sentinel.some((h) => h.t < 80_000)).toBe(true);
    for (const h of sentinel) {
      const want = MM.sentinelAp * AP * MULT * uc(h.t);
      expect(Math.abs(h.amount - want) / want).toBeLessThan(1e-12);
    }
  });
});

describe('class-tree talents in a loadout string', () => {
  it('the class talents of SimC’s profiles resolve to modelled keys, not “not modelled yet”', () => {
    const classKeys = new Set(CLASS_TALENTS.map((t) => t.key));
    const cases = [
      [REAL.bmDarkRanger, 7],
      [REAL.bmPackLeader, 7],
      [REAL.mmDarkRanger, 6], // Explosive Shot instead of Harmonize (one choice node)
    ] as const;
    for (const [text, n] of cases) {
      const r = talentsFromLoadout(text);
      const modelled = r.modelled.filter((t) => classKeys.has(t.key));
      expect(modelled).toHaveLength(n);
      expect(modelled.every((t) => t.tree === 'class')).toBe(true);
      for (const t of CLASS_TALENTS) {
        expect(r.ignored.find((x) => x.spellId === t.spellId)).toBeUndefined();
      }
      // Trigger Finger and Keen Eyesight at 2 of 2 ranks
      expect(r.modelled.find((t) => t.key === 'keen_eyesight')).toMatchObject({ rank: 2, maxRanks: 2 });
      expect(r.modelled.find((t) => t.key === 'trigger_finger')).toMatchObject({ rank: 2, maxRanks: 2 });
      expect(r.keys).toEqual(expect.arrayContaining(modelled.map((t) => t.key)));
      // a defensive class talent stays listed as not modelled
      expect(r.ignored.find((t) => t.name === 'Lone Survivor')).toMatchObject({ reason: 'not modelled yet' });
    }
  });

  it('the spec defaults take the class talents SimC’s default profiles take', () => {
    for (const text of [REAL.bmDarkRanger, REAL.bmPackLeader, REAL.mmDarkRanger]) {
      const r = talentsFromLoadout(text);
      const classKeys = r.modelled
        .filter((t) => CLASS_TALENTS.some((c) => c.key === t.key))
        .map((t) => t.key);
      expect([...classKeys].sort()).toEqual([...CLASS_DEFAULT_TALENTS[r.spec]].sort());
      expect(specData(r.spec).defaultTalents).toEqual(expect.arrayContaining(classKeys));
    }
  });
});
