/**
 * Golden tests of Wild Instincts (378442, ./wild-instincts.ts): during Call of the Wild each Kill
 * Command of the main pet adds a stack to its target (424567: 8 s, 10 stacks), and the hunter's
 * pets deal +3 % a stack to it (424567 #1); guardians do not. The same fight is run with and
 * without the talent (it draws no random number, so every hit comes at the same time): each pet
 * hit's amount must be the other's × (1 + 3 % × the stacks computed by hand from the Kill Command
 * times). Configs isolate the talent (./test-support.ts, no crit).
 */
import { describe, expect, it } from 'vitest';
import { Sim } from '../../engine/sim.ts';
import { encodeLoadout } from '../../talents/loadout.ts';
import { talentsFromLoadout } from '../../talents/resolve.ts';
import { BM_DATA } from './data.ts';
import { B } from './indices.ts';
import { bmSim, run } from './test-support.ts';

const src = (key: string) => Sim.indexOf(BM_DATA.sources, key);
const PETS = new Set([
  'kill_command',
  'pet_melee',
  'claw',
  'animal_companion',
  'call_of_the_wild',
  'bloodshed',
]);
const ROTATION = 'actions=call_of_the_wild\nactions+=/bloodshed\nactions+=/kill_command';

interface Hit {
  s: number;
  t: number;
  target: number;
  amount: number;
  cotw: boolean;
}

function record(talents: string[], seconds: number): Hit[] {
  const sim = bmSim({ talents, rotation: ROTATION, seconds });
  const out: Hit[] = [];
  const hit = sim.hit.bind(sim);
  sim.hit = (s, target, amount, phys, critBonus, critDamage) => {
    out.push({ s, t: sim.now, target, amount, cotw: sim.buffs.up(B.cotw, sim.now) });
    return hit(s, target, amount, phys, critBonus, critDamage);
  };
  run(sim, 1);
  return out;
}

describe('Wild Instincts (378442)', () => {
  for (const companion of [false, true]) {
    it(`pets deal +3 % a stack (424567 #1: 8 s, 10 stacks) to the main pet's Kill Command target during Call of the Wild${companion ? '; the companion’s Kill Command takes the stack the main pet’s just added' : ''}`, () => {
      const base = [
        'call_of_the_wild',
        'bloodshed',
        'dire_beast',
        ...(companion ? ['animal_companion'] : []),
      ];
      const without = record(base, 120);
      const withIt = record(['wild_instincts', ...base], 120);
      expect(withIt.map((h) => [h.s, h.t])).toEqual(without.map((h) => [h.s, h.t]));
      // the debuff by hand: each main-pet Kill Command during Call of the Wild (the first of a
      // pair with the companion) adds a stack after its hit; 8 s, refreshed, 10 at most
      let stacks = 0;
      let expires = 0;
      let boosted = 0;
      let lastKc = -1;
      const kc = src('kill_command');
      for (let i = 0; i < withIt.length; i++) {
        const h = withIt[i]!;
        const key = BM_DATA.sources[h.s]!.key;
        const up = expires > h.t ? stacks : 0;
        const m = PETS.has(key) ? 1 + 0.03 * up : 1; // Dire Beasts (guardians) and the hunter: none
        expect(h.amount / without[i]!.amount, `${key} at ${h.t}`).toBeCloseTo(m, 12);
        if (m > 1) boosted++;
        if (h.s === kc && h.cotw && h.t !== lastKc) {
          stacks = up > 0 ? Math.min(10, up + 1) : 1;
          expires = h.t + 8000;
        }
        if (h.s === kc) lastKc = h.t;
      }
      expect(boosted).toBeGreaterThan(20);
      expect(Math.max(...withIt.map((h, i) => h.amount / without[i]!.amount))).toBeGreaterThan(1.06);
    });
  }

  it('nothing without Call of the Wild taken (its buff is never up)', () => {
    const without = record(['bloodshed'], 60);
    const withIt = record(['wild_instincts', 'bloodshed'], 60);
    expect(withIt).toEqual(without);
  });
});

describe('a pasted talent string', () => {
  it('taking Wild Instincts (node 102339, its first option) no longer lists it as not modelled', () => {
    const r = talentsFromLoadout(
      encodeLoadout({ specId: 253, talents: [{ nodeId: 102339, spellId: 378442 }] }),
    );
    expect(r.ignored.map((t) => t.name)).not.toContain('Wild Instincts');
    expect(r.modelled).toMatchObject([{ key: 'wild_instincts', spellId: 378442, nodeId: 102339 }]);
  });
});
