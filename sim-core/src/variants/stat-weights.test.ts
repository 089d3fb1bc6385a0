import { describe, expect, it } from 'vitest';
import { simulate } from '../engine/run.ts';
import { specs } from '../specs/registry.ts';
import type { SimConfig } from '../types.ts';
import { compareVariants } from './compare.ts';
import {
  isStatWeightVariants,
  pawnString,
  SCALE_DELTA,
  statWeights,
  statWeightVariantName,
  statWeightVariants,
  WEIGHED_STATS,
} from './stat-weights.ts';

const base = (): SimConfig => {
  const c = specs.find((s) => s.id === 'bm-hunter')!.defaultConfig();
  c.fight.durationSeconds = 60;
  return c;
};

function samples(config: SimConfig, iterations: number): number[] {
  return [...simulate(config, { seed: 11, seedOffset: 0, iterations }).samples];
}

describe('stat weights', () => {
  it('uses SimulationCraft’s default delta: the rating of 3.5 % haste at level 80', () => {
    expect(SCALE_DELTA).toBe(2310);
  });

  it('builds one variant per stat that raises only that stat by the delta', () => {
    const b = base();
    const variants = statWeightVariants(b);
    expect(variants.map((v) => v.name)).toEqual(WEIGHED_STATS.map(statWeightVariantName));
    for (const [k, stat] of WEIGHED_STATS.entries()) {
      const v = variants[k]!.config;
      expect(v.player.stats[stat]).toBe(b.player.stats[stat] + SCALE_DELTA);
      expect({ ...v.player.stats, [stat]: b.player.stats[stat] }).toEqual(b.player.stats);
      expect({ ...v, player: b.player }).toEqual(b);
    }
  });

  it('turns paired differences into weights per point, normalised to agility', () => {
    const deltas = { agility: 2310, crit: 1155, haste: 462, mastery: 0, versatility: -231 };
    const comparison = WEIGHED_STATS.map((stat) => ({
      name: statWeightVariantName(stat),
      delta: deltas[stat],
      deltaError: 23.1,
    }));
    const w = statWeights(comparison)!;
    expect(w.map((x) => [x.stat, x.weight, x.normalized])).toEqual([
      ['agility', 1, 1],
      ['crit', 0.5, 0.5],
      ['haste', 0.2, 0.2],
      ['mastery', 0, 0],
      ['versatility', -0.1, -0.1],
    ]);
    expect(w[1]!.error).toBeCloseTo(0.01);
    expect(w[1]!.normalizedError).toBeCloseTo(0.01);
    // anything else is not a stat-weight comparison
    expect(statWeights(comparison.slice(1))).toBeNull();
    expect(statWeights([...comparison.slice(1), { name: 'Agility +1', delta: 1, deltaError: 0 }])).toBeNull();
  });

  it('on a real sim more agility and more crit are worth DPS, agility exactly 1.00', () => {
    const b = base();
    const n = 200;
    const variants = statWeightVariants(b).map((v) => ({ name: v.name, samples: samples(v.config, n) }));
    const w = statWeights(compareVariants({ samples: samples(b, n) }, variants))!;
    const by = Object.fromEntries(w.map((x) => [x.stat, x]));
    expect(by.agility!.normalized).toBe(1);
    expect(by.agility!.weight).toBeGreaterThan(0);
    // more crit chance, same random draws: at least as many critical strikes
    expect(by.crit!.weight).toBeGreaterThan(0);
    expect(by.crit!.weight - by.crit!.error).toBeGreaterThan(0);
  });

  it('writes a Pawn scale that reads back to the weights', () => {
    const weights = statWeights(
      WEIGHED_STATS.map((stat, k) => ({
        name: statWeightVariantName(stat),
        delta: 2310 - 400 * k,
        deltaError: 1,
      })),
    )!;
    const text = pawnString(weights, { name: 'Vex "BM" (raid)', spec: 'bm-hunter' });
    const m = /^\( Pawn: v1: "([^"]+)": (.*) \)$/.exec(text)!;
    expect(m[1]).toBe('Vex BM raid');
    const fields = Object.fromEntries(m[2]!.split(', ').map((kv) => kv.split('=') as [string, string]));
    expect(fields).toEqual({
      Class: 'Hunter',
      Spec: 'BeastMastery',
      Agility: '1.00',
      CritRating: '0.83',
      HasteRating: '0.65',
      MasteryRating: '0.48',
      Versatility: '0.31',
    });
    expect(pawnString(weights, { name: '', spec: 'mm-hunter' })).toContain(
      '"wowlab": Class=Hunter, Spec=Marksmanship',
    );
  });
});

describe('isStatWeightVariants', () => {
  it('knows a stat-weights job by its variants, in any order, and nothing else', () => {
    const names = WEIGHED_STATS.map(statWeightVariantName);
    expect(isStatWeightVariants(names)).toBe(true);
    expect(isStatWeightVariants([...names].reverse())).toBe(true);
    expect(isStatWeightVariants(names.slice(1))).toBe(false);
    expect(isStatWeightVariants([...names.slice(1), 'talent swap'])).toBe(false);
    expect(isStatWeightVariants([])).toBe(false);
  });
});
