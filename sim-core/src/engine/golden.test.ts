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
    first: 527348.0387264198,
    min: 482639.711743629,
    max: 596505.8676085223,
    damage: 3949428609,
  },
  'bm-hunter/4': {
    first: 879511.3638924753,
    min: 797907.6621694581,
    max: 961071.5591891335,
    damage: 6449527429,
  },
  'mm-hunter/1': {
    first: 649542.150559099,
    min: 493050.2757035677,
    max: 718273.8244189123,
    damage: 4442746274,
  },
  'mm-hunter/4': {
    first: 1150885.9875913183,
    min: 932532.7748478587,
    max: 1416902.0924682245,
    damage: 8314906680,
  },
};

/** Every raid buff on, no flask or potion: the table from before consumables, unchanged. */
const GOLDEN_NO_CONSUMABLES: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 612895.9171123253,
    min: 560641.4147107372,
    max: 693387.9090143961,
    damage: 4590063811,
  },
  'bm-hunter/4': {
    first: 1022018.439159146,
    min: 921413.643860027,
    max: 1116753.2712873823,
    damage: 7490119164,
  },
  'mm-hunter/1': {
    first: 742236.1094565487,
    min: 564110.0011506088,
    max: 820802.3372203594,
    damage: 5073580029,
  },
  'mm-hunter/4': {
    first: 1314122.0294343971,
    min: 1065519.4168599849,
    max: 1615838.4451721522,
    damage: 9484339762,
  },
  'bm-hunter/20': {
    first: 1713583.732843082,
    min: 1677581.2249696879,
    max: 1976549.5550498604,
    damage: 13344011490,
  },
  'mm-hunter/20': {
    first: 2579950.5681141317,
    min: 1978613.3878664707,
    max: 3200056.060868414,
    damage: 19380334757,
  },
};

/** Default configs (raid buffs, flask, potion and augment rune); 20 targets pin the area soft cap. */
const GOLDEN: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 763888.4731912592,
    min: 673378.035786457,
    max: 844289.5453552253,
    damage: 5502956746,
  },
  'bm-hunter/4': {
    first: 1211535.5759540743,
    min: 1127146.9643681713,
    max: 1296320.887817661,
    damage: 8912795784,
  },
  'mm-hunter/1': {
    first: 851109.6078740716,
    min: 660826.354851747,
    max: 969801.4027917288,
    damage: 5709277623,
  },
  'mm-hunter/4': {
    first: 1344206.984149471,
    min: 1344206.984149471,
    max: 1943121.430756861,
    damage: 11762543927,
  },
  'bm-hunter/20': {
    first: 2184621.416083635,
    min: 1939852.9881986277,
    max: 2228780.081172382,
    damage: 15748060368,
  },
  'mm-hunter/20': {
    first: 2750477.7149222926,
    min: 2194627.914428118,
    max: 3910686.8060583565,
    damage: 22979379836,
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
