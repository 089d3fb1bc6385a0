import { describe, expect, it } from 'vitest';
import { APL_LIMITS } from '@wowlab/sim-core';
import { checkRotation, countOf } from './check';

describe('checkRotation (what the rotation editor lists)', () => {
  it('lists every bad line at once, in text order, each with its line, column and reason', () => {
    const r = checkRotation(
      ['actions=kill_command', 'actions+=/not_a_spell', 'bogus line', 'actions+=/cobra_shot,x=1'].join('\n'),
      'bm-hunter',
    );
    expect(r.errors.map((e) => [e.line, e.column])).toEqual([
      [2, 11],
      [3, 1],
      [4, 22],
    ]);
    expect(r.errors[0]!.message).toMatch(/^unknown action 'not_a_spell'/);
    // the reason alone: the editor shows the position itself
    for (const e of r.errors) expect(e.message).not.toMatch(/^line \d+/i);
    expect(r.warnings).toEqual([]);
    expect(r.capped).toBe(false);
  });

  it('lists the warnings of a rotation that parses, with their line and reason', () => {
    const r = checkRotation(
      ['actions.precombat=summon_pet', 'actions=auto_shot', 'actions+=/steady_shot'].join('\n'),
      'mm-hunter',
    );
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([
      { line: 1, column: expect.any(Number), message: expect.stringMatching(/^summon_pet is not modelled/) },
      { line: 2, column: expect.any(Number), message: expect.stringMatching(/^auto_shot is not modelled/) },
    ]);
  });

  it('says when sim-core stopped counting problems', () => {
    const bad = Array.from({ length: APL_LIMITS.maxReportedProblems + 5 }, () => 'actions+=/nope');
    const r = checkRotation(['actions=kill_command', ...bad].join('\n'), 'bm-hunter');
    expect(r.errors).toHaveLength(APL_LIMITS.maxReportedProblems);
    expect(r.capped).toBe(true);
  });

  it('counts in words', () => {
    expect(countOf(1, 'problem')).toBe('1 problem');
    expect(countOf(3, 'warning')).toBe('3 warnings');
  });
});
