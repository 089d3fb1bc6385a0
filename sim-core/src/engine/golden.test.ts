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
    first: 754702.9547086343,
    min: 726386.0173803235,
    max: 790214.0665888321,
    damage: 5626366916,
  },
  'bm-hunter/4': {
    first: 1142932.396189176,
    min: 1059473.9298600683,
    max: 1169376.689451321,
    damage: 8232860292,
  },
  'mm-hunter/1': {
    first: 693047.8188216583,
    min: 648784.1339898687,
    max: 717787.944976299,
    damage: 5080877418,
  },
  'mm-hunter/4': {
    first: 1244807.0665735104,
    min: 1205339.1696119674,
    max: 1317744.6152707627,
    damage: 9286295441,
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
