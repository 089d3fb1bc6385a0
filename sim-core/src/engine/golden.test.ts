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
    first: 282162.2047142687,
    min: 268454.57778761344,
    max: 296029.8742570044,
    damage: 2094733883,
  },
  'bm-hunter/4': {
    first: 393545.95623154717,
    min: 389248.82952005387,
    max: 421580.94090351067,
    damage: 2983458797,
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
    first: 327456.5229290155,
    min: 311505.69457178086,
    max: 343664.37533460546,
    damage: 2431288465,
  },
  'bm-hunter/4': {
    first: 457052.278090982,
    min: 451808.02155768964,
    max: 489687.3303524165,
    damage: 3465212577,
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
    first: 943296.1598768791,
    min: 874358.7400702015,
    max: 947435.5280645752,
    damage: 6697735848,
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
    first: 380950.0561835738,
    min: 365050.00214367284,
    max: 401972.5348045948,
    damage: 2835911972,
  },
  'bm-hunter/4': {
    first: 546555.1581028304,
    min: 511960.3325327915,
    max: 590797.0330253465,
    damage: 4018319528,
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
    first: 1021534.3975478848,
    min: 988920.7162897026,
    max: 1109872.1041749702,
    damage: 7707428987,
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
