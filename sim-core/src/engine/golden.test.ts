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
    first: 398061.94359748735,
    min: 376464.5526106018,
    max: 458426.73866899736,
    damage: 2984214236,
  },
  'bm-hunter/4': {
    first: 564309.3348444407,
    min: 543967.308847373,
    max: 638240.0482198709,
    damage: 4309126021,
  },
  'mm-hunter/1': {
    first: 485652.2864621735,
    min: 366169.60268593393,
    max: 571313.0043847477,
    damage: 3430519908,
  },
  'mm-hunter/4': {
    first: 847575.844604928,
    min: 653221.1410805341,
    max: 1145263.4435617959,
    damage: 6464379164,
  },
};

/** Every raid buff on, no flask or potion: the table from before consumables, unchanged. */
const GOLDEN_NO_CONSUMABLES: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 462432.3623824411,
    min: 437289.17771024315,
    max: 532696.712292421,
    damage: 3467170842,
  },
  'bm-hunter/4': {
    first: 655811.5355019012,
    min: 632138.5589645487,
    max: 741757.5481371768,
    damage: 5008339787,
  },
  'mm-hunter/1': {
    first: 554937.4671994179,
    min: 418652.6105543279,
    max: 652709.252372759,
    damage: 3921779620,
  },
  'mm-hunter/4': {
    first: 966441.1972091736,
    min: 752436.0696678684,
    max: 1305705.8784407908,
    damage: 7379164387,
  },
  'bm-hunter/20': {
    first: 1526017.8821529418,
    min: 1359838.3276638805,
    max: 1620498.716637949,
    damage: 11033122094,
  },
  'mm-hunter/20': {
    first: 1924395.9798962616,
    min: 1547260.9172023195,
    max: 2414498.0155294584,
    damage: 14199723226,
  },
};

/** Default configs (raid buffs, flask, potion and augment rune); 20 targets pin the area soft cap. */
const GOLDEN: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 533260.2700031231,
    min: 495246.4810547837,
    max: 605298.2869440254,
    damage: 4063852254,
  },
  'bm-hunter/4': {
    first: 845103.2328897675,
    min: 715844.1718567228,
    max: 879748.4809154652,
    damage: 5887344887,
  },
  'mm-hunter/1': {
    first: 556307.6316289373,
    min: 496206.8059738392,
    max: 721136.5046498886,
    damage: 4611337531,
  },
  'mm-hunter/4': {
    first: 1125156.151698869,
    min: 888943.5435452365,
    max: 1444574.649916867,
    damage: 8243811526,
  },
  'bm-hunter/20': {
    first: 1962613.9335263001,
    min: 1646930.6248994775,
    max: 1962613.9335263001,
    damage: 13039835129,
  },
  'mm-hunter/20': {
    first: 2252281.3267694605,
    min: 1696066.5261309287,
    max: 2676104.7901156703,
    damage: 15916141611,
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
