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
    first: 271744.0765770842,
    min: 236829.05193574258,
    max: 358030.4329613354,
    damage: 2134928853,
  },
  'mm-hunter/4': {
    first: 538388.6100280435,
    min: 431836.9781392166,
    max: 624820.0181310244,
    damage: 3771759470,
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
    first: 310773.22764167434,
    min: 271119.4949119707,
    max: 409229.4465872088,
    damage: 2441788790,
  },
  'mm-hunter/4': {
    first: 613923.516286797,
    min: 493087.3465115343,
    max: 712464.2023274315,
    damage: 4302283939,
  },
  'bm-hunter/20': {
    first: 433996.64186432876,
    min: 409389.8528288524,
    max: 438836.56546594884,
    damage: 3121812130,
  },
  'mm-hunter/20': {
    first: 1213393.7035761087,
    min: 1187858.2603510167,
    max: 1676707.1210540552,
    damage: 9916327171,
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
    first: 404275.1868224567,
    min: 321544.2600434932,
    max: 436288.140818055,
    damage: 2775172985,
  },
  'mm-hunter/4': {
    first: 668430.1955317155,
    min: 550820.3217036701,
    max: 785007.666833176,
    damage: 4942407856,
  },
  'bm-hunter/20': {
    first: 484918.08467138244,
    min: 460189.6777452843,
    max: 504454.55588240735,
    damage: 3508921847,
  },
  'mm-hunter/20': {
    first: 1473435.8074497166,
    min: 1256326.251133189,
    max: 2190259.378396876,
    damage: 11259983508,
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
