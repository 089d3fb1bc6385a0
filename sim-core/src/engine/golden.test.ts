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
    first: 363674.6214450608,
    min: 329982.1933250131,
    max: 406453.91404897865,
    damage: 2679912785,
  },
  'bm-hunter/4': {
    first: 547589.9210854216,
    min: 489558.6564676085,
    max: 576435.337082812,
    damage: 3927486420,
  },
  'mm-hunter/1': {
    first: 505229.35454893764,
    min: 398488.3769438705,
    max: 536093.8500756492,
    damage: 3510757099,
  },
  'mm-hunter/4': {
    first: 1084742.8369968028,
    min: 710474.5914707055,
    max: 1084742.8369968028,
    damage: 6505356451,
  },
};

/** Every raid buff on, no flask or potion: the table from before consumables, unchanged. */
const GOLDEN_NO_CONSUMABLES: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 422487.9406546916,
    min: 383108.90535045695,
    max: 472244.8744373238,
    damage: 3112497000,
  },
  'bm-hunter/4': {
    first: 636407.6705871747,
    min: 568825.1051650557,
    max: 669864.1496049796,
    damage: 4559621770,
  },
  'mm-hunter/1': {
    first: 577459.4174294646,
    min: 455498.20869354426,
    max: 629313.5531598747,
    damage: 4015871522,
  },
  'mm-hunter/4': {
    first: 1235935.7607642254,
    min: 810629.1569101235,
    max: 1235935.7607642254,
    damage: 7397461189,
  },
  'bm-hunter/20': {
    first: 1323292.5312873283,
    min: 1244194.975116094,
    max: 1473427.0294825444,
    damage: 9765687091,
  },
  'mm-hunter/20': {
    first: 2364462.398861518,
    min: 1429985.7428354789,
    max: 2424751.8771441514,
    damage: 14936817986,
  },
};

/** Default configs (raid buffs, flask, potion and augment rune); 20 targets pin the area soft cap. */
const GOLDEN: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 450918.3969812195,
    min: 441254.21611492813,
    max: 566715.452927956,
    damage: 3607581032,
  },
  'bm-hunter/4': {
    first: 739028.5393236721,
    min: 619513.0172931617,
    max: 787874.513979413,
    damage: 5283624265,
  },
  'mm-hunter/1': {
    first: 612787.4457884857,
    min: 510270.9831662696,
    max: 729455.9367285933,
    damage: 4561638426,
  },
  'mm-hunter/4': {
    first: 1372994.1047493634,
    min: 946994.957495213,
    max: 1437229.7218220332,
    damage: 8462351276,
  },
  'bm-hunter/20': {
    first: 1683514.3195670163,
    min: 1415836.1023536022,
    max: 1683514.3195670163,
    damage: 11465079352,
  },
  'mm-hunter/20': {
    first: 2162014.791251461,
    min: 1570976.5222408397,
    max: 2494933.787605632,
    damage: 14897598288,
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
