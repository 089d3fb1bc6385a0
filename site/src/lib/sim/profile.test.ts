import { describe, expect, it } from 'vitest';
import { exportProfile, specs } from '@wowlab/sim-core';
import { readProfile } from './profile';

describe('readProfile', () => {
  it('a copied profile loads back to the same config, with nothing ignored', () => {
    const config = specs.find((s) => s.id === 'mm-hunter')!.defaultConfig();
    const r = readProfile(exportProfile(config));
    expect(r).toMatchObject({ ok: true, name: 'wowlab', ignored: [] });
    if (r.ok) expect(r.config).toEqual(config);
  });

  it('lists ignored lines and reports errors in words with their line', () => {
    const r = readProfile('spec=beast_mastery\nrole=attack\niterations=5000');
    expect(r).toMatchObject({
      ok: true,
      iterations: 5000,
      ignored: ['Line 2 (role=attack) ignored: the role follows the spec.'],
    });
    expect(readProfile('spec=beast_mastery\nnope=1')).toEqual({
      ok: false,
      problems: ['Line 2: unknown option "nope".'],
    });
    const bad = readProfile('gear_agility=-5');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]).toMatch(/^Agility must be between/);
  });

  it('turns profilesets into named variants of the base', () => {
    const r = readProfile(
      'spec=beast_mastery\ngear_agility=10000\nprofileset."More agility"+=gear_agility=11000\nprofileset."Long fight"+=max_time=600',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.variants.map((v) => v.name)).toEqual(['More agility', 'Long fight']);
    expect(r.variants[0]!.config.player.stats.agility).toBe(11000);
    expect(r.variants[0]!.config.fight).toEqual(r.config.fight);
    expect(r.variants[1]!.config.fight.durationSeconds).toBe(600);
    expect(r.variants[1]!.config.player).toEqual(r.config.player);
    expect(r.ignored).toEqual([]);
  });
});
