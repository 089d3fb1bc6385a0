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
    first: 415066.87294141133,
    min: 385158.5066868072,
    max: 478067.5954191412,
    damage: 3205535302,
  },
  'bm-hunter/4': {
    first: 712903.4930406421,
    min: 672077.2778287124,
    max: 798033.3781378024,
    damage: 5381203469,
  },
  'mm-hunter/1': {
    first: 500544.46873520955,
    min: 387005.70288920816,
    max: 532057.9800810771,
    damage: 3484190579,
  },
  'mm-hunter/4': {
    first: 823443.054969751,
    min: 747370.731528089,
    max: 1146062.8776525874,
    damage: 6626724267,
  },
};

/** Every raid buff on, no flask or potion: the table from before consumables, unchanged. */
const GOLDEN_NO_CONSUMABLES: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 482281.98036633624,
    min: 447316.0191296087,
    max: 555614.9599452369,
    damage: 3718855484,
  },
  'bm-hunter/4': {
    first: 844496.8656327171,
    min: 780715.7653883848,
    max: 927312.7042118585,
    damage: 6258565613,
  },
  'mm-hunter/1': {
    first: 572114.3311578968,
    min: 442662.01899389585,
    max: 606318.2666390213,
    damage: 3981848750,
  },
  'mm-hunter/4': {
    first: 940579.2059602884,
    min: 853877.4883344967,
    max: 1307453.0054948104,
    damage: 7568736989,
  },
  'bm-hunter/20': {
    first: 1772059.1553467766,
    min: 1700592.0122851941,
    max: 1894560.6784326425,
    damage: 13163296687,
  },
  'mm-hunter/20': {
    first: 2214285.4866077034,
    min: 1442567.4865776002,
    max: 2434146.6357325176,
    damage: 14741426641,
  },
};

/** Default configs (raid buffs, flask, potion and augment rune); 20 targets pin the area soft cap. */
const GOLDEN: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 553312.3452536954,
    min: 529867.3023328988,
    max: 666222.5328347645,
    damage: 4323487418,
  },
  'bm-hunter/4': {
    first: 990536.5676182994,
    min: 937339.1186845796,
    max: 1097090.9404905373,
    damage: 7369237253,
  },
  'mm-hunter/1': {
    first: 668090.44750458,
    min: 489195.54975367064,
    max: 758553.2780655496,
    damage: 4679860549,
  },
  'mm-hunter/4': {
    first: 978009.1600153258,
    min: 906914.447061427,
    max: 1525156.6641341173,
    damage: 8391542172,
  },
  'bm-hunter/20': {
    first: 2061311.5918464595,
    min: 1979550.0471776656,
    max: 2299785.215758195,
    damage: 15509679240,
  },
  'mm-hunter/20': {
    first: 2013558.461503788,
    min: 1652354.7090338077,
    max: 3091243.5159796826,
    damage: 16462162475,
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
