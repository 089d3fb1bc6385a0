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
    first: 429115.5675184891,
    min: 383308.0703392041,
    max: 456960.97359220876,
    damage: 3006615694,
  },
  'bm-hunter/4': {
    first: 556954.2739762194,
    min: 512009.63546175865,
    max: 618668.6428856119,
    damage: 4291096862,
  },
  'mm-hunter/1': {
    first: 404533.3865655255,
    min: 404533.3865655255,
    max: 611563.8045097156,
    damage: 3562446310,
  },
  'mm-hunter/4': {
    first: 1049731.252555628,
    min: 711361.7325751878,
    max: 1159787.5549859721,
    damage: 6583449846,
  },
};

/** Every raid buff on, no flask or potion: the table from before consumables, unchanged. */
const GOLDEN_NO_CONSUMABLES: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 498630.25091036706,
    min: 445319.51212815905,
    max: 531003.816019478,
    damage: 3493271927,
  },
  'bm-hunter/4': {
    first: 647307.911741884,
    min: 594917.4093577377,
    max: 719238.7654444001,
    damage: 4987386898,
  },
  'mm-hunter/1': {
    first: 463029.84329773433,
    min: 463029.84329773433,
    max: 698379.8240448894,
    damage: 4075252261,
  },
  'mm-hunter/4': {
    first: 1196659.1959148585,
    min: 811129.6856115256,
    max: 1321646.4964843616,
    damage: 7505811518,
  },
  'bm-hunter/20': {
    first: 1381267.0055926,
    min: 1324581.2952615807,
    max: 1593576.0635213815,
    damage: 10816227526,
  },
  'mm-hunter/20': {
    first: 1724592.387367228,
    min: 1556865.4867910587,
    max: 2273535.7099722214,
    damage: 13794752083,
  },
};

/** Default configs (raid buffs, flask, potion and augment rune); 20 targets pin the area soft cap. */
const GOLDEN: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 525469.3630489167,
    min: 501705.9792148355,
    max: 580904.0803048611,
    damage: 4030538730,
  },
  'bm-hunter/4': {
    first: 792135.449098326,
    min: 730324.1272748082,
    max: 864908.6251537316,
    damage: 5826924503,
  },
  'mm-hunter/1': {
    first: 636559.6270312213,
    min: 495620.49196827575,
    max: 792458.8395324454,
    damage: 4699773329,
  },
  'mm-hunter/4': {
    first: 1237014.9844328035,
    min: 919228.3985984277,
    max: 1528226.1577069645,
    damage: 8816094485,
  },
  'bm-hunter/20': {
    first: 1848623.7374794343,
    min: 1588560.079039306,
    max: 1941957.797893959,
    damage: 12889866015,
  },
  'mm-hunter/20': {
    first: 2170784.6865149764,
    min: 1654027.3974206273,
    max: 2743086.0821065675,
    damage: 16291621821,
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
