/**
 * Golden seeds: exact results of engine version 0.1.0. Every node running one engine version must
 * reproduce a chunk bit for bit, so once a version is released a change that moves these numbers
 * must bump ENGINE_VERSION (src/version.ts) and then update the table. (0.1.0 is not released yet:
 * its table is still updated with the engine.)
 */
import { describe, expect, it } from 'vitest';
import { specs } from '../specs/registry.ts';
import { ENGINE_VERSION } from '../version.ts';
import { simulate } from './run.ts';

/** The same runs with every raid buff off (the engine before raid buffs): the off path is unchanged. */
const GOLDEN_NO_RAID: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 69740.92772120069,
    min: 68007.086301227,
    max: 76937.22595326636,
    damage: 530501071,
  },
  'bm-hunter/4': {
    first: 117500.16581398569,
    min: 114536.7689961637,
    max: 135046.9853400448,
    damage: 884266308,
  },
  'mm-hunter/1': {
    first: 413890.89761710813,
    min: 402907.65822267445,
    max: 443227.92281256005,
    damage: 3118212879,
  },
  'mm-hunter/4': {
    first: 772044.9822756118,
    min: 736073.0390761312,
    max: 830889.5672605502,
    damage: 5790780219,
  },
};

/** Default configs (every raid buff on); 20 targets pin the area soft cap. */
const GOLDEN: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 80435.99419168096,
    min: 78455.50766837012,
    max: 88743.60881389798,
    damage: 611806473,
  },
  'bm-hunter/4': {
    first: 135921.8227303607,
    min: 132484.478632575,
    max: 156278.84410478745,
    damage: 1022968564,
  },
  'mm-hunter/1': {
    first: 474771.61135777505,
    min: 462071.5028652447,
    max: 509027.7890437666,
    damage: 3577204789,
  },
  'mm-hunter/4': {
    first: 887607.329944074,
    min: 846031.3302458783,
    max: 955327.8533237128,
    damage: 6657868017,
  },
  'bm-hunter/20': {
    first: 328024.4535382773,
    min: 293448.474923119,
    max: 330429.8894073557,
    damage: 2300551832,
  },
  'mm-hunter/20': {
    first: 1576896.0748770884,
    min: 1475315.270340996,
    max: 1639455.2803851618,
    damage: 11593727010,
  },
};

function run(key: string, raid: boolean) {
  const [spec, targets] = key.split('/') as [string, string];
  const c = specs.find((s) => s.id === spec)!.defaultConfig();
  if (targets !== '1') {
    c.fight.style = 'cleave';
    c.fight.targets = Number(targets);
  }
  if (!raid)
    c.raidBuffs = {
      battleShout: false,
      markOfTheWild: false,
      skyfury: false,
      mysticTouch: false,
      chaosBrand: false,
    };
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
  for (const key of Object.keys(GOLDEN_NO_RAID)) {
    it(`${key} without raid buffs: reproduces the table from before raid buffs`, () => {
      expect(run(key, false)).toEqual(GOLDEN_NO_RAID[key]);
    });
  }
});
