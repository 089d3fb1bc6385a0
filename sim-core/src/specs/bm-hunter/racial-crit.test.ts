/**
 * Dwarf and Tauren on a Beast Mastery hunter: the racial crit damage (59224 #2, 154743 #2: +2 %)
 * raises the hunter's crits ×2 → ×2.04 and, as SimulationCraft's pet.cpp has it (the aura applies
 * to player and pet, and the pet inherits the player's), a pet's or guardian's ×2 → ×2.08.
 */
import { describe, expect, it } from 'vitest';
import { BRAWN_CRIT_DAMAGE, MIGHT_OF_THE_MOUNTAIN_CRIT_DAMAGE } from '../racials.ts';
import { bmSim, damage, hits, run } from './test-support.ts';

describe('racial crit damage on pets (Dwarf, Tauren)', () => {
  it('every hit crits: the pet ×(2 × 1.04), Kill Command ×(2 × 1.04), the hunter’s Cobra Shot ×(2 × 1.02)', () => {
    expect([MIGHT_OF_THE_MOUNTAIN_CRIT_DAMAGE, BRAWN_CRIT_DAMAGE]).toEqual([0.02, 0.02]);
    const rotation = 'actions=kill_command\nactions+=/cobra_shot';
    const sims = ['none', 'dwarf', 'tauren'].map((race) => {
      const sim = bmSim({ talents: [], rotation, seconds: 20, baseCrit: 1, race });
      run(sim, 1);
      return sim;
    });
    const [none, dwarf, tauren] = sims as [(typeof sims)[0], (typeof sims)[0], (typeof sims)[0]];
    for (const [key, factor] of [
      ['pet_melee', 2.08 / 2],
      ['kill_command', 2.08 / 2],
      ['cobra_shot', 2.04 / 2],
    ] as const) {
      // the same hits in the same order (every roll a crit); each hit rounded to a whole point
      const n = hits(none, key);
      expect(n, key).toBeGreaterThan(1);
      for (const race of [dwarf, tauren]) {
        expect(hits(race, key), key).toBe(n);
        expect(Math.abs(damage(race, key) - damage(none, key) * factor), key).toBeLessThanOrEqual(n);
      }
    }
  });
});
