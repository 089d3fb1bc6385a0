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
    first: 322464.1374936009,
    min: 303855.84292264126,
    max: 359492.8459277749,
    damage: 2428547219,
  },
  'bm-hunter/4': {
    first: 483535.7433779046,
    min: 438094.3066342104,
    max: 501679.545601657,
    damage: 3423095567,
  },
  'mm-hunter/1': {
    first: 329444.2977697214,
    min: 287007.3553685736,
    max: 385755.34084611124,
    damage: 2389535474,
  },
  'mm-hunter/4': {
    first: 626561.8679347949,
    min: 511866.697546253,
    max: 677789.9354313519,
    damage: 4424215587,
  },
};

/** Every raid buff on, no flask or potion: the table from before consumables, unchanged. */
const GOLDEN_NO_CONSUMABLES: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 374493.68136025424,
    min: 352779.0320043152,
    max: 417621.8164982487,
    damage: 2820213370,
  },
  'bm-hunter/4': {
    first: 561893.1224222365,
    min: 508923.14825547696,
    max: 583059.2271344423,
    damage: 3977565506,
  },
  'mm-hunter/1': {
    first: 376818.271091378,
    min: 328575.70755666494,
    max: 440705.8451875116,
    damage: 2723866812,
  },
  'mm-hunter/4': {
    first: 714679.6666977904,
    min: 584204.7021545887,
    max: 773149.2516327172,
    damage: 5045233327,
  },
  'bm-hunter/20': {
    first: 1062546.1043372431,
    min: 1062546.1043372431,
    max: 1220322.7288013154,
    damage: 8195650832,
  },
  'mm-hunter/20': {
    first: 1499011.9321675913,
    min: 1221994.094767075,
    max: 1657213.510832253,
    damage: 10743738399,
  },
};

/** Default configs (raid buffs, flask, potion and augment rune); 20 targets pin the area soft cap. */
const GOLDEN: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 467129.59892333596,
    min: 408673.58408737544,
    max: 481967.4100745857,
    damage: 3306917001,
  },
  'bm-hunter/4': {
    first: 612433.2316984825,
    min: 580370.5134400143,
    max: 695623.9813351949,
    damage: 4558365093,
  },
  'mm-hunter/1': {
    first: 418495.66468870436,
    min: 389553.6377759078,
    max: 546449.5754010101,
    damage: 3218531092,
  },
  'mm-hunter/4': {
    first: 769891.0553818712,
    min: 643408.50275776,
    max: 948851.0168334557,
    damage: 5663283669,
  },
  'bm-hunter/20': {
    first: 1308207.969374318,
    min: 1201908.4981566363,
    max: 1359317.2563950238,
    damage: 9555923240,
  },
  'mm-hunter/20': {
    first: 1906284.6011932169,
    min: 1507484.6422774377,
    max: 2110336.545114799,
    damage: 13505146940,
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
