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
    first: 396127.14230059664,
    min: 366738.4396218386,
    max: 449676.9454675989,
    damage: 3010688461,
  },
  'bm-hunter/4': {
    first: 576339.097649949,
    min: 532908.5502034217,
    max: 643656.7317173937,
    damage: 4309561031,
  },
  'mm-hunter/1': {
    first: 440409.6378171796,
    min: 393444.8246708805,
    max: 544230.8486429483,
    damage: 3444219227,
  },
  'mm-hunter/4': {
    first: 764897.8457060617,
    min: 681037.7453462136,
    max: 1077054.945998252,
    damage: 6436821951,
  },
};

/** Every raid buff on, no flask or potion: the table from before consumables, unchanged. */
const GOLDEN_NO_CONSUMABLES: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 460220.4038133997,
    min: 425893.96680912474,
    max: 522547.24372580845,
    damage: 3498017990,
  },
  'bm-hunter/4': {
    first: 661407.5385799239,
    min: 619335.7889488451,
    max: 748126.6442945172,
    damage: 5028953798,
  },
  'mm-hunter/1': {
    first: 503486.77190756914,
    min: 449874.3790007649,
    max: 621753.007344915,
    damage: 3940993441,
  },
  'mm-hunter/4': {
    first: 872726.4616583331,
    min: 777011.3955945228,
    max: 1227817.7401985265,
    damage: 7338798395,
  },
  'bm-hunter/20': {
    first: 1403404.4508981323,
    min: 1366022.9586012305,
    max: 1622365.919724206,
    damage: 10938370254,
  },
  'mm-hunter/20': {
    first: 2231011.233495069,
    min: 1636374.1431428958,
    max: 2354383.6603733366,
    damage: 14262050416,
  },
};

/** Default configs (raid buffs, flask, potion and augment rune); 20 targets pin the area soft cap. */
const GOLDEN: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 538485.6868723619,
    min: 495845.2094664449,
    max: 604602.4045953917,
    damage: 4089520465,
  },
  'bm-hunter/4': {
    first: 777793.8819468815,
    min: 718710.0917717568,
    max: 876336.5136886364,
    damage: 5845988150,
  },
  'mm-hunter/1': {
    first: 682980.5530781837,
    min: 515878.8502999125,
    max: 848479.2917799855,
    damage: 4652213781,
  },
  'mm-hunter/4': {
    first: 1205262.2597709512,
    min: 932930.4675588435,
    max: 1301052.0968264248,
    damage: 8454909692,
  },
  'bm-hunter/20': {
    first: 1701279.5495011092,
    min: 1576789.5453552252,
    max: 1930277.142972652,
    damage: 13012440223,
  },
  'mm-hunter/20': {
    first: 2642309.045072427,
    min: 1548154.5052921912,
    max: 2761021.8496095603,
    damage: 15175524584,
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
