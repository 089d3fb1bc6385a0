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
    first: 649596.1608427858,
    min: 491799.2866225501,
    max: 770274.8396691143,
    damage: 4453248136,
  },
  'mm-hunter/4': {
    first: 1156881.331920963,
    min: 932036.8042303583,
    max: 1431660.7241309134,
    damage: 8449799695,
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
    first: 742316.4213800231,
    min: 562968.4084130154,
    max: 880101.0853167652,
    damage: 5090390707,
  },
  'mm-hunter/4': {
    first: 1320919.7395915503,
    min: 1064904.55479481,
    max: 1625596.407097001,
    damage: 9728468546,
  },
  'bm-hunter/20': {
    first: 1702175.659794777,
    min: 1681314.8069221443,
    max: 1948380.840317478,
    damage: 13378841859,
  },
  'mm-hunter/20': {
    first: 2578352.5044351215,
    min: 1956240.9314229824,
    max: 3310416.6291434313,
    damage: 19267577383,
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
    first: 850086.0043337015,
    min: 654044.2591027666,
    max: 969106.1272557238,
    damage: 5640611943,
  },
  'mm-hunter/4': {
    first: 1278347.810128498,
    min: 1255531.9628693154,
    max: 1883129.805412412,
    damage: 11490230511,
  },
  'bm-hunter/20': {
    first: 2242155.533518573,
    min: 1989815.675422111,
    max: 2321867.299692181,
    damage: 15901547948,
  },
  'mm-hunter/20': {
    first: 2863528.7502133045,
    min: 2194609.628454916,
    max: 3904073.8771054847,
    damage: 23249365224,
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
