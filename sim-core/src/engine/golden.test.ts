/**
 * Golden seeds: exact results of engine version 0.1.0. Every node running one engine version must
 * reproduce a chunk bit for bit, so once a version is released a change that moves these numbers
 * must bump ENGINE_VERSION (src/version.ts) and then update the table. (0.1.0 is not released yet:
 * its table is still updated with the engine.)
 */
import { describe, expect, it } from 'vitest';
import { specs } from '../specs/registry.ts';
import { ENGINE_VERSION } from '../version.ts';
import { simulate } from './run.ts';

/** The same runs with every raid buff off (the engine before raid buffs): the off path is unchanged. */
const GOLDEN_NO_RAID: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 87212.44474208681,
    min: 79739.35152169439,
    max: 92895.42763392538,
    damage: 639207905,
  },
  'bm-hunter/4': {
    first: 156508.4082179343,
    min: 145043.1420125826,
    max: 159184.7108812119,
    damage: 1124783851,
  },
  'mm-hunter/1': {
    first: 98193.68361403656,
    min: 94948.67104684748,
    max: 107869.91175001388,
    damage: 742288096,
  },
  'mm-hunter/4': {
    first: 203558.41964783042,
    min: 201159.02034175076,
    max: 219941.1444746628,
    damage: 1537093998,
  },
};

/** Every raid buff on, no flask or potion: the table from before consumables, unchanged. */
const GOLDEN_NO_CONSUMABLES: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 100716.09747930545,
    min: 92080.26913287237,
    max: 107295.93296315902,
    damage: 738263334,
  },
  'bm-hunter/4': {
    first: 181306.40170772307,
    min: 168020.39138819513,
    max: 184455.73249584335,
    damage: 1302909722,
  },
  'mm-hunter/1': {
    first: 112734.7974332639,
    min: 109018.98209475706,
    max: 123902.95461693587,
    damage: 852521005,
  },
  'mm-hunter/4': {
    first: 234927.99487425503,
    min: 232167.7499407394,
    max: 253772.03381991084,
    damage: 1773926589,
  },
  'bm-hunter/20': {
    first: 420128.9485461494,
    min: 401570.638922792,
    max: 445824.3686761955,
    damage: 3097491853,
  },
  'mm-hunter/20': {
    first: 399228.9907240759,
    min: 396034.4794285229,
    max: 430369.5998251966,
    damage: 3034244115,
  },
};

/** Default configs (raid buffs, flask, potion and augment rune); 20 targets pin the area soft cap. */
const GOLDEN: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 113771.99772046016,
    min: 107590.27738636822,
    max: 119139.37835559994,
    damage: 844458772,
  },
  'bm-hunter/4': {
    first: 198424.8347494599,
    min: 194082.50543664873,
    max: 218677.8131164701,
    damage: 1489024612,
  },
  'mm-hunter/1': {
    first: 133287.1447475603,
    min: 123147.88102715685,
    max: 136127.5536067788,
    damage: 956923837,
  },
  'mm-hunter/4': {
    first: 270422.26865729305,
    min: 260085.9251037064,
    max: 285868.30517048796,
    damage: 2005731029,
  },
  'bm-hunter/20': {
    first: 489422.0143018587,
    min: 464851.41066727706,
    max: 507406.96305799123,
    damage: 3554227545,
  },
  'mm-hunter/20': {
    first: 456231.5342784194,
    min: 449898.5429207722,
    max: 481611.9273813664,
    damage: 3415009650,
  },
};

function run(key: string, raid: boolean, consumables = raid) {
  const [spec, targets] = key.split('/') as [string, string];
  const c = specs.find((s) => s.id === spec)!.defaultConfig();
  if (targets !== '1') {
    c.fight.style = 'cleave';
    c.fight.targets = Number(targets);
  }
  if (!consumables) c.consumables = { flask: 'none', potion: 'none', augmentRune: 'none' };
  if (!raid)
    c.raidBuffs = {
      battleShout: false,
      markOfTheWild: false,
      skyfury: false,
      mysticTouch: false,
      chaosBrand: false,
    };
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
