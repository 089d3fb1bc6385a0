/**
 * Golden tests of BM's Explosive Shot (212431, 212680) and Thundering Hooves (459693), in
 * ./explosive-shot.ts: the shot explodes 3 s after it lands for 2.91 × AP Fire on every enemy
 * (soft cap 5: 212431 #2), with the hunter's multipliers of 212680's lists; with Thundering Hooves
 * every stable pet out then Stomps at 200 % (#1). Configs isolate the mechanics (./test-support.ts:
 * no crit, no ratings); spell data 11.2.0.63003.
 */
import { describe, expect, it } from 'vitest';
import { Sim } from '../../engine/sim.ts';
import { encodeLoadout } from '../../talents/loadout.ts';
import { talentsFromLoadout } from '../../talents/resolve.ts';
import { BM, BM_DATA } from './data.ts';
import { PET_COTW_A, PET_COTW_TICK_FIRST, PET_COTW_TICK_SLOTS } from './indices.ts';
import { AGILITY, bmSim, casts, damage, hits, OWN_MASTERY, physical, run, STABLE } from './test-support.ts';

const src = (key: string) => Sim.indexOf(BM_DATA.sources, key);
/** 212680 #1 with the spec aura (137015 #1, −6 %) and Master of Beasts (76657 #5): Fire, no armor. */
const BLAST = 2.91 * AGILITY * (1 + BM.specAuraSpells) * OWN_MASTERY;
/** A Stomp at 200 % (459693 #1): 0.6 × the pet's AP (1217528 #1 / 201754 #1), STABLE its multiplier. */
const STOMP = physical(0.6 * AGILITY * STABLE * 2);

function times(sim: Sim, key: string): number[] {
  const out: number[] = [];
  const s = src(key);
  const hit = sim.hit.bind(sim);
  sim.hit = (source, target, amount, phys, critBonus, critDamage) => {
    if (source === s) out.push(sim.now);
    return hit(source, target, amount, phys, critBonus, critDamage);
  };
  return out;
}

describe('Explosive Shot (212431) for Beast Mastery', () => {
  it('20 focus, 30 s: each explodes 3 s after it lands on all 3 targets for 2.91 AP (212680 #1)', () => {
    const sim = bmSim({
      talents: ['explosive_shot'],
      rotation: 'actions=explosive_shot',
      seconds: 50,
      targets: 3,
    });
    const at = times(sim, 'explosive_shot');
    run(sim, 1);
    expect(casts(sim, 'explosive_shot')).toBe(2);
    expect(at).toEqual([3000, 3000, 3000, 33000, 33000, 33000]);
    expect(damage(sim, 'explosive_shot')).toBe(6 * Math.round(BLAST));
  });

  it('seven targets: × sqrt(5 / 7) on each, the primary too (212431 #2)', () => {
    const sim = bmSim({
      talents: ['explosive_shot'],
      rotation: 'actions=explosive_shot',
      seconds: 20,
      targets: 7,
    });
    run(sim, 1);
    expect(hits(sim, 'explosive_shot')).toBe(7);
    expect(damage(sim, 'explosive_shot')).toBe(7 * Math.round(BLAST * Math.sqrt(5 / 7)));
  });

  it('not known without the talent', () => {
    const sim = bmSim({ talents: [], rotation: 'actions=explosive_shot', seconds: 20 });
    run(sim, 1);
    expect(casts(sim, 'explosive_shot')).toBe(0);
  });
});

describe('Thundering Hooves (459693)', () => {
  it('each explosion: the main pet and the Animal Companion Stomp at 200 % (#1) on the target and the other enemy', () => {
    const sim = bmSim({
      talents: ['explosive_shot', 'thundering_hooves', 'animal_companion'],
      rotation: 'actions=explosive_shot',
      seconds: 60,
      targets: 2,
    });
    const at = times(sim, 'thundering_hooves');
    run(sim, 1);
    expect(at).toEqual([3000, 3000, 33000, 33000]);
    expect(hits(sim, 'thundering_hooves_cleave')).toBe(4);
    expect(damage(sim, 'thundering_hooves')).toBe(4 * STOMP);
    expect(damage(sim, 'thundering_hooves_cleave')).toBe(4 * STOMP);
  });

  it('Call of the Wild’s pets out Stomp too: one Stomp per stable pet out at each explosion', () => {
    const sim = bmSim({
      talents: ['explosive_shot', 'thundering_hooves', 'call_of_the_wild'],
      rotation: 'actions=call_of_the_wild\nactions+=/explosive_shot',
      seconds: 40,
    });
    let expected = 0;
    const s = src('thundering_hooves');
    const hit = sim.hit.bind(sim);
    let lastAt = -1;
    sim.hit = (source, target, amount, phys, critBonus, critDamage) => {
      if (source === s && sim.now !== lastAt) {
        lastAt = sim.now;
        expected += 1; // the main pet
        for (let p = PET_COTW_A; p < PET_COTW_TICK_FIRST + PET_COTW_TICK_SLOTS; p++)
          expected += sim.petActive[p]!;
      }
      return hit(source, target, amount, phys, critBonus, critDamage);
    };
    run(sim, 1);
    expect(expected).toBeGreaterThan(3); // 2 + a periodic pet at the first explosion
    expect(hits(sim, 'thundering_hooves')).toBe(expected);
    expect(damage(sim, 'thundering_hooves')).toBe(expected * STOMP);
  });

  it('no Stomp without it', () => {
    const sim = bmSim({
      talents: ['explosive_shot'],
      rotation: 'actions=explosive_shot',
      seconds: 60,
      targets: 2,
    });
    run(sim, 1);
    expect(hits(sim, 'explosive_shot')).toBe(4);
    expect(hits(sim, 'thundering_hooves') + hits(sim, 'thundering_hooves_cleave')).toBe(0);
  });
});

describe('a pasted talent string', () => {
  it('taking Explosive Shot (node 102420, first option) and Thundering Hooves (102370) no longer lists them as not modelled', () => {
    const r = talentsFromLoadout(
      encodeLoadout({ specId: 253, talents: [{ nodeId: 102420, spellId: 212431 }, { nodeId: 102370 }] }),
    );
    expect(r.ignored.map((t) => t.name)).toEqual([]);
    expect(r.modelled.map((t) => [t.key, t.spellId]).sort()).toEqual([
      ['explosive_shot', 212431],
      ['thundering_hooves', 459693],
    ]);
  });
});
