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
    first: 550591.8915351155,
    min: 477661.5976940079,
    max: 596536.0601572292,
    damage: 3951272552,
  },
  'bm-hunter/4': {
    first: 879511.3638924753,
    min: 794628.8785104632,
    max: 961057.1327939889,
    damage: 6438255652,
  },
  'mm-hunter/1': {
    first: 649542.150559099,
    min: 500588.8319789401,
    max: 731571.7717545955,
    damage: 4467222877,
  },
  'mm-hunter/4': {
    first: 1151181.8254992934,
    min: 931928.6521652117,
    max: 1416960.4003626206,
    damage: 8349072256,
  },
};

/** Every raid buff on, no flask or potion: the table from before consumables, unchanged. */
const GOLDEN_NO_CONSUMABLES: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 639955.7840103803,
    min: 554924.3796195386,
    max: 693423.0889384645,
    damage: 4592202480,
  },
  'bm-hunter/4': {
    first: 1022011.2012981786,
    min: 927015.9433074397,
    max: 1116760.991454451,
    damage: 7493631452,
  },
  'mm-hunter/1': {
    first: 742236.1094565487,
    min: 572531.6870779444,
    max: 836286.0217206347,
    damage: 5121049638,
  },
  'mm-hunter/4': {
    first: 1314457.5886460885,
    min: 1064781.4126938938,
    max: 1615936.4378087362,
    damage: 9508547179,
  },
  'bm-hunter/20': {
    first: 1737188.5095737453,
    min: 1711191.6339052797,
    max: 1978131.7792455275,
    damage: 13452355852,
  },
  'mm-hunter/20': {
    first: 2583895.688514403,
    min: 2037464.6911088624,
    max: 3261405.9179600645,
    damage: 19537579089,
  },
};

/** Default configs (raid buffs, flask, potion and augment rune); 20 targets pin the area soft cap. */
const GOLDEN: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 741954.4156425373,
    min: 684287.2455051603,
    max: 843411.7555250343,
    damage: 5499727836,
  },
  'bm-hunter/4': {
    first: 1186778.965127548,
    min: 1127189.6406264647,
    max: 1295172.9570019636,
    damage: 8920667379,
  },
  'mm-hunter/1': {
    first: 850776.1318011907,
    min: 662239.6222948892,
    max: 969801.4027917288,
    damage: 5777848815,
  },
  'mm-hunter/4': {
    first: 1337944.4732427741,
    min: 1337944.4732427741,
    max: 1938967.3049145802,
    damage: 11662528187,
  },
  'bm-hunter/20': {
    first: 2194311.3793469826,
    min: 1994450.240658412,
    max: 2286204.8351382907,
    damage: 15887795049,
  },
  'mm-hunter/20': {
    first: 2859878.7046547043,
    min: 2194590.507476212,
    max: 3898124.044882703,
    damage: 23269054107,
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
