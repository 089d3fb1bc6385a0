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
    first: 527352.8714796725,
    min: 477679.3849329626,
    max: 596518.8266988132,
    damage: 3943882042,
  },
  'bm-hunter/4': {
    first: 884743.2716548236,
    min: 792016.2884900767,
    max: 990990.6148383745,
    damage: 6467696769,
  },
  'mm-hunter/1': {
    first: 586441.4805418092,
    min: 432937.25051703636,
    max: 745218.7835544319,
    damage: 4260370708,
  },
  'mm-hunter/4': {
    first: 1019832.8144267827,
    min: 820050.1373125623,
    max: 1348806.5769624,
    damage: 8165588592,
  },
};

/** Every raid buff on, no flask or potion: the table from before consumables, unchanged. */
const GOLDEN_NO_CONSUMABLES: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 612901.6771360222,
    min: 554944.9067519531,
    max: 693403.0071263971,
    damage: 4583886710,
  },
  'bm-hunter/4': {
    first: 1028148.4308845452,
    min: 920193.5501001619,
    max: 1151641.7735749711,
    damage: 7514844438,
  },
  'mm-hunter/1': {
    first: 670089.159628963,
    min: 495588.76061731635,
    max: 851311.890824703,
    damage: 4870322891,
  },
  'mm-hunter/4': {
    first: 1165007.4310423099,
    min: 937769.436410917,
    max: 1538637.3519128887,
    damage: 9321703082,
  },
  'bm-hunter/20': {
    first: 1702175.659794777,
    min: 1681314.8069221443,
    max: 1948380.840317478,
    damage: 13378841859,
  },
  'mm-hunter/20': {
    first: 3174031.9586334354,
    min: 1884834.3152845101,
    max: 3174031.9586334354,
    damage: 18124932690,
  },
};

/** Default configs (raid buffs, flask, potion and augment rune); 20 targets pin the area soft cap. */
const GOLDEN: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 724252.4912343966,
    min: 672975.3499650953,
    max: 836361.1093769509,
    damage: 5509733438,
  },
  'bm-hunter/4': {
    first: 1221520.8909523517,
    min: 1148722.9793597513,
    max: 1292540.078437542,
    damage: 9001612988,
  },
  'mm-hunter/1': {
    first: 749266.4807832859,
    min: 591975.4941825356,
    max: 998201.4594494735,
    damage: 5685763754,
  },
  'mm-hunter/4': {
    first: 1678398.7810257284,
    min: 1198064.738895283,
    max: 1755745.277098948,
    damage: 11019786093,
  },
  'bm-hunter/20': {
    first: 2242155.533518573,
    min: 1989815.675422111,
    max: 2321867.299692181,
    damage: 15901547948,
  },
  'mm-hunter/20': {
    first: 2891755.5483291424,
    min: 2289849.762945086,
    max: 3649304.819522303,
    damage: 21920741384,
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
