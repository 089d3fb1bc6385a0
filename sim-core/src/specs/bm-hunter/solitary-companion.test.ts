/**
 * Golden tests of Solitary Companion (474746, ./multipliers.ts): the main pet deals 35 % more
 * (474751 #2, SimC hunter_main_pet_t::composite_player_multiplier); Dire Beasts, Call of the Wild's
 * pets and the hunter do not. The same fight is run with and without it (it draws no random
 * number): every main-pet hit's amount × 1.35, every other hit's the same. No crit
 * (./test-support.ts).
 */
import { describe, expect, it } from 'vitest';
import { Sim } from '../../engine/sim.ts';
import { encodeLoadout } from '../../talents/loadout.ts';
import { talentsFromLoadout } from '../../talents/resolve.ts';
import { BM_DATA } from './data.ts';
import { bmSim, recordHits, run } from './test-support.ts';

const MAIN_PET = new Set([
  'pet_melee',
  'claw',
  'kill_command',
  'bestial_wrath',
  'bloodshed',
  'stomp',
  'stomp_cleave',
]);
const ROTATION =
  'actions=bestial_wrath\nactions+=/call_of_the_wild\nactions+=/bloodshed\nactions+=/kill_command\nactions+=/barbed_shot\nactions+=/cobra_shot';

function record(talents: string[]): Array<[number, number, number]> {
  const sim = bmSim({ talents, rotation: ROTATION, seconds: 120, targets: 2 });
  const out = recordHits(sim);
  run(sim, 1);
  return out;
}

describe('Solitary Companion (474746)', () => {
  it('the main pet’s every hit and tick × 1.35 (474751 #2); Dire Beasts, Call of the Wild’s pets and the hunter unchanged', () => {
    const base = ['call_of_the_wild', 'bloodshed', 'dire_beast', 'stomp'];
    const without = record(base);
    const withIt = record(['solitary_companion', ...base]);
    expect(withIt.map(([s, t]) => [s, t])).toEqual(without.map(([s, t]) => [s, t]));
    const seen = new Set<string>();
    withIt.forEach(([s, t, amount], i) => {
      const key = BM_DATA.sources[s]!.key;
      const ratio = amount / without[i]![2];
      if (MAIN_PET.has(key)) {
        expect(ratio, `${key} at ${t}`).toBeCloseTo(1.35, 12);
        seen.add(key);
      } else expect(ratio, `${key} at ${t}`).toBe(1);
    });
    expect([...seen].sort()).toEqual([...MAIN_PET].sort());
    const src = (key: string) => Sim.indexOf(BM_DATA.sources, key);
    expect(withIt.some(([s]) => s === src('dire_beast'))).toBe(true);
    expect(withIt.some(([s]) => s === src('call_of_the_wild'))).toBe(true);
  });
});

describe('a pasted talent string', () => {
  it('taking Solitary Companion (node 102361, its second option) no longer lists it as not modelled', () => {
    const r = talentsFromLoadout(
      encodeLoadout({ specId: 253, talents: [{ nodeId: 102361, spellId: 474746 }] }),
    );
    expect(r.ignored.map((t) => t.name)).not.toContain('Solitary Companion');
    expect(r.modelled).toMatchObject([{ key: 'solitary_companion', spellId: 474746, nodeId: 102361 }]);
  });
});
