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
    first: 311572.19669724297,
    min: 246580.240211712,
    max: 315559.0203550516,
    damage: 2053665010,
  },
  'mm-hunter/4': {
    first: 557410.8870565281,
    min: 439190.546716192,
    max: 645491.1342175845,
    damage: 3888897699,
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
    first: 356215.25553062087,
    min: 282118.45665007626,
    max: 360444.45437451295,
    damage: 2347523554,
  },
  'mm-hunter/4': {
    first: 635706.4545106234,
    min: 500809.48868715536,
    max: 735931.0871881545,
    damage: 4434487099,
  },
  'bm-hunter/20': {
    first: 433996.64186432876,
    min: 409389.8528288524,
    max: 438836.56546594884,
    damage: 3121812130,
  },
  'mm-hunter/20': {
    first: 1465308.748861035,
    min: 1081132.484470724,
    max: 1884896.4185514878,
    damage: 10883346564,
  },
};

/** Default configs (raid buffs, flask, potion and augment rune); 20 targets pin the area soft cap. */
const GOLDEN: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 114675.44568545569,
    min: 109107.4805542258,
    max: 122723.71278977263,
    damage: 844207483,
  },
  'bm-hunter/4': {
    first: 195297.96290274285,
    min: 193606.1677213887,
    max: 216893.9779097519,
    damage: 1466864849,
  },
  'mm-hunter/1': {
    first: 444209.06406859227,
    min: 319512.19286901905,
    max: 444209.06406859227,
    damage: 2677068565,
  },
  'mm-hunter/4': {
    first: 690825.0839533918,
    min: 568266.6764058075,
    max: 785236.4581598861,
    damage: 4901550738,
  },
  'bm-hunter/20': {
    first: 484918.08467138244,
    min: 460189.6777452843,
    max: 504454.55588240735,
    damage: 3508921847,
  },
  'mm-hunter/20': {
    first: 1431149.3517156113,
    min: 1273973.9190912251,
    max: 2064160.1030637305,
    damage: 11773607212,
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
