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
    first: 71982.00837763089,
    min: 66446.92542814762,
    max: 77023.29355745102,
    damage: 526464283,
  },
  'bm-hunter/4': {
    first: 115080.83995247738,
    min: 113811.26874106812,
    max: 130515.77322996655,
    damage: 881813917,
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

/** Default configs (every raid buff on); 20 targets pin the area soft cap. */
const GOLDEN: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 83035.358625064,
    min: 76616.43985705938,
    max: 88841.6924649846,
    damage: 607455920,
  },
  'bm-hunter/4': {
    first: 135901.42921996594,
    min: 131664.4633550282,
    max: 150984.8109637359,
    damage: 1021025448,
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
    first: 316270.9142950974,
    min: 297160.5925340241,
    max: 331210.0819340853,
    damage: 2305649849,
  },
  'mm-hunter/20': {
    first: 397554.91018677416,
    min: 389554.34990197566,
    max: 421306.8657379142,
    damage: 2980341451,
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
