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
    first: 398063.04473113985,
    min: 374616.2802660102,
    max: 458409.50415157946,
    damage: 2976167636,
  },
  'bm-hunter/4': {
    first: 564301.6204694951,
    min: 543979.1791798742,
    max: 638805.5144126695,
    damage: 4292680374,
  },
  'mm-hunter/1': {
    first: 424957.91222483735,
    min: 401777.56961920747,
    max: 593312.7046234928,
    damage: 3596874074,
  },
  'mm-hunter/4': {
    first: 777844.369890756,
    min: 683744.68742467,
    max: 1208757.795415441,
    damage: 6696192988,
  },
};

/** Every raid buff on, no flask or potion: the table from before consumables, unchanged. */
const GOLDEN_NO_CONSUMABLES: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 462433.64703836903,
    min: 435111.1474446118,
    max: 532676.9610750405,
    damage: 3457719852,
  },
  'bm-hunter/4': {
    first: 655808.9082356426,
    min: 632152.4395112992,
    max: 742462.7049436393,
    damage: 4988809998,
  },
  'mm-hunter/1': {
    first: 486114.2120294022,
    min: 461799.522644866,
    max: 677436.0845609297,
    damage: 4083845435,
  },
  'mm-hunter/4': {
    first: 887284.38869374,
    min: 779931.2480265638,
    max: 1377350.1803851917,
    damage: 7635763721,
  },
  'bm-hunter/20': {
    first: 1568777.152442617,
    min: 1361632.280182091,
    max: 1620416.8281295802,
    damage: 11050421683,
  },
  'mm-hunter/20': {
    first: 1930084.980472586,
    min: 1409609.9080774935,
    max: 2471038.0209271302,
    damage: 14418525354,
  },
};

/** Default configs (raid buffs, flask, potion and augment rune); 20 targets pin the area soft cap. */
const GOLDEN: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 506076.8185608634,
    min: 506076.8185608634,
    max: 622092.2805599441,
    damage: 4066411101,
  },
  'bm-hunter/4': {
    first: 845082.1278280944,
    min: 715801.5238215674,
    max: 879720.8353308466,
    damage: 5898252961,
  },
  'mm-hunter/1': {
    first: 488847.32234560786,
    min: 488847.32234560786,
    max: 747485.4846628386,
    damage: 4554829296,
  },
  'mm-hunter/4': {
    first: 1003452.5949083838,
    min: 918602.6992211833,
    max: 1487998.5707462246,
    damage: 8424238159,
  },
  'bm-hunter/20': {
    first: 1962635.8080936542,
    min: 1632181.678006361,
    max: 1962635.8080936542,
    damage: 13064029279,
  },
  'mm-hunter/20': {
    first: 2087200.7959071314,
    min: 1492425.3570830596,
    max: 2881390.003623334,
    damage: 16673302554,
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
