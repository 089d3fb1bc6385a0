/**
 * Golden tests of Poisoned Barbs (1217535, ./poisoned-barbs.ts): a Barbed Shot that lands explodes
 * 30 % of the time (#1) for 1.2 × AP Nature on every enemy (1217549 #1, soft cap beyond 8: #2),
 * each of them getting Serpent Sting (271788: 0.3 × AP at once, #1; 0.206 × AP every 3 s for 18 s,
 * #2). Configs isolate the talent (./test-support.ts: no crit, no ratings); spell data 11.2.0.63003.
 */
import { describe, expect, it } from 'vitest';
import { encodeLoadout } from '../../talents/loadout.ts';
import { talentsFromLoadout } from '../../talents/resolve.ts';
import { expectRate } from '../expect-rate.ts';
import { BM, BM_DATA } from './data.ts';
import { AGILITY, bmSim, casts, damage, hits, run } from './test-support.ts';

/** The hunter's Nature spells outside the mastery's lists: the spec aura (137015 #1 / #2, −6 %). */
const AURA = 1 + BM.specAuraSpells;
const nature = (coefficient: number): number => Math.round(coefficient * AGILITY * AURA);
const ONE_SHOT = 'actions=barbed_shot,if=time<1';

describe('Poisoned Barbs (1217535)', () => {
  it('one Barbed Shot, three targets: 30 % explode (#1); each target takes 1.2 AP and a Serpent Sting of 0.3 AP + 6 ticks', () => {
    const n = 3000;
    const sim = bmSim({ talents: ['poisoned_barbs'], rotation: ONE_SHOT, seconds: 30, targets: 3 });
    run(sim, n);
    expect(casts(sim, 'barbed_shot')).toBe(n);
    const blasts = hits(sim, 'poisoned_barbs');
    expect(blasts % 3).toBe(0);
    const explosions = blasts / 3;
    expectRate(explosions, n, 0.3);
    // 1217549 #1: 1.2 AP on each of 3 targets (cap 8: × 1)
    expect(damage(sim, 'poisoned_barbs')).toBe(blasts * nature(1.2));
    // 271788: 0.3 AP at once (#1), then 18 s / 3 s = 6 ticks of 0.206 AP (#2), all within 30 s
    expect(hits(sim, 'serpent_sting')).toBe(blasts * 7);
    expect(damage(sim, 'serpent_sting')).toBe(blasts * (nature(0.3) + 6 * nature(0.206)));
  });

  it('ten targets: the blast is soft-capped at 8 (#2): × sqrt(8 / 10) on each, the primary too', () => {
    const sim = bmSim({ talents: ['poisoned_barbs'], rotation: ONE_SHOT, seconds: 30, targets: 10 });
    run(sim, 300);
    const blasts = hits(sim, 'poisoned_barbs');
    expect(blasts).toBeGreaterThan(0);
    expect(blasts % 10).toBe(0);
    expect(damage(sim, 'poisoned_barbs')).toBe(blasts * Math.round(1.2 * AGILITY * AURA * Math.sqrt(8 / 10)));
    // Serpent Sting is no area spell: full damage on each
    expect(damage(sim, 'serpent_sting')).toBe(blasts * (nature(0.3) + 6 * nature(0.206)));
  });

  it('with travel: the blast when Barbed Shot lands (80 yd/s), Serpent Sting 45 yd/s later (271788), its dot from there', () => {
    // 45 yd: Barbed Shot lands at 563 ms (562.5 rounded), the Sting 1000 ms after the blast, its ticks every 3 s from then
    const sim = bmSim({ talents: ['poisoned_barbs'], rotation: ONE_SHOT, seconds: 30, distanceYards: 45 });
    const at = new Map<string, number[]>();
    const hit = sim.hit.bind(sim);
    sim.hit = (s, target, amount, phys, critBonus, critDamage) => {
      const key = BM_DATA.sources[s]!.key;
      if (key === 'poisoned_barbs' || key === 'serpent_sting') at.set(key, [...(at.get(key) ?? []), sim.now]);
      return hit(s, target, amount, phys, critBonus, critDamage);
    };
    let k = 0;
    while (!at.has('poisoned_barbs')) sim.runIteration(7, k++);
    expect(at.get('poisoned_barbs')).toEqual([563]);
    // the direct hit is dealt at the blast and lands 1000 ms later; Sim.hit is called at the blast
    expect(at.get('serpent_sting')).toEqual([563, 4563, 7563, 10_563, 13_563, 16_563, 19_563]);
    expect(hits(sim, 'serpent_sting')).toBe(7);
  });

  it('nothing without the talent', () => {
    const sim = bmSim({ talents: [], rotation: ONE_SHOT, seconds: 30, targets: 3 });
    run(sim, 200);
    expect(casts(sim, 'barbed_shot')).toBe(200);
    expect(hits(sim, 'poisoned_barbs')).toBe(0);
    expect(hits(sim, 'serpent_sting')).toBe(0);
  });

  it('Serpent Sting is a poison, not a bleed: its ticks summon no Dire Beast (only the bleed’s 7 ticks roll)', () => {
    // Dire Beast (120679 #1): 4 % per tick of the hunter's bleeds; Barbed Shot's bleed ticks 7 times
    // (12 s / 2 s + the one when it lands). With 18 Serpent Sting ticks on top, were they to roll,
    // the rate per bleed tick would be far above 4 %.
    const n = 4000;
    const sim = bmSim({
      talents: ['poisoned_barbs', 'dire_beast'],
      rotation: ONE_SHOT,
      seconds: 30,
      targets: 3,
    });
    run(sim, n);
    expect(hits(sim, 'barbed_shot')).toBe(7 * n);
    expect(hits(sim, 'serpent_sting')).toBeGreaterThan(1000);
    expect(hits(sim, 'dire_beast') % 4).toBe(0);
    expectRate(hits(sim, 'dire_beast') / 4, 7 * n, BM.direBeastChance);
  });
});

describe('a pasted talent string', () => {
  it('taking Poisoned Barbs (node 102358) no longer lists it as not modelled', () => {
    const r = talentsFromLoadout(encodeLoadout({ specId: 253, talents: [{ nodeId: 102358 }] }));
    expect(r.ignored.map((t) => t.name)).not.toContain('Poisoned Barbs');
    expect(r.modelled).toMatchObject([{ key: 'poisoned_barbs', spellId: 1217535, nodeId: 102358 }]);
  });
});
