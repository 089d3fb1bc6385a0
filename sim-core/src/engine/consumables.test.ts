/** Flask and potion (specs/consumables.ts) on the closed-form test spec and on the real specs. */
import { describe, expect, it } from 'vitest';
import {
  ALCHEMICAL_CHAOS_DOWN,
  AUGMENT_RUNES,
  ALCHEMICAL_CHAOS_UP,
  flaskRating,
  potionRating,
  TEMPERED_FLASK_RATING,
  TEMPERED_POTION_RATING,
} from '../specs/consumables.ts';
import { specs } from '../specs/registry.ts';
import { RATING_PER_PCT } from './ratings.ts';
import { simulate } from './run.ts';
import { HIT, run } from './test-support.ts';

describe('consumables', () => {
  it('a Tempered flask adds its rating to one stat; Alchemical Chaos its average to all four', () => {
    expect(flaskRating('flask_of_tempered_versatility_3')).toEqual({
      crit: 0,
      haste: 0,
      mastery: 0,
      versatility: TEMPERED_FLASK_RATING,
    });
    const chaos = flaskRating('flask_of_alchemical_chaos_3');
    expect(chaos.crit).toBeCloseTo((ALCHEMICAL_CHAOS_UP - 2 * ALCHEMICAL_CHAOS_DOWN) / 4, 9);
    expect(chaos.haste).toBe(chaos.crit);
    expect(flaskRating('none')).toEqual({ crit: 0, haste: 0, mastery: 0, versatility: 0 });
  });

  it('Tempered Potion raises every stat but the active Tempered flask’s', () => {
    const all = {
      crit: TEMPERED_POTION_RATING,
      haste: TEMPERED_POTION_RATING,
      mastery: TEMPERED_POTION_RATING,
      versatility: TEMPERED_POTION_RATING,
    };
    expect(potionRating('flask_of_alchemical_chaos_3')).toEqual(all);
    expect(potionRating('none')).toEqual(all);
    expect(potionRating('flask_of_tempered_mastery_3')).toEqual({ ...all, mastery: 0 });
  });

  it('the augment rune adds its agility to the profile’s', () => {
    const { sim } = run({
      seconds: 2,
      ratings: { agility: 10_000 },
      consumables: { augmentRune: 'crystallized' },
    });
    expect(AUGMENT_RUNES.crystallized!.agility).toBe(733.2477);
    expect(sim.agility).toBe(10_000 + 733.2477);
    expect(sim.ap).toBe(10_000 + 733.2477);
  });

  it('the flask’s versatility multiplies every hit', () => {
    const { samples } = run({ seconds: 10, consumables: { flask: 'flask_of_tempered_versatility_3' } });
    const hit = Math.round(HIT * (1 + TEMPERED_FLASK_RATING / RATING_PER_PCT.versatility / 100));
    expect(samples[0]).toBe((7 * hit) / 10);
  });

  it('the potion raises stats for 30 s from its use, then they fall back', () => {
    const rotation = 'actions=potion\nactions+=/bolt';
    const vers = Math.round(HIT * (1 + TEMPERED_POTION_RATING / RATING_PER_PCT.versatility / 100));
    // its haste shortens the GCD while it is up: bolts every round(1500 / haste) ms, then 1500 ms
    const gcd = Math.round(1500 / (1 + TEMPERED_POTION_RATING / RATING_PER_PCT.haste / 100));
    expect(gcd).toBeLessThan(1500);
    const expected = (seconds: number) => {
      let damage = 0;
      for (let t = 0; t < seconds * 1000; t += t < 30_000 ? gcd : 1500) damage += t < 30_000 ? vers : HIT;
      return damage / seconds;
    };
    for (const seconds of [10, 45]) {
      const r = run({ seconds, rotation, consumables: { potion: 'tempered_potion_3' } });
      expect(r.samples[0], `${seconds} s`).toBe(expected(seconds));
      // at the end: still up after 10 s, back to none after 45 s
      if (seconds > 30) expect(r.sim.versatility).toBe(1);
      else expect(r.sim.versatility).toBeGreaterThan(1);
    }
    // without a potion in the config the action is never used
    const none = run({ seconds: 10, rotation });
    expect(none.samples[0]).toBe((7 * HIT) / 10);
  });

  it('a second iteration starts without the first one’s potion', () => {
    const { samples } = run({
      seconds: 10,
      iterations: 2,
      rotation: 'actions=potion\nactions+=/bolt',
      consumables: { potion: 'tempered_potion_3' },
    });
    expect(samples[1]).toBe(samples[0]);
  });

  for (const spec of specs) {
    it(`${spec.id}: the flask, the potion and the rune each raise DPS; the potion is drunk once in 5 minutes`, () => {
      const opts = { seed: 3, seedOffset: 0, iterations: 20 };
      const base = spec.defaultConfig();
      base.fight.durationVariation = 0;
      const dps = (flask: string, potion: string, augmentRune = 'none') =>
        simulate({ ...base, consumables: { flask, potion, augmentRune } }, opts);
      const none = dps('none', 'none').mean;
      const flask = dps('flask_of_alchemical_chaos_3', 'none').mean;
      const both = dps('flask_of_alchemical_chaos_3', 'tempered_potion_3');
      expect(flask).toBeGreaterThan(none);
      expect(both.mean).toBeGreaterThan(flask);
      expect(dps('none', 'none', 'crystallized').mean).toBeGreaterThan(none);
      expect(both.abilities.potion!.casts).toBe(opts.iterations); // 300 s fight, 300 s cooldown
      expect(both.mean / none).toBeLessThan(1.3);
    }, 30_000); // several whole-spec sims: slow on a loaded machine
  }
});
