/**
 * Golden tests of Unbreakable Bond (1223323, ./unbreakable-bond.ts): Marksmanship's main pet, as
 * SimulationCraft's sc_hunter.cpp at 50d415071f has it (`summon_pet_t` for MM only with the talent,
 * `hunter_main_pet_t`: melee and Claw, `hunter_t::composite_player_pet_damage_multiplier`,
 * `composite_player_target_pet_damage_multiplier`, Trigger Finger's `pets.main`); the talent's own
 * +15 % (#1) holds "while outdoors", never in a raid or dungeon, so not here (as SimC). Each config isolates the pet (./test-support.ts: 10 000 agility, no ratings, raid
 * buffs, consumables or timing delays; a rotation that never acts); amounts and times are worked
 * out by hand from the cited spell data and the engine must give exactly them.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../config/parse-config.ts';
import { PHYSICAL_MULTIPLIER } from '../../engine/ratings.ts';
import { createSim } from '../../engine/run.ts';
import { MAX_TARGETS } from '../../engine/events.ts';
import { Sim } from '../../engine/sim.ts';
import { encodeLoadout } from '../../talents/loadout.ts';
import { talentsFromLoadout } from '../../talents/resolve.ts';
import { MAIN_PET } from '../main-pet.ts';
import { MM, MM_DATA } from './data.ts';
import type { MarksmanshipLogic } from './logic.ts';
import { AP, B, mmConfig, run } from './test-support.ts';

/** A rotation that never acts: the pet and Auto Shot only. */
const IDLE = 'actions=trueshot,if=time>10000';
/** The pet's multiplier: 0.6 × AP (SimC), 137016 #4 (+12 %); not 1223323 #1 (outdoors only). */
const PET = 0.6 * (1 + 0.12);
/** A melee swing: the pet's AP × 2 s / 6 (SimC's pet melee). */
const SWING = ((AP * 2000) / 1000 / 6) * PET;
/** A Claw (16827 #1: 0.26 × the pet's AP); × 2 above 50 focus (62762 #1). */
const CLAW = 0.26 * AP * PET;

interface Hit {
  t: number;
  src: string;
  amount: number;
  critBonus: number;
}

/** A Sim of `talents` (MM, the isolating config) with critical strikes off, recording every hit. */
function recordingSim(talents: string[], seconds: number, rotation = IDLE): { sim: Sim; hits: Hit[] } {
  const sim = createSim(parseConfig(mmConfig(rotation, { seconds, talents })));
  (sim as unknown as { baseCrit: number }).baseCrit = -10;
  const hits: Hit[] = [];
  const hit = sim.hit.bind(sim);
  sim.hit = (src, target, amount, physical, critBonus, critDamage) => {
    hits.push({ t: sim.now, src: sim.data.sources[src]!.key, amount, critBonus });
    return hit(src, target, amount, physical, critBonus, critDamage);
  };
  return { sim, hits };
}

const of = (hits: Hit[], src: string): Hit[] => hits.filter((h) => h.src === src);
const near = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-12 * Math.abs(b);

describe('Unbreakable Bond (1223323): a pet for Marksmanship', () => {
  it('the numbers are the cited data', () => {
    expect(MM.unbreakableBondPet).toBe(0.15); // 1223323 #1
    expect(MM.specAuraPet).toBe(0.12); // 137016 #4
    expect(MM.killZonePetTaken).toBe(0.08); // 393480 #3
    expect(MM.lunarStormPetTaken).toBe(0.1); // 450884 #2
    expect(MAIN_PET.basicAttackAp).toBe(0.26); // 16827 #1
    expect(MM.unbreakableBondOutdoors).toBe(0);
    expect(MAIN_PET.apFromOwner * (1 + MM.specAuraPet)).toBe(PET);
  });

  it('the pet swings every 2 s from the pull for 0.2 × 0.6 AP × 1.12; Claw at 0, 3, 6, 9, 12, 16 s', () => {
    const { sim, hits } = recordingSim(['unbreakable_bond'], 19.5);
    sim.runIteration(3, 0);
    const swings = of(hits, 'pet_melee');
    expect(swings.map((h) => h.t)).toEqual([
      0, 2000, 4000, 6000, 8000, 10_000, 12_000, 14_000, 16_000, 18_000,
    ]);
    for (const h of swings) expect(near(h.amount, SWING)).toBe(true);
    // Pet focus 100 at the pull, 1.25 × the hunter's 5 / s = 6.25 / s (SimC): 0 s 100 > 50, Wild
    // Hunt (62762: × 2 damage, 50 focus) → 50; 3 s 68.75, Wild Hunt → 18.75; 6 s 37.5 → 12.5;
    // 9 s 31.25 → 6.25; 12 s 25 → 0; 15 s 18.75 < 25: waits 1 s; 16 s 25 → 0; 19 s 18.75: past 19.5 s.
    const claws = of(hits, 'claw');
    expect(claws.map((h) => h.t)).toEqual([0, 3000, 6000, 9000, 12_000, 16_000]);
    const each = claws.map((h) => h.amount / CLAW);
    each.forEach((x, i) => expect(near(x, i < 2 ? 2 : 1)).toBe(true));
    // dealt: physical (armor), no crit (off here), no versatility: round(amount × armor) each
    const dealt = (src: string) => sim.srcDamage[Sim.indexOf(MM_DATA.sources, src)]!;
    expect(dealt('pet_melee')).toBe(10 * Math.round(SWING * PHYSICAL_MULTIPLIER));
    expect(dealt('claw')).toBe(
      2 * Math.round(2 * CLAW * PHYSICAL_MULTIPLIER) + 4 * Math.round(CLAW * PHYSICAL_MULTIPLIER),
    );
  });

  it('without the talent there is no pet: no swing, no Claw, and the hunter alone is the same', () => {
    const without = run(IDLE, { seconds: 31, talents: [], iterations: 20 });
    const withIt = run(IDLE, { seconds: 31, talents: ['unbreakable_bond'], iterations: 20 });
    expect(without.abilities.pet_melee).toBeUndefined();
    expect(without.abilities.claw).toBeUndefined();
    expect(withIt.abilities.pet_melee!.hits).toBe(20 * 16); // 0, 2, …, 30 s
    expect(withIt.abilities.claw!.hits).toBeGreaterThan(0);
    // the hunter's Auto Shots are the same (no Trigger Finger here); the pet's crit rolls draw from
    // the same random stream, so which of them crit differs
    expect(withIt.abilities.auto_shot!.hits).toBe(without.abilities.auto_shot!.hits);
  });

  it('results name the pet’s abilities as damage sources', () => {
    const names = Object.fromEntries(MM_DATA.sources.map((s) => [s.key, s.name]));
    expect(names.pet_melee).toBe('Pet: Melee');
    expect(names.claw).toBe('Pet: Claw (Basic Attack)');
  });
});

