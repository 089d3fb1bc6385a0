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
    first: 412994.98050478287,
    min: 375052.99291047966,
    max: 479910.8153393823,
    damage: 3191562917,
  },
  'bm-hunter/4': {
    first: 718690.7392084072,
    min: 664664.9410388543,
    max: 785158.4791265989,
    damage: 5301176174,
  },
  'mm-hunter/1': {
    first: 440409.6378171796,
    min: 393444.8246708805,
    max: 544230.8486429483,
    damage: 3444219227,
  },
  'mm-hunter/4': {
    first: 740455.119144593,
    min: 697238.5850216842,
    max: 1044446.0983205297,
    damage: 6452021481,
  },
};

/** Every raid buff on, no flask or potion: the table from before consumables, unchanged. */
const GOLDEN_NO_CONSUMABLES: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 479811.8510314274,
    min: 435716.079905355,
    max: 557868.2226296987,
    damage: 3708330533,
  },
  'bm-hunter/4': {
    first: 835033.7841971222,
    min: 772288.8898548891,
    max: 912440.0716394861,
    damage: 6163870138,
  },
  'mm-hunter/1': {
    first: 503486.77190756914,
    min: 449874.3790007649,
    max: 621753.007344915,
    damage: 3940993441,
  },
  'mm-hunter/4': {
    first: 846181.4101594068,
    min: 796994.892873325,
    max: 1192005.6398083945,
    damage: 7367140715,
  },
  'bm-hunter/20': {
    first: 1763670.2909632989,
    min: 1637973.117202701,
    max: 2007373.4337634516,
    damage: 12979902448,
  },
  'mm-hunter/20': {
    first: 2310906.838297557,
    min: 1603754.861322138,
    max: 2748431.507131385,
    damage: 14795443457,
  },
};

/** Default configs (raid buffs, flask, potion and augment rune); 20 targets pin the area soft cap. */
const GOLDEN: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 573281.8966544211,
    min: 561996.3261337145,
    max: 662365.4111217968,
    damage: 4404278709,
  },
  'bm-hunter/4': {
    first: 1050944.9465370635,
    min: 929446.4844614461,
    max: 1105210.2975303938,
    damage: 7490262792,
  },
  'mm-hunter/1': {
    first: 682980.5530781837,
    min: 515878.8502999125,
    max: 848479.2917799855,
    damage: 4652213781,
  },
  'mm-hunter/4': {
    first: 959599.5962509941,
    min: 830529.911403123,
    max: 1514427.2037684876,
    damage: 8483608891,
  },
  'bm-hunter/20': {
    first: 2119583.9099259796,
    min: 1928017.2101799261,
    max: 2229076.929304504,
    damage: 15292276279,
  },
  'mm-hunter/20': {
    first: 2092181.1042889478,
    min: 1860277.57239327,
    max: 2799084.7255206117,
    damage: 17382074482,
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
