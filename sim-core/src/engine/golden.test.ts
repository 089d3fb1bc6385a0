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
    first: 126619.48105052015,
    min: 120053.84374515306,
    max: 137903.5444150068,
    damage: 944060653,
  },
  'bm-hunter/4': {
    first: 247602.83525817076,
    min: 245659.70130804155,
    max: 262537.4305468847,
    damage: 1867112071,
  },
  'mm-hunter/1': {
    first: 432993.7827804591,
    min: 411515.4402848789,
    max: 468140.51816701883,
    damage: 3230585664,
  },
  'mm-hunter/4': {
    first: 855607.7774808509,
    min: 817078.7576965402,
    max: 901044.4379922599,
    damage: 6285619180,
  },
};

/** Every raid buff on, no flask or potion: the table from before consumables, unchanged. */
const GOLDEN_NO_CONSUMABLES: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 146534.53277482462,
    min: 138963.99003836574,
    max: 159596.12612736283,
    damage: 1092310625,
  },
  'bm-hunter/4': {
    first: 287375.3030532311,
    min: 285092.0854497236,
    max: 304747.1204270196,
    damage: 2166578679,
  },
  'mm-hunter/1': {
    first: 496525.7301449826,
    min: 471971.62716734863,
    max: 537160.3719995844,
    damage: 3706537446,
  },
  'mm-hunter/4': {
    first: 983322.1975021652,
    min: 939301.5922655487,
    max: 1035412.5077640607,
    damage: 7228459314,
  },
  'bm-hunter/20': {
    first: 752189.1438524867,
    min: 723033.3174544562,
    max: 798339.8019980403,
    damage: 5606362449,
  },
  'mm-hunter/20': {
    first: 1740992.482026086,
    min: 1584064.6462682576,
    max: 1801296.9565780468,
    damage: 12467688859,
  },
};

/** Default configs (raid buffs, flask, potion and augment rune); 20 targets pin the area soft cap. */
const GOLDEN: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 173997.90398243337,
    min: 158995.77471537818,
    max: 185648.7818391809,
    damage: 1259392244,
  },
  'bm-hunter/4': {
    first: 335092.5403024576,
    min: 320391.3620163868,
    max: 360246.061002547,
    damage: 2482302653,
  },
  'mm-hunter/1': {
    first: 534262.6364745693,
    min: 514537.4131941904,
    max: 598762.9757081275,
    damage: 4089330110,
  },
  'mm-hunter/4': {
    first: 1104742.6083988808,
    min: 1023288.202475522,
    max: 1163593.9945606927,
    damage: 8017780381,
  },
  'bm-hunter/20': {
    first: 894917.9623231988,
    min: 840521.0758753989,
    max: 898104.5187511547,
    damage: 6442164447,
  },
  'mm-hunter/20': {
    first: 1948218.7714310552,
    min: 1824520.5669519927,
    max: 2013707.5946790995,
    damage: 14109917936,
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
