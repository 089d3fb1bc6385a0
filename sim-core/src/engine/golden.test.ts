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
    first: 424529.178431947,
    min: 369632.1183643441,
    max: 451820.7751723183,
    damage: 2998092549,
  },
  'bm-hunter/4': {
    first: 549234.8827550235,
    min: 541890.652790971,
    max: 652173.3158879329,
    damage: 4378784015,
  },
  'mm-hunter/1': {
    first: 483832.3379128044,
    min: 369989.38489634194,
    max: 570615.4668738784,
    damage: 3519362038,
  },
  'mm-hunter/4': {
    first: 946923.3166660764,
    min: 674537.706040106,
    max: 1195808.133059518,
    damage: 6438415927,
  },
};

/** Every raid buff on, no flask or potion: the table from before consumables, unchanged. */
const GOLDEN_NO_CONSUMABLES: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 493296.81669344375,
    min: 429332.63334733306,
    max: 525016.0299262236,
    damage: 3483554811,
  },
  'bm-hunter/4': {
    first: 638239.3645621706,
    min: 629841.3192809969,
    max: 757992.2083745273,
    damage: 5089213894,
  },
  'mm-hunter/1': {
    first: 552948.7361110664,
    min: 423281.8607999386,
    max: 651770.1615141255,
    damage: 4020306925,
  },
  'mm-hunter/4': {
    first: 1079427.104630235,
    min: 769245.9795073624,
    max: 1362156.6076483321,
    damage: 7340696990,
  },
  'bm-hunter/20': {
    first: 1604347.0502818837,
    min: 1387427.6591835984,
    max: 1604347.0502818837,
    damage: 10903856593,
  },
  'mm-hunter/20': {
    first: 2069512.3877535907,
    min: 1372593.0798256975,
    max: 2368301.369222314,
    damage: 13194535958,
  },
};

/** Default configs (raid buffs, flask, potion and augment rune); 20 targets pin the area soft cap. */
const GOLDEN: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 616805.5661984165,
    min: 522203.4055283788,
    max: 616805.5661984165,
    damage: 4182602339,
  },
  'bm-hunter/4': {
    first: 765234.840899066,
    min: 754927.0622810903,
    max: 854722.5577726599,
    damage: 5898094167,
  },
  'mm-hunter/1': {
    first: 700549.0020573813,
    min: 514121.25515139103,
    max: 810030.1641042719,
    damage: 4704950132,
  },
  'mm-hunter/4': {
    first: 1073991.1297566881,
    min: 811964.6391198508,
    max: 1568937.0964459493,
    damage: 8862329897,
  },
  'bm-hunter/20': {
    first: 1668407.7864959803,
    min: 1643526.7430856477,
    max: 1880475.302608583,
    damage: 12882333831,
  },
  'mm-hunter/20': {
    first: 2170911.5615813825,
    min: 1742252.9205046194,
    max: 3152771.261269635,
    damage: 16862944455,
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
