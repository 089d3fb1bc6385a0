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
    first: 110785.51397506028,
    min: 98483.79086109553,
    max: 112212.31170975018,
    damage: 783759509,
  },
  'bm-hunter/4': {
    first: 199361.51956444047,
    min: 189189.19685800333,
    max: 212305.735385972,
    damage: 1476699520,
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
    first: 128149.90228243756,
    min: 113908.95484103741,
    max: 129791.22818252325,
    damage: 906643476,
  },
  'bm-hunter/4': {
    first: 231252.5073328418,
    min: 219454.8534633883,
    max: 246256.87254289596,
    damage: 1713013599,
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
    first: 596789.8380174442,
    min: 568488.2472820343,
    max: 609518.9691217553,
    damage: 4321143509,
  },
  'mm-hunter/20': {
    first: 1474585.1881425292,
    min: 1413420.763335966,
    max: 1559350.4949029621,
    damage: 10980491717,
  },
};

/** Default configs (raid buffs, flask, potion and augment rune); 20 targets pin the area soft cap. */
const GOLDEN: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 139368.8668948353,
    min: 133186.42479552655,
    max: 149002.81215888698,
    damage: 1026288745,
  },
  'bm-hunter/4': {
    first: 257466.17555676473,
    min: 254394.60444493254,
    max: 283833.6830030897,
    damage: 1929161693,
  },
  'mm-hunter/1': {
    first: 514549.11796618684,
    min: 448336.3613029612,
    max: 533313.2023348733,
    damage: 3685425072,
  },
  'mm-hunter/4': {
    first: 966800.6271954254,
    min: 920070.8080576856,
    max: 1037015.5648744704,
    damage: 7079481075,
  },
  'bm-hunter/20': {
    first: 678001.2653377936,
    min: 638276.5050932814,
    max: 694616.5029324157,
    damage: 4887992961,
  },
  'mm-hunter/20': {
    first: 1663476.2403047113,
    min: 1611399.6698739885,
    max: 1783493.1912089724,
    damage: 12441440585,
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
