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
    first: 91579.49895199122,
    min: 80858.73474336998,
    max: 92770.00661728607,
    damage: 643751141,
  },
  'bm-hunter/4': {
    first: 152352.12451181465,
    min: 145779.16442730234,
    max: 162331.57217915272,
    damage: 1129262993,
  },
  'mm-hunter/1': {
    first: 381989.1882841955,
    min: 376797.16832226486,
    max: 408807.42183194327,
    damage: 2860592436,
  },
  'mm-hunter/4': {
    first: 733046.7273470728,
    min: 723152.3997617656,
    max: 780861.2303123137,
    damage: 5519952396,
  },
};

/** Every raid buff on, no flask or potion: the table from before consumables, unchanged. */
const GOLDEN_NO_CONSUMABLES: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 105765.89962941379,
    min: 93377.5117937401,
    max: 107138.27281718502,
    damage: 743404725,
  },
  'bm-hunter/4': {
    first: 176477.03556790485,
    min: 168887.1992665423,
    max: 188025.14972259983,
    damage: 1306819224,
  },
  'mm-hunter/1': {
    first: 438185.79859557166,
    min: 432008.48450279597,
    max: 468878.16805672925,
    damage: 3282010319,
  },
  'mm-hunter/4': {
    first: 842581.4082275934,
    min: 831135.8862992763,
    max: 897616.2396860103,
    damage: 6345428191,
  },
  'bm-hunter/20': {
    first: 433996.64186432876,
    min: 409389.8528288524,
    max: 438836.56546594884,
    damage: 3121812130,
  },
  'mm-hunter/20': {
    first: 1474585.1881425292,
    min: 1413420.763335966,
    max: 1559350.4949029621,
    damage: 10980491717,
  },
};

/** Default configs (raid buffs, flask, potion, augment rune, food and weapon oil); 20 targets pin the area soft cap. */
const GOLDEN: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 116922.64375106653,
    min: 109874.19380812433,
    max: 123668.93646693848,
    damage: 860351670,
  },
  'bm-hunter/4': {
    first: 199771.25075260233,
    min: 190702.38121993977,
    max: 226582.21219877637,
    damage: 1504459847,
  },
  'mm-hunter/1': {
    first: 537174.7164258875,
    min: 472758.07122563437,
    max: 542811.3271651544,
    damage: 3753331938,
  },
  'mm-hunter/4': {
    first: 974620.9041530769,
    min: 927657.9718438823,
    max: 1041164.7277306978,
    damage: 7282247183,
  },
  'bm-hunter/20': {
    first: 479501.9849382947,
    min: 461817.5174545038,
    max: 511376.07444820635,
    damage: 3572941189,
  },
  'mm-hunter/20': {
    first: 1716096.5391562483,
    min: 1599999.5947490563,
    max: 1809923.939769265,
    damage: 12609130016,
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
