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
    first: 444832.11253457144,
    min: 385758.1125295396,
    max: 484757.4147141053,
    damage: 3220940075,
  },
  'bm-hunter/4': {
    first: 761494.5216990943,
    min: 671803.2917194006,
    max: 801241.5792049222,
    damage: 5417338302,
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
    first: 516969.57071885996,
    min: 448180.8078453817,
    max: 563399.4894310167,
    damage: 3742934329,
  },
  'bm-hunter/4': {
    first: 884886.1389167034,
    min: 780551.7928567603,
    max: 931179.9276579872,
    damage: 6302540281,
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
    first: 1857083.0776363618,
    min: 1690033.1043098064,
    max: 1922222.172164844,
    damage: 13288900727,
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
    first: 601548.6285734524,
    min: 541271.7015100856,
    max: 645356.994797315,
    damage: 4357705973,
  },
  'bm-hunter/4': {
    first: 996220.5358206504,
    min: 899599.2379896783,
    max: 1121818.1187969306,
    damage: 7262495476,
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
    first: 2028653.5743377905,
    min: 1955582.0905345082,
    max: 2257363.223928066,
    damage: 15329234668,
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
