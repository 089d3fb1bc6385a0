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
    first: 393915.93713879114,
    min: 351547.02950739075,
    max: 446116.7950989391,
    damage: 2905996296,
  },
  'bm-hunter/4': {
    first: 561683.9199070154,
    min: 494634.05757010524,
    max: 599621.7400056364,
    damage: 4143873682,
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
    first: 457640.75675571256,
    min: 408260.0326006479,
    max: 518505.1337332167,
    damage: 3376086098,
  },
  'bm-hunter/4': {
    first: 652673.7778865317,
    min: 574774.1495684613,
    max: 696783.0951326543,
    damage: 4821262032,
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
    first: 1411288.876940265,
    min: 1315869.7532106768,
    max: 1539703.229982523,
    damage: 10576952864,
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
    first: 504524.1106413943,
    min: 491867.3874527718,
    max: 586540.3642311606,
    damage: 3953404982,
  },
  'bm-hunter/4': {
    first: 779532.4206588127,
    min: 696569.7792084427,
    max: 828927.383880018,
    damage: 5631716902,
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
    first: 1602992.5464198668,
    min: 1572984.190028291,
    max: 1840073.403256044,
    damage: 12173969408,
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
