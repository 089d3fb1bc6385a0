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
    first: 471121.6237535779,
    min: 375527.9537824316,
    max: 549695.1782745243,
    damage: 3383352717,
  },
  'mm-hunter/4': {
    first: 1069502.8317165128,
    min: 667931.3579451669,
    max: 1080321.3650268447,
    damage: 6803973748,
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
    first: 536034.8660126405,
    min: 429590.3815240826,
    max: 628308.0768520229,
    damage: 3867304401,
  },
  'mm-hunter/4': {
    first: 1188087.862094279,
    min: 762078.8276500665,
    max: 1231862.2682294918,
    damage: 7746998802,
  },
  'bm-hunter/20': {
    first: 1604347.0502818837,
    min: 1387427.6591835984,
    max: 1604347.0502818837,
    damage: 10903856593,
  },
  'mm-hunter/20': {
    first: 2210304.775764757,
    min: 1395614.380195825,
    max: 2457432.3750420045,
    damage: 13899419546,
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
    first: 715758.2979435846,
    min: 509178.08768819086,
    max: 748763.2903638659,
    damage: 4523887076,
  },
  'mm-hunter/4': {
    first: 1210489.3701966265,
    min: 891079.3034981457,
    max: 1426357.547325216,
    damage: 8534695119,
  },
  'bm-hunter/20': {
    first: 1668407.7864959803,
    min: 1643526.7430856477,
    max: 1880475.302608583,
    damage: 12882333831,
  },
  'mm-hunter/20': {
    first: 1924011.5908805528,
    min: 1712593.0140457593,
    max: 2543332.0547377155,
    damage: 15413713768,
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