describe('what else applies to the pet (SimC hunter_t pet multipliers)', () => {
  /** One swing of the pet after the setup `before` (on a Sim after one iteration, at 1 s). */
  function swingWith(talents: string[], before: (sim: Sim, logic: MarksmanshipLogic) => void): Hit {
    const { sim, hits } = recordingSim(['unbreakable_bond', ...talents], 10);
    sim.runIteration(3, 0);
    sim.now = 1000;
    hits.length = 0;
    const logic = sim.logic as MarksmanshipLogic;
    before(sim, logic);
    logic.pet!.swing();
    return of(hits, 'pet_melee')[0]!;
  }

  it('Harmonize with Blackrock Munitions: × (1 + 4 % + 2 %) (1245926 #1, 462036 #2)', () => {
    const h = swingWith(['harmonize', 'blackrock_munitions'], () => {});
    expect(near(h.amount, SWING * (1 + 0.04 + 0.02))).toBe(true);
  });

  it('Kill Zone and Lunar Storm on the target: × 1.08 (393480 #3) × 1.1 (450884 #2)', () => {
    const kz = Sim.indexOf(MM_DATA.debuffs, 'kill_zone');
    const ls = Sim.indexOf(MM_DATA.debuffs, 'lunar_storm');
    const h = swingWith(['volley', 'kill_zone', 'sentinel', 'lunar_storm'], (sim) => {
      sim.applyDebuff(kz, 0, 1, 0);
      sim.applyDebuff(ls, 0, 1, 0);
    });
    expect(near(h.amount, SWING * 1.08 * 1.1)).toBe(true);
    // without their talents the debuffs (never applied then) would not count
    const bare = swingWith([], (sim) => sim.debuffs.remove(kz * MAX_TARGETS, sim.now));
    expect(near(bare.amount, SWING)).toBe(true);
  });

  it('Trueshot’s crit chance is the pet’s too (288613 #4, + Unerring Vision 474738 #1)', () => {
    const up = swingWith(['unerring_vision'], (sim, logic) => {
      sim.applyBuff(B('trueshot'), 1, 0);
      logic.critModel.trueshotChanged();
    });
    expect(up.critBonus).toBe(0.1 + 0.1);
    const down = swingWith([], () => {});
    expect(down.critBonus).toBe(0);
  });
});

describe('Trigger Finger (459534) with the pet out', () => {
  // 31 s fights: the k-th attack (from 0) comes at k × interval, so ceil(31 000 / interval) of them.
  const count = (intervalMs: number) => Math.ceil(31_000 / intervalMs);
  const abilities = (talents: string[]) =>
    run(IDLE, { seconds: 31, talents, iterations: 1 }).abilities as Record<string, { hits: number }>;

  it('its petless #3 no longer applies: Auto Shot and the pet × (1 + 5 %) × (1 + 5 %), as BM', () => {
    const petless = abilities(['trigger_finger']);
    const pet = abilities(['trigger_finger', 'unbreakable_bond']);
    expect(petless.auto_shot!.hits).toBe(count(Math.round(3000 / (1.05 * 1.1)))); // 2 597 ms: 12 shots
    expect(pet.auto_shot!.hits).toBe(count(Math.round(3000 / (1.05 * 1.05)))); // 2 721 ms: 12 shots
    expect(pet.pet_melee!.hits).toBe(count(Math.round(2000 / (1.05 * 1.05)))); // 1 814 ms: 18 swings
    const sim = (talents: string[]) => createSim(parseConfig(mmConfig(IDLE, { seconds: 31, talents })));
    expect(sim(['trigger_finger']).classTree.autoAttackSpeed).toBe(1.05 * (1 + 0.05 * 2));
    expect(sim(['trigger_finger', 'unbreakable_bond']).classTree.autoAttackSpeed).toBe(1.05 * 1.05);
  });
});

describe('a pasted Marksmanship string', () => {
  it('takes Unbreakable Bond as modelled, not as "not modelled yet"', () => {
    const r = talentsFromLoadout(
      encodeLoadout({ specId: 254, talents: [{ nodeId: 104127, spellId: 1223323 }] }),
    );
    expect(r.modelled.filter((t) => t.key === 'unbreakable_bond')).toMatchObject([
      { key: 'unbreakable_bond', spellId: 1223323, nodeId: 104127 },
    ]);
    expect(r.ignored.filter((t) => t.name === 'Unbreakable Bond')).toEqual([]);
  });
});
