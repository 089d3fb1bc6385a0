/**
 * Golden seeds: exact results of engine version 0.1.0. Every node running one engine version must
 * reproduce a chunk bit for bit, so once a version is released a change that moves these numbers
 * must bump ENGINE_VERSION (src/version.ts) and then update the table. (0.1.0 is not released yet:
 * its table is still updated with the engine.)
 */
import { describe, expect, it } from 'vitest';
import { noConsumables } from '../specs/consumables.ts';
import { noRaidBuffs } from '../specs/raid-buffs.ts';
import { specs } from '../specs/registry.ts';
import { ENGINE_VERSION } from '../version.ts';
import { simulate } from './run.ts';

/** The same runs with every raid buff off (the engine before raid buffs): the off path is unchanged. */
const GOLDEN_NO_RAID: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 408603.7271120355,
    min: 368907.86556527705,
    max: 480455.9753090273,
    damage: 2984946550,
  },
  'bm-hunter/4': {
    first: 564313.8842650576,
    min: 543986.3728999511,
    max: 638805.9003186481,
    damage: 4287035289,
  },
  'mm-hunter/1': {
    first: 485652.2864621735,
    min: 366037.76947110344,
    max: 606928.0013320752,
    damage: 3483623985,
  },
  'mm-hunter/4': {
    first: 848142.876920947,
    min: 667476.8060343491,
    max: 1199598.769628672,
    damage: 6523362941,
  },
};

/** Every raid buff on, no flask or potion: the table from before consumables, unchanged. */
const GOLDEN_NO_CONSUMABLES: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 474726.14934849594,
    min: 428533.393088135,
    max: 558366.162286178,
    damage: 3473947777,
  },
  'bm-hunter/4': {
    first: 655823.2261928143,
    min: 632154.9600908242,
    max: 742463.1643555186,
    damage: 4982494011,
  },
  'mm-hunter/1': {
    first: 554937.4671994179,
    min: 418501.90735534043,
    max: 709124.0162069157,
    damage: 3985623257,
  },
  'mm-hunter/4': {
    first: 967085.215509886,
    min: 761340.1537338381,
    max: 1367233.6412340663,
    damage: 7435633275,
  },
  'bm-hunter/20': {
    first: 1447873.1957667528,
    min: 1361350.8884765054,
    max: 1583528.180260938,
    damage: 11002055275,
  },
  'mm-hunter/20': {
    first: 1876545.4571797457,
    min: 1568723.7605070346,
    max: 2531806.9534664913,
    damage: 14836376308,
  },
};

/** Default configs (raid buffs, flask, potion and augment rune); 20 targets pin the area soft cap. */
const GOLDEN: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 533249.5580976789,
    min: 508631.4541039855,
    max: 605235.9848999407,
    damage: 4079603291,
  },
  'bm-hunter/4': {
    first: 856107.7146969145,
    min: 715902.3268312732,
    max: 870863.607840386,
    damage: 5901038551,
  },
  'mm-hunter/1': {
    first: 547373.094346548,
    min: 496129.77873421134,
    max: 761158.2349634627,
    damage: 4616698873,
  },
  'mm-hunter/4': {
    first: 1006535.5147799825,
    min: 888991.8595756673,
    max: 1503994.5944599442,
    damage: 8554800354,
  },
  'bm-hunter/20': {
    first: 1913141.7210525807,
    min: 1610726.7810559575,
    max: 1921256.3014237883,
    damage: 13057558377,
  },
  'mm-hunter/20': {
    first: 2250767.361368239,
    min: 1664044.5147469111,
    max: 2582476.5449494747,
    damage: 15682715938,
  },
};

function run(key: string, raid: boolean, consumables = raid) {
  const [spec, targets] = key.split('/') as [string, string];
  const c = specs.find((s) => s.id === spec)!.defaultConfig();
  if (targets !== '1') {
    c.fight.style = 'cleave';
    c.fight.targets = Number(targets);
  }
  if (!consumables) c.consumables = noConsumables();
  if (!raid) c.raidBuffs = noRaidBuffs();
  const r = simulate(c, { seed: 20261127, seedOffset: 500, iterations: 25 });
  const damage = Object.values(r.abilities).reduce((a, b) => a + b.damage, 0);
  return { first: r.samples[0], min: r.min, max: r.max, damage };
}

describe(`golden seeds (engine ${ENGINE_VERSION})`, () => {
  it('is still engine version 0.1.0 (update GOLDEN when bumping it)', () => {
    expect(ENGINE_VERSION).toBe('0.1.0');
  });

  for (const key of Object.keys(GOLDEN)) {
    it(`${key}: seed 20261127, iterations 500..524 reproduce exactly`, () => {
      expect(run(key, true)).toEqual(GOLDEN[key]);
    });
  }
  for (const key of Object.keys(GOLDEN_NO_CONSUMABLES)) {
    it(`${key} without flask and potion: reproduces the table from before consumables`, () => {
      expect(run(key, true, false)).toEqual(GOLDEN_NO_CONSUMABLES[key]);
    });
  }
  for (const key of Object.keys(GOLDEN_NO_RAID)) {
    it(`${key} without raid buffs: reproduces the table from before raid buffs`, () => {
      expect(run(key, false)).toEqual(GOLDEN_NO_RAID[key]);
    });
  }
});
