/** The area-damage soft cap (ratings.ts aoeScale) and what it does to the specs' DPS. */
import { noGear } from '../specs/gear.ts';
import { describe, expect, it } from 'vitest';
import { BM } from '../specs/bm-hunter/data.ts';
import { specs } from '../specs/registry.ts';
import { aoeScale } from './ratings.ts';
import { simulate } from './run.ts';

describe('area soft cap', () => {
  it('is full damage up to the cap, then × sqrt(cap / targets)', () => {
    expect(aoeScale(1, 5)).toBe(1);
    expect(aoeScale(5, 5)).toBe(1);
    expect(aoeScale(6, 5)).toBeCloseTo(Math.sqrt(5 / 6), 12);
    expect(aoeScale(20, 5)).toBeCloseTo(0.5, 12);
    expect(aoeScale(20, 8)).toBeCloseTo(Math.sqrt(0.4), 12);
    expect(aoeScale(20, 0)).toBe(1); // uncapped
    // total damage still grows with targets, as sqrt(cap × targets)
    expect(20 * aoeScale(20, 5)).toBeCloseTo(Math.sqrt(5 * 20), 12);
    expect(20 * aoeScale(20, 5)).toBeGreaterThan(19 * aoeScale(19, 5));
  });

  it('BM Multi-Shot at 20 targets: each target takes half of its 5-target damage', () => {
    const run = (targets: number) => {
      const c = specs.find((s) => s.id === 'bm-hunter')!.defaultConfig();
      c.fight.style = 'cleave';
      c.fight.targets = targets;
      c.fight.durationVariation = 0;
      c.player.talents.push('multishot'); // a talent of the BM tree (2643)
      c.rotation = 'actions=multishot';
      c.gear = noGear(); // no enchant procs: the same draws whatever the target count
      return simulate(c, { seed: 3, seedOffset: 0, iterations: 1 }).abilities.multishot!;
    };
    const five = run(5);
    const twenty = run(20);
    expect(BM.multiShotAoeCap).toBe(5);
    // same casts (focus-bound), four times the hits, each worth sqrt(5 / 20) = 0.5: twice the damage,
    // up to crits and rounding
    expect(twenty.casts).toBe(five.casts);
    expect(twenty.hits).toBe(4 * five.hits);
    expect(twenty.damage / five.damage).toBeGreaterThan(1.8);
    expect(twenty.damage / five.damage).toBeLessThan(2.2);
  });

  for (const spec of specs) {
    it(`${spec.id}: DPS at 20 targets is far below 4 × DPS at 5 targets`, () => {
      const dps = (targets: number) => {
        const c = spec.defaultConfig();
        c.fight.style = 'cleave';
        c.fight.targets = targets;
        return simulate(c, { seed: 5, seedOffset: 0, iterations: 10 }).mean;
      };
      const ratio = dps(20) / dps(5);
      expect(ratio).toBeGreaterThan(1);
      expect(ratio).toBeLessThan(2.5);
    });
  }
});
