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
    first: 91579.49895199122,
    min: 80858.73474336998,
    max: 92770.00661728607,
    damage: 643751141,
  },
  'bm-hunter/4': {
    first: 152352.12451181465,
    min: 145779.16442730234,
    max: 162331.57217915272,
    damage: 1129262993,
  },
  'mm-hunter/1': {
    first: 378066.1098751083,
    min: 368373.39960684057,
    max: 402280.65179850825,
    damage: 2819034791,
  },
  'mm-hunter/4': {
    first: 708888.3894793441,
    min: 699561.533577561,
    max: 755046.9893089188,
    damage: 5344381195,
  },
};

/** Every raid buff on, no flask or potion: the table from before consumables, unchanged. */
const GOLDEN_NO_CONSUMABLES: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 105765.89962941379,
    min: 93377.5117937401,
    max: 107138.27281718502,
    damage: 743404725,
  },
  'bm-hunter/4': {
    first: 176477.03556790485,
    min: 168887.1992665423,
    max: 188025.14972259983,
    damage: 1306819224,
  },
  'mm-hunter/1': {
    first: 433789.73498739494,
    min: 422370.6223666297,
    max: 461458.6434948745,
    damage: 3235026608,
  },
  'mm-hunter/4': {
    first: 814911.9511637567,
    min: 804122.8901649661,
    max: 868046.9854113318,
    damage: 6144424630,
  },
  'bm-hunter/20': {
    first: 433996.64186432876,
    min: 409389.8528288524,
    max: 438836.56546594884,
    damage: 3121812130,
  },
  'mm-hunter/20': {
    first: 1424637.9556262456,
    min: 1366114.3545299948,
    max: 1507623.1189062183,
    damage: 10609280531,
  },
};

/** Default configs (raid buffs, flask, potion and augment rune); 20 targets pin the area soft cap. */
const GOLDEN: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 114675.44568545569,
    min: 109107.4805542258,
    max: 122723.71278977263,
    damage: 844207483,
  },
  'bm-hunter/4': {
    first: 195297.96290274285,
    min: 193606.1677213887,
    max: 216893.9779097519,
    damage: 1466864849,
  },
  'mm-hunter/1': {
    first: 513828.3905740384,
    min: 438727.6892530188,
    max: 531007.7100761643,
    damage: 3648044033,
  },
  'mm-hunter/4': {
    first: 939254.6838426344,
    min: 890484.9376216092,
    max: 1006398.2953981631,
    damage: 6862326701,
  },
  'bm-hunter/20': {
    first: 484918.08467138244,
    min: 460189.6777452843,
    max: 504454.55588240735,
    damage: 3508921847,
  },
  'mm-hunter/20': {
    first: 1614202.141737151,
    min: 1563273.2718708483,
    max: 1750158.2220269882,
    damage: 12057110002,
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
