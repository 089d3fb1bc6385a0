import { describe, expect, it } from 'vitest';
import { simulate } from '../engine/run.ts';
import { specs } from '../specs/registry.ts';
import { ConfigError } from '../config/parse-config.ts';
import { applyVariant, checkVariants, MAX_VARIANTS, VariantError } from './variant.ts';
import { compareVariants, runSamples } from './compare.ts';

const base = specs[0]!.defaultConfig();
const opts = { seed: 7, seedOffset: 0, iterations: 60 };

describe('variants', () => {
  it('applies overrides and validates them', () => {
    const v = applyVariant(base, {
      name: 'crit',
      overrides: { stats: { crit: base.player.stats.crit + 500 } },
    });
    expect(v.player.stats.crit).toBe(base.player.stats.crit + 500);
    expect(v.player.stats.haste).toBe(base.player.stats.haste);
    expect(() => applyVariant(base, { name: 'bad', overrides: { fight: { targets: 999 } } })).toThrow(
      ConfigError,
    );
  });

  it('limits count and names', () => {
    expect(() =>
      checkVariants([
        { name: 'a', overrides: {} },
        { name: 'a', overrides: {} },
      ]),
    ).toThrow(VariantError);
    const many = Array.from({ length: MAX_VARIANTS + 1 }, (_, i) => ({ name: `v${i}`, overrides: {} }));
    expect(() => checkVariants(many)).toThrow(VariantError);
  });

  it('same seeds: identical variant has delta exactly 0; paired error far below own error', () => {
    const b = simulate(base, opts).samples;
    const same = simulate(applyVariant(base, { name: 'same', overrides: {} }), opts).samples;
    const up = simulate(
      applyVariant(base, { name: 'agi', overrides: { stats: { agility: base.player.stats.agility + 200 } } }),
      opts,
    ).samples;
    const rows = compareVariants({ samples: b }, [
      { name: 'agi', samples: up },
      { name: 'same', samples: same },
    ]);
    const sameRow = rows.find((r) => r.name === 'same')!;
    expect(sameRow.delta).toBe(0);
    expect(sameRow.deltaError).toBe(0);
    const agi = rows.find((r) => r.name === 'agi')!;
    expect(agi.delta).toBeGreaterThan(0);
    expect(agi.deltaError).toBeLessThan(agi.dpsError / 3);
    expect(rows[0]!.name).toBe('agi');
  });
});

describe('runSamples', () => {
  it('lays the chunks’ samples end to end in the order given', () => {
    expect([
      ...runSamples([{ samples: [1, 2] }, { samples: new Float64Array([3]) }, { samples: [] }]),
    ]).toEqual([1, 2, 3]);
  });
});
