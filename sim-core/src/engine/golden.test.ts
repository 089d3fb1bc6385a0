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
    first: 245103.31016230452,
    min: 227122.34322110208,
    max: 269389.2576221396,
    damage: 1775233883,
  },
  'mm-hunter/4': {
    first: 437735.58947676833,
    min: 393843.13474359794,
    max: 538335.308814344,
    damage: 3389453528,
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
    first: 280388.725936849,
    min: 259745.00803051965,
    max: 308263.73426496633,
    damage: 2033561938,
  },
  'mm-hunter/4': {
    first: 499436.9439999485,
    min: 449419.4292057122,
    max: 613468.7401256567,
    damage: 3862437703,
  },
  'bm-hunter/20': {
    first: 433996.64186432876,
    min: 409389.8528288524,
    max: 438836.56546594884,
    damage: 3121812130,
  },
  'mm-hunter/20': {
    first: 1271029.0190573395,
    min: 969408.7292668674,
    max: 1417932.0584564598,
    damage: 9029517537,
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
    first: 329936.8554584998,
    min: 292899.8769600549,
    max: 333174.49565763894,
    damage: 2320432927,
  },
  'mm-hunter/4': {
    first: 617701.4382350952,
    min: 496866.597289618,
    max: 650903.4133369869,
    damage: 4388137758,
  },
  'bm-hunter/20': {
    first: 484918.08467138244,
    min: 460189.6777452843,
    max: 504454.55588240735,
    damage: 3508921847,
  },
  'mm-hunter/20': {
    first: 1469212.9470135774,
    min: 1022861.4794373022,
    max: 1574982.8056337137,
    damage: 10026406195,
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
