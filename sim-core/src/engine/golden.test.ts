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

const GOLDEN: Record<string, { first: number; min: number; max: number; damage: number }> = {
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
    first: 98193.68361403656,
    min: 94948.67104684748,
    max: 107869.91175001388,
    damage: 742288096,
  },
  'mm-hunter/4': {
    first: 203558.41964783042,
    min: 201159.02034175076,
    max: 219941.1444746628,
    damage: 1537093998,
  },
};

describe(`golden seeds (engine ${ENGINE_VERSION})`, () => {
  it('is still engine version 0.1.0 (update GOLDEN when bumping it)', () => {
    expect(ENGINE_VERSION).toBe('0.1.0');
  });

  for (const key of Object.keys(GOLDEN)) {
    it(`${key}: seed 20261127, iterations 500..524 reproduce exactly`, () => {
      const [spec, targets] = key.split('/') as [string, string];
      const c = specs.find((s) => s.id === spec)!.defaultConfig();
      if (targets !== '1') {
        c.fight.style = 'cleave';
        c.fight.targets = Number(targets);
      }
      const r = simulate(c, { seed: 20261127, seedOffset: 500, iterations: 25 });
      const damage = Object.values(r.abilities).reduce((a, b) => a + b.damage, 0);
      expect({ first: r.samples[0], min: r.min, max: r.max, damage }).toEqual(GOLDEN[key]);
    });
  }
});
