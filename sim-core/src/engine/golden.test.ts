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
    first: 114433.2799938182,
    min: 103611.27623949296,
    max: 118313.75249719065,
    damage: 817986415,
  },
  'bm-hunter/4': {
    first: 218595.64247284998,
    min: 204159.3994965738,
    max: 228812.69366135425,
    damage: 1595187792,
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
    first: 132369.0504171107,
    min: 119865.7993212568,
    max: 140053.17845548756,
    damage: 947688217,
  },
  'bm-hunter/4': {
    first: 253665.5354825831,
    min: 236875.16947647624,
    max: 265490.1956198917,
    damage: 1850991401,
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
    first: 635034.9690426899,
    min: 627792.2313150967,
    max: 674332.4210376143,
    damage: 4748873805,
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
    first: 146526.3515449678,
    min: 135390.95326463116,
    max: 155656.48597884242,
    damage: 1079652021,
  },
  'bm-hunter/4': {
    first: 278506.4925029541,
    min: 272059.15116596996,
    max: 297691.8396590366,
    damage: 2102299732,
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
    first: 700662.492876438,
    min: 698787.8738494655,
    max: 758448.7844203471,
    damage: 5335054919,
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
