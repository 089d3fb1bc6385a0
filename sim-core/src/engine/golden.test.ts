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
    first: 413779.6863378935,
    min: 367314.4586242417,
    max: 476593.2115432638,
    damage: 3049038876,
  },
  'bm-hunter/4': {
    first: 632879.0588204991,
    min: 532912.8133565028,
    max: 656213.7774741891,
    damage: 4369217054,
  },
  'mm-hunter/1': {
    first: 500544.46873520955,
    min: 387005.70288920816,
    max: 532057.9800810771,
    damage: 3484190579,
  },
  'mm-hunter/4': {
    first: 771575.4679013101,
    min: 640800.2587599255,
    max: 1097424.636985036,
    damage: 6568304662,
  },
};

/** Every raid buff on, no flask or potion: the table from before consumables, unchanged. */
const GOLDEN_NO_CONSUMABLES: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 480745.1712713586,
    min: 426699.5507611308,
    max: 553921.2760644275,
    damage: 3542684337,
  },
  'bm-hunter/4': {
    first: 735612.4395905844,
    min: 619312.1601647435,
    max: 762870.4221543891,
    damage: 5076912677,
  },
  'mm-hunter/1': {
    first: 572114.3311578968,
    min: 442662.01899389585,
    max: 606318.2666390213,
    damage: 3981848750,
  },
  'mm-hunter/4': {
    first: 880201.7199578865,
    min: 730993.446439796,
    max: 1250989.6249769076,
    damage: 7461319586,
  },
  'bm-hunter/20': {
    first: 1492703.8208049866,
    min: 1337911.0188485137,
    max: 1608727.861868311,
    damage: 10897053544,
  },
  'mm-hunter/20': {
    first: 1725425.4239525546,
    min: 1482499.7871854643,
    max: 2267272.6196706793,
    damage: 13996841758,
  },
};

/** Default configs (raid buffs, flask, potion and augment rune); 20 targets pin the area soft cap. */
const GOLDEN: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 555474.5403088969,
    min: 489427.4485473112,
    max: 608084.2587889687,
    damage: 4090054448,
  },
  'bm-hunter/4': {
    first: 762995.2606177295,
    min: 729228.8675240354,
    max: 878191.1126933781,
    damage: 5893790310,
  },
  'mm-hunter/1': {
    first: 668090.44750458,
    min: 489195.54975367064,
    max: 758553.2780655496,
    damage: 4679860549,
  },
  'mm-hunter/4': {
    first: 1110431.892307841,
    min: 926934.0219755064,
    max: 1502764.6397472168,
    damage: 8514588405,
  },
  'bm-hunter/20': {
    first: 1876065.9843072356,
    min: 1620534.6883293416,
    max: 1990870.336770053,
    damage: 13065978411,
  },
  'mm-hunter/20': {
    first: 1657934.1927756618,
    min: 1657934.1927756618,
    max: 2727706.8290657033,
    damage: 15801037102,
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
