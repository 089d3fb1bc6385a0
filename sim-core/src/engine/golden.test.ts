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
    first: 438317.46455927286,
    min: 381614.2623846919,
    max: 476009.96372483805,
    damage: 3140804380,
  },
  'bm-hunter/4': {
    first: 727192.9334264897,
    min: 646505.2217076464,
    max: 809776.8450806404,
    damage: 5333601506,
  },
  'mm-hunter/1': {
    first: 464740.1485564524,
    min: 347049.4968299252,
    max: 592803.1761975685,
    damage: 3409961302,
  },
  'mm-hunter/4': {
    first: 814289.7269381724,
    min: 653867.0099191401,
    max: 1073629.5981182123,
    damage: 6511677242,
  },
};

/** Every raid buff on, no flask or potion: the table from before consumables, unchanged. */
const GOLDEN_NO_CONSUMABLES: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 497392.1935419477,
    min: 442234.5988163775,
    max: 556994.1396921042,
    damage: 3676181148,
  },
  'bm-hunter/4': {
    first: 844835.8280557264,
    min: 747852.7887160378,
    max: 941208.275871509,
    damage: 6196176536,
  },
  'mm-hunter/1': {
    first: 531016.84541307,
    min: 397108.27523742366,
    max: 676977.0911987808,
    damage: 3896763293,
  },
  'mm-hunter/4': {
    first: 929959.0423356913,
    min: 747560.3498258856,
    max: 1224208.3443557094,
    damage: 7420862892,
  },
  'bm-hunter/20': {
    first: 1831067.3301372554,
    min: 1694347.7380396712,
    max: 1906784.565596387,
    damage: 13108293843,
  },
  'mm-hunter/20': {
    first: 2440373.4807092333,
    min: 1497698.62030216,
    max: 2440373.4807092333,
    damage: 14369010064,
  },
};

/** Default configs (raid buffs, flask, potion and augment rune); 20 targets pin the area soft cap. */
const GOLDEN: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 595931.1115332481,
    min: 537901.0802072234,
    max: 665379.0852478461,
    damage: 4407177347,
  },
  'bm-hunter/4': {
    first: 983003.3967719398,
    min: 930508.5442407334,
    max: 1067260.3298694524,
    damage: 7381224635,
  },
  'mm-hunter/1': {
    first: 602691.8339026817,
    min: 477505.93019042636,
    max: 798302.4237945687,
    damage: 4562554019,
  },
  'mm-hunter/4': {
    first: 1340281.5521476935,
    min: 957109.3614724127,
    max: 1401915.4418499507,
    damage: 8788982888,
  },
  'bm-hunter/20': {
    first: 2188494.8307892424,
    min: 1923861.4380113815,
    max: 2191349.6729615782,
    damage: 15391857950,
  },
  'mm-hunter/20': {
    first: 2305441.3517542477,
    min: 1829301.9020448383,
    max: 2896285.0234038224,
    damage: 17472221137,
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
