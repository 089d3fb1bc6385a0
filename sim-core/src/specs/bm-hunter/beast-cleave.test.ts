/**
 * Golden tests of Multi-Shot (2643) and Beast Cleave (115939) as talents of the BM tree
 * (./beast-cleave.ts), as SimulationCraft's sc_hunter.cpp (simc 50d415071f) has them: Multi-Shot is
 * known only with its talent (`talents.multishot_bm`); it gives the pets Beast Cleave only with
 * the Beast Cleave talent (`multishot_bm_t::execute`), for 118455's 0 s + 115939 #2's 6 s; the pets'
 * buff copies 115939 #1 (80 %) of a hit with the talent and all of it without
 * (`hunter_pet_t::create_buffs`). Configs isolate the mechanic (./test-support.ts: no crits, no
 * haste, 40,000 agility); spell data 11.2.0.63003.
 */
import { describe, expect, it } from 'vitest';
import { Sim } from '../../engine/sim.ts';
import { encodeLoadout } from '../../talents/loadout.ts';
import { talentsFromLoadout } from '../../talents/resolve.ts';
import { REAL } from '../../talents/test-strings.ts';
import { BM, BM_DATA } from './data.ts';
import { AGILITY, bmSim, casts, damage, hits, OWN_MASTERY, physical, run } from './test-support.ts';

const src = (key: string) => Sim.indexOf(BM_DATA.sources, key);
/** A Multi-Shot hit on one of 3 targets: 0.756 AP (2643 #2), spec aura −6 %, mastery; under the cap of 5 (#1). */
const MULTI = BM.multiShotAp * AGILITY * (1 + BM.specAuraSpells) * OWN_MASTERY;
const ONCE = 'actions=multishot,if=time<1';

/** Each Beast Cleave hit paired with the main pet's hit it copies, and the primary hits' times. */
function cleavePairs(talents: string[], rotation: string, seconds = 20) {
  const sim = bmSim({ talents, rotation, seconds, targets: 3 });
  const primary = new Set([src('pet_melee'), src('claw')]);
  const cleave = src('beast_cleave');
  let last = -1;
  const pairs: Array<[number, number]> = [];
  const times: number[] = [];
  const hit = sim.hit.bind(sim);
  sim.hit = (s, target, amount, phys, critBonus, critDamage) => {
    const c = hit(s, target, amount, phys, critBonus, critDamage);
    if (primary.has(s)) last = sim.lastHitDamage;
    else if (s === cleave) {
      pairs.push([last, sim.lastHitDamage]);
      times.push(sim.now);
    }
    return c;
  };
  run(sim, 1);
  return { sim, pairs, times };
}

describe('Multi-Shot (2643) is a talent of the BM tree', () => {
  it('without it Multi-Shot is never cast; with it: 40 focus (2643) a cast, 0.756 AP on each target', () => {
    const without = bmSim({ talents: [], rotation: 'actions=multishot', seconds: 20, targets: 3 });
    run(without, 1);
    expect(casts(without, 'multishot')).toBe(0);
    expect(hits(without, 'multishot')).toBe(0);
    // 120 focus at the pull, 5 a second (no haste, no Pack Tactics), a 1.5 s GCD: casts at 0, 1.5
    // and 3 s (120 → 80 → 47.5 → 15), then each time 40 is back: 8 s, 16 s.
    const sim = bmSim({ talents: ['multishot'], rotation: 'actions=multishot', seconds: 20, targets: 3 });
    run(sim, 1);
    expect(casts(sim, 'multishot')).toBe(5);
    expect(hits(sim, 'multishot')).toBe(15);
    expect(damage(sim, 'multishot')).toBe(15 * physical(MULTI));
  });
});

describe('Beast Cleave (115939): from Multi-Shot only with the talent', () => {
  it('a Multi-Shot at 0 s without it: no Beast Cleave', () => {
    const { sim, pairs } = cleavePairs(['multishot'], ONCE);
    expect(casts(sim, 'multishot')).toBe(1);
    expect(pairs).toEqual([]);
  });

  it('with it: the main pet’s hits of the next 6 s (118455: 0 s + 115939 #2) hit the 2 others for 80 % (#1)', () => {
    const { sim, pairs, times } = cleavePairs(['multishot', 'beast_cleave'], ONCE);
    expect(casts(sim, 'multishot')).toBe(1);
    // the pet swings at 0 s before the cast, then at 2 and 4 s; its Claw (3 s cooldown) at 3 s;
    // the swing at 6 s comes when the buff is gone (up while now < 6 s)
    expect(times).toEqual([2000, 2000, 3000, 3000, 4000, 4000]);
    for (const [p, c] of pairs) expect(Math.abs(c - BM.beastCleaveShare * p)).toBeLessThanOrEqual(1);
    expect(BM.beastCleaveShare).toBe(0.8);
  });

  it('a Multi-Shot with less than 6 s left refreshes it to 6 s from the cast', () => {
    const { times } = cleavePairs(['multishot', 'beast_cleave'], 'actions=multishot,if=time<2');
    // casts at 0 and 1.5 s: Beast Cleave to 7.5 s, so the swing at 6 s cleaves too (and Claw at 6 s)
    expect(new Set(times)).toEqual(new Set([2000, 3000, 4000, 6000]));
    expect(times.every((t) => t < 7500)).toBe(true);
  });
});

describe("the pets' Beast Cleave share: 80 % with the talent, all of the hit without (Bloody Frenzy's main pet)", () => {
  for (const [extra, share] of [
    [[], 1],
    [['beast_cleave'], 0.8],
  ] as const) {
    it(`Call of the Wild with Bloody Frenzy${extra.length > 0 ? ' and Beast Cleave' : ''}: the main pet's cleave is ${share * 100} % of each hit`, () => {
      const { pairs } = cleavePairs(
        ['call_of_the_wild', 'bloody_frenzy', ...extra],
        'actions=call_of_the_wild,if=time<1',
        30,
      );
      expect(pairs.length).toBeGreaterThan(20);
      for (const [p, c] of pairs) expect(Math.abs(c - share * p)).toBeLessThanOrEqual(1);
    });
  }
});

describe('a pasted talent string', () => {
  it('taking Multi-Shot (node 102363) and Beast Cleave (node 102341) lists them as modelled', () => {
    const text = encodeLoadout({ specId: 253, talents: [{ nodeId: 102341 }, { nodeId: 102363 }] });
    const r = talentsFromLoadout(text);
    const names = [...r.ignored, ...r.baseline].map((t) => t.name);
    expect(names).not.toContain('Multi-Shot');
    expect(names).not.toContain('Beast Cleave');
    expect(r.modelled).toMatchObject([
      { key: 'beast_cleave', spellId: 115939, nodeId: 102341 },
      { key: 'multishot', spellId: 2643, nodeId: 102363 },
    ]);
  });

  it("SimulationCraft's BM strings take neither: no Multi-Shot in their configs", () => {
    for (const text of ['bmPackLeader', 'bmDarkRanger'] as const) {
      const keys = talentsFromLoadout(REAL[text]).keys;
      expect(keys).not.toContain('multishot');
      expect(keys).not.toContain('beast_cleave');
    }
    expect(BM_DATA.defaultTalents).not.toContain('multishot');
    expect(BM_DATA.defaultTalents).not.toContain('beast_cleave');
  });
});
