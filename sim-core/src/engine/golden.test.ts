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
    first: 342787.12703927053,
    min: 326540.65570028475,
    max: 371347.55821575725,
    damage: 2567763868,
  },
  'bm-hunter/4': {
    first: 511973.62108767533,
    min: 453713.148677483,
    max: 530847.3040326234,
    damage: 3636538826,
  },
  'mm-hunter/1': {
    first: 505229.35454893764,
    min: 398488.3769438705,
    max: 536093.8500756492,
    damage: 3510757099,
  },
  'mm-hunter/4': {
    first: 1084742.8369968028,
    min: 710474.5914707055,
    max: 1084742.8369968028,
    damage: 6505356451,
  },
};

/** Every raid buff on, no flask or potion: the table from before consumables, unchanged. */
const GOLDEN_NO_CONSUMABLES: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 398041.6048218063,
    min: 379159.807556678,
    max: 431198.4798351854,
    damage: 2981828432,
  },
  'bm-hunter/4': {
    first: 594719.703531033,
    min: 527086.0018519264,
    max: 616738.500873843,
    damage: 4224629532,
  },
  'mm-hunter/1': {
    first: 577459.4174294646,
    min: 455498.20869354426,
    max: 629313.5531598747,
    damage: 4015871522,
  },
  'mm-hunter/4': {
    first: 1235935.7607642254,
    min: 810629.1569101235,
    max: 1235935.7607642254,
    damage: 7397461189,
  },
  'bm-hunter/20': {
    first: 1199124.8015866627,
    min: 1118558.5438603219,
    max: 1254579.0273067006,
    damage: 8783196293,
  },
  'mm-hunter/20': {
    first: 2364462.398861518,
    min: 1429985.7428354789,
    max: 2424751.8771441514,
    damage: 14936817986,
  },
};

/** Default configs (raid buffs, flask, potion and augment rune); 20 targets pin the area soft cap. */
const GOLDEN: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 493977.2207000248,
    min: 428429.0915629074,
    max: 517319.8890245118,
    damage: 3488125828,
  },
  'bm-hunter/4': {
    first: 696576.8620266655,
    min: 646158.8896645479,
    max: 716925.0016182277,
    damage: 5012713029,
  },
  'mm-hunter/1': {
    first: 612787.4457884857,
    min: 510270.9831662696,
    max: 729455.9367285933,
    damage: 4561638426,
  },
  'mm-hunter/4': {
    first: 1372994.1047493634,
    min: 946994.957495213,
    max: 1437229.7218220332,
    damage: 8462351276,
  },
  'bm-hunter/20': {
    first: 1396084.9772528969,
    min: 1270988.9923825185,
    max: 1481809.631530738,
    damage: 10204147744,
  },
  'mm-hunter/20': {
    first: 2162014.791251461,
    min: 1570976.5222408397,
    max: 2494933.787605632,
    damage: 14897598288,
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
