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

/** Default configs (raid buffs, flask, potion, augment rune, food and weapon oil); 20 targets pin the area soft cap. */
const GOLDEN: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 173466.78729768278,
    min: 160913.02781830812,
    max: 179631.09239491803,
    damage: 1254746020,
  },
  'bm-hunter/4': {
    first: 339795.0828908944,
    min: 321230.537747344,
    max: 361412.8815231613,
    damage: 2512326915,
  },
  'mm-hunter/1': {
    first: 545888.0675104399,
    min: 536546.6543018133,
    max: 598093.8826632538,
    damage: 4161216175,
  },
  'mm-hunter/4': {
    first: 1103171.1393513614,
    min: 1047195.0633967717,
    max: 1175684.0153025405,
    damage: 8223922863,
  },
  'bm-hunter/20': {
    first: 871144.8022949944,
    min: 840148.9815261657,
    max: 933245.9076582039,
    damage: 6519654286,
  },
  'mm-hunter/20': {
    first: 2017351.4998921405,
    min: 1841770.1693794318,
    max: 2022205.852702925,
    damage: 14358192700,
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
