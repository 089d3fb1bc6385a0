import { describe, expect, it } from 'vitest';
import { specs } from '@wowlab/sim-core';
import {
  comparisonLayout,
  runProgress,
  stopReasonText,
  variantSummary,
  type VariantResult,
} from './variants';
import type { JobChunkSummary } from '$lib/api/types';

const v = (name: string, delta: number, deltaError: number): VariantResult => ({
  name,
  dps: 10_000 + delta,
  dpsError: 50,
  delta,
  deltaError,
  deltaFraction: delta / 10_000,
  iterations: 1000,
});

describe('comparisonLayout', () => {
  it('puts the base at zero and orders variants by their difference', () => {
    const l = comparisonLayout(10_000, [v('worse', -200, 20), v('better', 300, 30)], 600, 200);
    expect(l.bars.map((b) => b.name)).toEqual(['better', 'Base', 'worse']);
    const base = l.bars[1]!;
    expect(base.width).toBe(0);
    expect(base.x).toBeCloseTo(l.zero);
    // one scale: every whisker inside the plot, the extremes at its edges
    expect(Math.min(...l.bars.map((b) => b.whiskerFrom))).toBeCloseTo(200);
    expect(Math.max(...l.bars.map((b) => b.whiskerTo))).toBeCloseTo(600);
    const better = l.bars[0]!;
    expect(better.x).toBeCloseTo(l.zero);
    expect(better.x + better.width).toBeGreaterThan(l.zero);
    const worse = l.bars[2]!;
    expect(worse.x + worse.width).toBeCloseTo(l.zero);
  });

  it('calls a difference within its error the same', () => {
    const l = comparisonLayout(10_000, [v('noise', 10, 40), v('up', 100, 40), v('down', -100, 40)]);
    const verdict = Object.fromEntries(l.bars.map((b) => [b.name, b.verdict]));
    expect(verdict).toEqual({ noise: 'same', up: 'better', down: 'worse', Base: 'same' });
  });

  it('draws an all-zero comparison without dividing by zero', () => {
    const l = comparisonLayout(10_000, [v('identical', 0, 0)]);
    for (const b of l.bars) {
      expect(Number.isFinite(b.x)).toBe(true);
      expect(b.width).toBe(0);
    }
  });
});

describe('variantSummary', () => {
  const base = specs[0]!.defaultConfig();
  it('says what a variant changes, and when it changes nothing', () => {
    expect(variantSummary(base, structuredClone(base))).toBe('same as the base');
    const other = structuredClone(base);
    other.player.stats.agility += 500;
    other.player.talents = [...base.player.talents.slice(1), 'extra_talent'];
    other.fight.durationSeconds = 120;
    other.rotation = 'actions=kill_command';
    const text = variantSummary(base, other);
    expect(text).toContain(`agility ${base.player.stats.agility} → ${base.player.stats.agility + 500}`);
    expect(text).toContain('+extra_talent');
    expect(text).toContain(`−${base.player.talents[0]}`);
    expect(text).toContain(`durationSeconds ${base.fight.durationSeconds} → 120`);
    expect(text).toContain('its own rotation');
  });
});

describe('stopReasonText', () => {
  it('says why a smart sim run stopped in the player’s words', () => {
    expect(stopReasonText('target', 0.001)).toBe('reached ±0.1 %');
    expect(stopReasonText('eliminated', 0.001)).toBe('clearly below the best: stopped early');
    expect(stopReasonText('cap', 0.001)).toBe('ran every iteration (the cap)');
    expect(stopReasonText(undefined, null)).toBe('');
  });
});

describe('runProgress', () => {
  const chunk = (variant: number, status: JobChunkSummary['status'], extra: Partial<JobChunkSummary> = {}) =>
    ({ node_id: null, status, iterations: 1000, variant, ...extra }) as JobChunkSummary;

  it('counts each run from its original chunks, copies left out', () => {
    const p = runProgress(
      [
        chunk(0, 'completed'),
        chunk(0, 'running'),
        chunk(1, 'completed'),
        chunk(1, 'completed', { replica_role: 'replica' }),
        chunk(1, 'pending'),
        chunk(2, 'pending'),
      ],
      ['Crit', 'Haste'],
    );
    expect(p).toEqual([
      { name: 'Base', done: 1000, total: 2000, stopped: false },
      { name: 'Crit', done: 1000, total: 2000, stopped: false },
      { name: 'Haste', done: 0, total: 1000, stopped: false },
    ]);
  });

  it("a smart sim's stopped run counts only what it kept, and is stopped once that is in", () => {
    const p = runProgress(
      [
        chunk(0, 'completed'),
        chunk(0, 'pending'),
        chunk(1, 'completed'),
        chunk(1, 'completed'),
        chunk(1, 'failed'),
        chunk(1, 'failed'),
        chunk(2, 'completed'),
        chunk(2, 'running'),
        chunk(2, 'failed'),
      ],
      ['Eliminated', 'Stopping'],
    );
    expect(p.map((r) => [r.name, r.done, r.total, r.stopped])).toEqual([
      ['Base', 1000, 2000, false],
      ['Eliminated', 2000, 2000, true],
      ['Stopping', 1000, 2000, false],
    ]);
  });

  it('a chunk without a variant is the base, and an unknown variant is ignored', () => {
    const p = runProgress(
      [{ node_id: null, status: 'completed', iterations: 500 }, chunk(5, 'completed')],
      [],
    );
    expect(p).toEqual([{ name: 'Base', done: 500, total: 500, stopped: false }]);
  });
});
