/** Racial abilities (specs/racials.ts) on the closed-form test spec and on the real specs. */
import { describe, expect, it } from 'vitest';
import {
  ANCESTRAL_CALL_RATING,
  BERSERKING_HASTE,
  FIREBLOOD_AGILITY_PER_STACK,
  FIREBLOOD_STACKS,
  MAGICAL_AFFINITY_MAGIC,
  MOUNTAINEER_VERS,
} from '../specs/racials.ts';
import { specs } from '../specs/registry.ts';
import { deriveStats, PHYSICAL_MULTIPLIER } from './ratings.ts';
import { simulate } from './run.ts';
import { HIT, run } from './test-support.ts';

describe('racials', () => {
  it('Nightborne: Magical Affinity raises magic damage by 1 % and not physical', () => {
    expect(MAGICAL_AFFINITY_MAGIC).toBe(0.01);
    expect(run({ seconds: 10, race: 'nightborne' }).samples[0]).toBe((7 * Math.round(HIT * 1.01)) / 10);
    const physical = run({ seconds: 10, race: 'nightborne', physical: true });
    expect(physical.samples[0]).toBe((7 * Math.round(HIT * PHYSICAL_MULTIPLIER)) / 10);
  });

  it('Highmountain Tauren: Mountaineer adds 1 % versatility', () => {
    expect(MOUNTAINEER_VERS).toBe(0.01);
    const { samples, sim } = run({
      seconds: 10,
      race: 'highmountain_tauren',
      ratings: { versatility: 7800 },
    });
    expect(sim.versatility).toBeCloseTo(1.11, 12);
    expect(samples[0]).toBe((7 * 1110) / 10);
  });

  it('Dark Iron Dwarf: Fireblood adds 3 stacks of agility for 8 s, only for that race', () => {
    const rotation = 'actions=fireblood\nactions+=/bolt';
    const during = run({ seconds: 5, rotation, race: 'dark_iron_dwarf', ratings: { agility: 10_000 } });
    expect(during.sim.agility).toBeCloseTo(10_000 + FIREBLOOD_STACKS * FIREBLOOD_AGILITY_PER_STACK, 9);
    expect(during.sim.ap).toBeCloseTo(during.sim.agility, 9);
    const after = run({ seconds: 10, rotation, race: 'dark_iron_dwarf', ratings: { agility: 10_000 } });
    expect(after.sim.agility).toBe(10_000);
    const fireblood = after.sim.data.actions.findIndex((a) => a.key === 'fireblood');
    expect(after.sim.srcCasts[after.sim.actionSource[fireblood]!]).toBe(1);
    const other = run({ seconds: 5, rotation, race: 'orc', ratings: { agility: 10_000 } });
    expect(other.sim.agility).toBe(10_000);
  });

  it("Mag'har Orc: Ancestral Call raises one of the two highest secondary stats for 15 s", () => {
    const ratings = { crit: 1000, haste: 2000, mastery: 0, versatility: 3000 };
    const rotation = 'actions=ancestral_call\nactions+=/bolt';
    const base = deriveStats(ratings);
    const seen = new Set<string>();
    for (let k = 0; k < 12; k++) {
      const { sim } = run({ seconds: 10, rotation, race: 'maghar_orc', ratings, iterations: k + 1 });
      const vers = deriveStats({ ...ratings, versatility: ratings.versatility + ANCESTRAL_CALL_RATING });
      const haste = deriveStats({ ...ratings, haste: ratings.haste + ANCESTRAL_CALL_RATING });
      expect(sim.baseCrit).toBe(base.critChance);
      if (sim.versatility !== base.versatility) {
        expect(sim.versatility).toBe(vers.versatility);
        expect(sim.baseHaste).toBe(base.haste);
        seen.add('versatility');
      } else {
        expect(sim.baseHaste).toBe(haste.haste);
        seen.add('haste');
      }
    }
    expect([...seen].sort()).toEqual(['haste', 'versatility']);
    const later = run({ seconds: 20, rotation, race: 'maghar_orc', ratings });
    expect(later.sim.versatility).toBe(base.versatility);
    expect(later.sim.baseHaste).toBe(base.haste);
  });

  it('Troll: Berserking multiplies haste by 1.1 for 12 s: shorter GCDs, then back', () => {
    const rotation = 'actions=berserking\nactions+=/bolt';
    const gcd = Math.round(1500 / (1 + BERSERKING_HASTE));
    let casts = 0;
    for (let t = 0; t < 20_000; t += t < 12_000 ? gcd : 1500) casts++;
    const r = run({ seconds: 20, rotation, race: 'troll' });
    expect(gcd).toBe(1364);
    expect(r.samples[0]).toBe((casts * HIT) / 20);
    expect(r.sim.haste).toBe(1);
    expect(run({ seconds: 5, rotation, race: 'troll' }).sim.haste).toBeCloseTo(1 + BERSERKING_HASTE, 12);
    expect(run({ seconds: 20, rotation, race: 'orc' }).samples[0]).toBe((14 * HIT) / 20);
  });

  for (const spec of specs) {
    it(`${spec.id}: each modelled race raises DPS over no race, and casts its racial`, () => {
      const opts = { seed: 9, seedOffset: 0, iterations: 60 };
      const base = spec.defaultConfig();
      // linear health: with health from damage each race's job calibrates its own health pool, which
      // moves the execute windows (Dark Ranger's Black Arrow above 80 %) more than a racial moves DPS
      base.timing = { ...base.timing!, targetHealth: 'linear' };
      const none = simulate(base, opts).mean;
      for (const race of ['dark_iron_dwarf', 'maghar_orc', 'nightborne', 'highmountain_tauren', 'troll']) {
        const r = simulate({ ...base, race }, opts);
        expect(r.mean, race).toBeGreaterThan(none);
        expect(r.mean / none, race).toBeLessThan(1.05);
      }
      const dwarf = simulate({ ...base, race: 'dark_iron_dwarf' }, opts);
      expect(dwarf.abilities.fireblood!.casts).toBeGreaterThanOrEqual(2 * opts.iterations);
      expect(
        simulate({ ...base, race: 'maghar_orc' }, opts).abilities.ancestral_call!.casts,
      ).toBeGreaterThanOrEqual(2 * opts.iterations);
    }, 30_000); // several whole-spec sims: slow on a loaded machine
  }
});
