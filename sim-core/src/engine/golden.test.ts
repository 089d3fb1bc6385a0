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
    first: 91636.25885012026,
    min: 80909.16681172204,
    max: 92836.84476416135,
    damage: 644144810,
  },
  'bm-hunter/4': {
    first: 152405.13991158735,
    min: 145831.6999146407,
    max: 162386.99342322812,
    damage: 1129132251,
  },
  'mm-hunter/1': {
    first: 97359.84210644936,
    min: 90039.37557731388,
    max: 102452.08414275407,
    damage: 716296157,
  },
  'mm-hunter/4': {
    first: 206982.5170884996,
    min: 197993.57778576887,
    max: 210929.19525149377,
    damage: 1497126851,
  },
};

/** Every raid buff on, no flask or potion: the table from before consumables, unchanged. */
const GOLDEN_NO_CONSUMABLES: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 105832.01272421109,
    min: 93436.28135040168,
    max: 107216.14688951979,
    damage: 743854486,
  },
  'bm-hunter/4': {
    first: 176538.79886280582,
    min: 168948.40899750244,
    max: 188089.74905390013,
    damage: 1307946854,
  },
  'mm-hunter/1': {
    first: 111792.42664743439,
    min: 103354.91963790875,
    max: 117636.76527723817,
    damage: 822593758,
  },
  'mm-hunter/4': {
    first: 238881.05824739448,
    min: 228472.836225109,
    max: 243502.94015364675,
    damage: 1727630038,
  },
  'bm-hunter/20': {
    first: 434054.554411135,
    min: 409447.3458565864,
    max: 438901.1600155409,
    damage: 3122297252,
  },
  'mm-hunter/20': {
    first: 397554.91018677416,
    min: 389554.34990197566,
    max: 421306.8657379142,
    damage: 2980341451,
  },
};

/** Default configs (raid buffs, flask, potion and augment rune); 20 targets pin the area soft cap. */
const GOLDEN: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 114753.2816680565,
    min: 109188.84893918253,
    max: 122796.29239052007,
    damage: 844490488,
  },
  'bm-hunter/4': {
    first: 195362.83641725883,
    min: 193663.70612379373,
    max: 216961.3994190672,
    damage: 1467380683,
  },
  'mm-hunter/1': {
    first: 124155.13427713151,
    min: 118928.06176989555,
    max: 131357.91382213094,
    damage: 923749835,
  },
  'mm-hunter/4': {
    first: 260819.17904368797,
    min: 252023.2594209727,
    max: 272951.80756220163,
    damage: 1935836548,
  },
  'bm-hunter/20': {
    first: 484996.6772809082,
    min: 460258.62559680094,
    max: 504534.54330169654,
    damage: 3509433739,
  },
  'mm-hunter/20': {
    first: 434935.4098181198,
    min: 434935.4098181198,
    max: 466371.9910915676,
    damage: 3318444842,
  },
};

function run(key: string, raid: boolean, consumables = raid) {
  const [spec, targets] = key.split('/') as [string, string];
  const c = specs.find((s) => s.id === spec)!.defaultConfig();
  if (targets !== '1') {
    c.fight.style = 'cleave';
    c.fight.targets = Number(targets);
  }
  if (!consumables) c.consumables = { flask: 'none', potion: 'none', augmentRune: 'none' };
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
