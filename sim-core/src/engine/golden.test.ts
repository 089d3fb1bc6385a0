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
    first: 296929.279530183,
    min: 282140.1537285926,
    max: 310951.9400573402,
    damage: 2171883614,
  },
  'bm-hunter/4': {
    first: 450329.8378242629,
    min: 411678.6644677254,
    max: 468406.613580817,
    damage: 3235477095,
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
    first: 344648.8800311666,
    min: 327546.0567716996,
    max: 361015.2323278543,
    damage: 2520995722,
  },
  'bm-hunter/4': {
    first: 523201.84874544817,
    min: 478179.120285823,
    max: 544216.7697222942,
    damage: 3758958069,
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
    first: 1075869.2967233225,
    min: 1023619.3551234651,
    max: 1134918.272358741,
    damage: 7980399966,
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
    first: 397933.2751642846,
    min: 375847.8511643276,
    max: 417853.1271020084,
    damage: 2963256423,
  },
  'bm-hunter/4': {
    first: 603731.3684644337,
    min: 557457.0379470473,
    max: 610501.0934002728,
    damage: 4300694783,
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
    first: 1270899.5650200103,
    min: 1186064.3442127209,
    max: 1341909.7556011914,
    damage: 9253217198,
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
