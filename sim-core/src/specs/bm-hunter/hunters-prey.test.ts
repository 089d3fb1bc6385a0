/**
 * Golden tests of Hunter's Prey (378210, ./spec-talents.ts killShotMult), as SimulationCraft's TWW
 * 11.2 sc_hunter.cpp has it (kill_shot_base_t::action_multiplier, simc 50d415071f / 6be7f39ba1):
 * Kill Shot and Black Arrow deal 468219 #1 (+10 %) more for each of the hunter's pets out — the main
 * pet, the Animal Companion and Call of the Wild's pets — 5 at most (468219's stacks). Each config
 * isolates the talent (./test-support.ts: no crits, no haste, 40,000 agility); the engine's amounts
 * (before crit, versatility and armor) must equal the hand computation from the cited spell data.
 */
import { describe, expect, it } from 'vitest';
import type { Sim } from '../../engine/sim.ts';
import { talentsFromLoadout } from '../../talents/resolve.ts';
import { REAL } from '../../talents/test-strings.ts';
import { BM } from './data.ts';
import { AGILITY, bmSim, OWN_MASTERY, run } from './test-support.ts';
import { BM_TALENTS } from './talent-data.ts';

interface Hit {
  t: number;
  src: string;
  amount: number;
}

/** The hits (time, source key, amount before crit / versatility / armor) of one iteration of `sim`. */
function recorded(sim: Sim): Hit[] {
  const out: Hit[] = [];
  const hit = sim.hit.bind(sim);
  sim.hit = (src, target, amount, phys, critBonus, critDamage) => {
    out.push({ t: sim.now, src: sim.data.sources[src]!.key, amount });
    return hit(src, target, amount, phys, critBonus, critDamage);
  };
  run(sim, 1);
  return out;
}

const of = (hits: Hit[], src: string): Hit[] => hits.filter((h) => h.src === src);
const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

/** The hunter's spells: spec aura −6 % (137015 #1), mastery 1 % a point (76657 #5), Kill Shot's +40 % and −28 % (137015 #7, #8). */
const SPELLS = (1 - 0.06) * OWN_MASTERY * (1 + 0.4) * (1 - 0.28);
/** Kill Shot's hit (53351 #1: 3.2 AP). */
const KILL_SHOT = 3.2 * AGILITY * SPELLS;
/** Black Arrow's hit on BM (466930 #1: 3.484 AP; 137015 #10: +20 %). */
const BLACK_ARROW = 3.484 * AGILITY * SPELLS * (1 + 0.2);
/** Hunter's Prey with `pets` pets out: 468219 #1 (10 %) a pet, 5 at most (468219 stacks). */
const PREY = (pets: number): number => 1 + 0.1 * Math.min(pets, 5);

describe("Hunter's Prey (378210): Kill Shot +10 % a pet out", () => {
  it('the main pet: × 1.1; with the Animal Companion: × 1.2; without the talent: × 1', () => {
    // 30 s fight, health falling linearly: Kill Shot usable from 20 % (24 s), 10 s cooldown.
    const shots = (talents: string[]) =>
      of(recorded(bmSim({ talents, rotation: 'actions=kill_shot', seconds: 30 })), 'kill_shot');
    expect(BM_TALENTS.huntersPreyPerPet).toBe(0.1);
    expect(BM_TALENTS.huntersPreyMaxPets).toBe(5);
    expect(BM.killShotAp).toBe(3.2);
    for (const [talents, factor] of [
      [[], 1],
      [['hunters_prey'], PREY(1)],
      [['hunters_prey', 'animal_companion'], PREY(2)],
      [['animal_companion'], 1],
    ] as const) {
      const ks = shots([...talents]);
      expect(ks.map((h) => h.t)).toEqual([24_000]);
      expect(rel(ks[0]!.amount, KILL_SHOT * factor), talents.join()).toBeLessThan(1e-12);
    }
  });

  it("Call of the Wild's pets count (2 for 20 s, one more every 4 s for 6 s), 5 pets at most", () => {
    // Call of the Wild at 0 s (359844: 2 pets for 20 s, #2: one more every 4 s, 361582: 6 s).
    // A 21 s fight: Kill Shot at 16.8 s, with its two pets and those of 12 and 16 s out: the main
    // pet + 4 = 5 (× 1.5); with the companion 6, capped at 5 (× 1.5). A 24 s fight: at 19.2 s
    // the two and the one of 16 s: 1 + 3 = 4 (× 1.4), with the companion 5 (× 1.5).
    const rotation = 'actions=call_of_the_wild\nactions+=/kill_shot';
    for (const [seconds, companion, t, pets] of [
      [21, false, 16_800, 5],
      [21, true, 16_800, 6],
      [24, false, 19_200, 4],
      [24, true, 19_200, 5],
    ] as const) {
      const talents = ['call_of_the_wild', 'hunters_prey', ...(companion ? ['animal_companion'] : [])];
      const ks = of(recorded(bmSim({ talents, rotation, seconds })), 'kill_shot');
      expect(ks.map((h) => h.t)).toEqual([t]);
      expect(rel(ks[0]!.amount, KILL_SHOT * PREY(pets)), `${seconds} s ${companion}`).toBeLessThan(1e-12);
    }
  });
});

describe("Hunter's Prey (378210) with Dark Ranger: Black Arrow's hit", () => {
  it("+10 % a pet on Black Arrow's hit (466930 is in 468219 #1's list), not on its dot or Withering Fire's arrows", () => {
    // Call of the Wild at 0 s, Black Arrow at 1.5 s (its pets out: 1 + 1 + 2 = 4, × 1.4) and every
    // 10 s while health is at or above 80 % (11.5 s: + the pet of 8 s = 5, × 1.5); Withering Fire
    // (466990) fires its arrows with each during Call of the Wild.
    const rotation = 'actions=call_of_the_wild\nactions+=/black_arrow';
    const base = ['black_arrow', 'withering_fire', 'call_of_the_wild', 'animal_companion'];
    const withIt = recorded(bmSim({ talents: [...base, 'hunters_prey'], rotation, seconds: 100 }));
    const without = recorded(bmSim({ talents: base, rotation, seconds: 100 }));
    const ba = of(withIt, 'black_arrow');
    expect(ba.map((h) => h.t)).toEqual(of(without, 'black_arrow').map((h) => h.t));
    expect(ba.slice(0, 2).map((h) => h.t)).toEqual([1500, 11_500]);
    const pets = [4, 5];
    ba.slice(0, 2).forEach((h, i) => expect(rel(h.amount, BLACK_ARROW * PREY(pets[i]!))).toBeLessThan(1e-12));
    // after Call of the Wild (from 20 s): the main pet and the companion, × 1.2
    for (const h of ba.filter((x) => x.t > 20_000))
      expect(rel(h.amount, BLACK_ARROW * PREY(2))).toBeLessThan(1e-12);
    for (const src of ['black_arrow_dot', 'black_arrow_withering_fire']) {
      const a = of(withIt, src);
      expect(a.length, src).toBeGreaterThan(0);
      expect(a, src).toEqual(of(without, src));
    }
  });
});

describe("SimulationCraft's TWW3 Dark Ranger string", () => {
  it("no longer lists Hunter's Prey as not modelled", () => {
    const r = talentsFromLoadout(REAL.bmDarkRanger);
    expect(r.ignored.map((t) => t.name)).not.toContain("Hunter's Prey");
    expect(r.modelled.filter((t) => t.key === 'hunters_prey')).toMatchObject([
      { key: 'hunters_prey', spellId: 378210, nodeId: 102360 },
    ]);
  });
});
