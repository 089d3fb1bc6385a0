// Test data only.
/**
 * What a pasted profile is told: its problems, every one at once at the pasted text's line (and,
 * in the rotation, column), never a config path; and its warnings, with the problems too.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config/parse-config.ts';
import { ENGINE_VERSION } from '../version.ts';
import { parseProfile, ProfileError } from './profile.ts';
import { problemsOf } from './test-support.ts';

describe('a pasted profile’s problems and warnings', () => {
  it('reports anything else as a line-numbered error, all at once', () => {
    expect(
      problemsOf('spec=survival\nbogus_option=1\nnot a line\nfight_style=DungeonSlice\nlevel=70'),
    ).toEqual([
      { line: 1, message: expect.stringMatching(/spec=survival is not modelled/) },
      { line: 2, message: 'unknown option "bogus_option"' },
      { line: 3, message: expect.stringMatching(/not a key=value line/) },
      { line: 4, message: expect.stringMatching(/DungeonSlice is not modelled/) },
      { line: 5, message: expect.stringMatching(/only level 80/) },
    ]);
    expect(problemsOf('gear_agility=lots')[0]).toEqual({
      line: 1,
      message: 'gear_agility must be a number (got "lots")',
    });
    expect(problemsOf('actions=kill_command\nspec=beast_mastery\nactions+=/cobra_shot')[0]!.line).toBe(3);
  });

  it("an option named as one of Object's own members is an unknown option, never a config path", () => {
    expect(
      problemsOf(
        'spec=beast_mastery\nconstructor=1\n__proto__=1\ntoString=2\nspec=constructor\noverride.constructor=1',
      ),
    ).toEqual([
      { line: 2, message: 'unknown option "constructor"' },
      { line: 3, message: 'unknown option "__proto__"' },
      { line: 4, message: 'unknown option "tostring"' },
      { line: 5, message: expect.stringMatching(/^spec=constructor is not modelled/) },
      { line: 6, message: 'unknown option "override.constructor"' },
    ]);
    // a talent key the spec does not have: at the talents= line
    expect(problemsOf('spec=beast_mastery\nmax_time=300\ntalents=killer_instinct/constructor')).toEqual([
      { line: 3, message: 'talents: unknown talent "constructor" for Beast Mastery' },
    ]);
  });

  it('a value out of range is named by the option and line that set it, never by a config path', () => {
    const problems = problemsOf('spec=beast_mastery\nmax_time=300\ngear_crit_rating=-5\ngear_agility=-20000');
    expect(problems).toEqual([
      { line: 3, message: 'gear_crit_rating: must be between 0 and 200000 (you entered -5)' },
      // gear_agility is the items': what is checked is the sheet it gives (+ 17647 base here)
      {
        line: 4,
        message:
          "gear_agility: must be between 0 and 1000000 (the character sheet's agility it gives: -2353)",
      },
    ]);
    expect(problemsOf('max_time=1\nprofileset."short"+=max_time=99999')).toEqual([
      expect.objectContaining({ line: 1, message: expect.stringMatching(/^max_time: /) }),
    ]);
    const inSet = problemsOf('spec=beast_mastery\nprofileset."short"+=max_time=99999');
    expect(inSet).toEqual([
      { line: 2, message: expect.stringMatching(/^profileset "short": max_time: must be between/) },
    ]);
    for (const p of [...problems, ...inSet])
      expect(p.message).not.toMatch(/config\.|durationSeconds|stats\./);
    // nothing but ProfileError comes out of a pasted profile
    expect(() => parseProfile('gear_agility=-20000', ENGINE_VERSION)).not.toThrow(ConfigError);
  });

  it('reports every bad rotation line at once, by the pasted text’s line and column, in text order', () => {
    const text = [
      'hunter="Paste"', // 1
      'spec=beast_mastery', // 2
      'level=70', // 3: an option's problem
      '', // 4
      '# my rotation', // 5
      'actions=kill_command', // 6
      'actions+=/cobra_shot,if=talent.not_a_talent', // 7: misspelt
      'actions+=/barbed_shot', // 8
      'actions+=/bestial_wrath,bogus=1', // 9: unknown option
      'actions+=/not_a_spell', // 10
      '', // 11
      'max_time=300', // 12
    ].join('\n');
    const problems = problemsOf(text);
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [3, undefined],
      [7, 32],
      [9, 25],
      [10, 11],
    ]);
    expect(problems[1]!.message).toBe("unknown talent 'not_a_talent'");
    expect(problems[3]!.message).toMatch(/unknown action 'not_a_spell'/);
    const err = (() => {
      try {
        parseProfile(text, ENGINE_VERSION);
      } catch (e) {
        return e as Error;
      }
    })()!;
    expect(err.message).toMatch(/line 7, column 32: unknown talent 'not_a_talent'/);
    expect(err.message).not.toMatch(/config\.rotation/);
  });

  it('gives the warnings of what it read with the problems, so both are mended in one round', () => {
    const text = [
      'spec=beast_mastery', // 1: no stats given
      'level=70', // 2: a problem
      'actions.precombat=summon_pet', // 3: a warning
      'actions=kill_command', // 4
      'actions+=/not_a_spell', // 5: a problem
      'actions+=/cobra_shot,if=talent.lunar_storm', // 6: a warning (a Sentinel talent)
    ].join('\n');
    let err: unknown;
    try {
      parseProfile(text, ENGINE_VERSION);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ProfileError);
    const e = err as ProfileError;
    expect(e.problems.map((p) => p.line)).toEqual([2, 5]);
    expect(e.warnings.map((w) => [w.line, w.text])).toEqual([
      [1, 'spec=beast_mastery'],
      [3, 'actions.precombat=summon_pet'],
      [6, 'actions+=/cobra_shot,if=talent.lunar_storm'],
    ]);
    expect(e.warnings[1]!.reason).toMatch(/summon_pet is not modelled/);
  });

  it('lists the rotation’s warnings at the pasted text’s lines (no-op actions, talents not taken)', () => {
    const text = [
      'spec=marksmanship', // 1
      'max_time=300', // 2
      'actions.precombat=summon_pet', // 3
      'actions=auto_shot', // 4
      'actions+=/use_items', // 5
      'actions+=/aimed_shot,if=talent.lunar_storm|!talent.unload', // 6
      'actions+=/steady_shot', // 7
      'desired_targets=1', // 8
    ].join('\n');
    const p = parseProfile(text, ENGINE_VERSION);
    // line 1: no stats given, the spec's defaults are used (stats.test.ts)
    expect(p.warnings.map((w) => w.line)).toEqual([1, 3, 4, 5, 6]);
    expect(p.warnings[2]).toEqual({
      line: 4,
      text: 'actions=auto_shot',
      reason: expect.stringMatching(/auto_shot is not modelled \(auto shots always run\)/),
    });
    expect(p.warnings.find((w) => w.line === 6)!.reason).toMatch(/unload/);
    // the rotation still runs as written: its lines are kept
    expect(p.config.rotation).toContain('aimed_shot,if=talent.lunar_storm');
    // a long line is cut for the list, its line number kept
    const long = `spec=marksmanship\nactions=steady_shot,if=${'focus>1&'.repeat(12)}talent.unload`;
    expect(parseProfile(long, ENGINE_VERSION).warnings[1]).toMatchObject({
      line: 2,
      text: `actions=steady_shot,if=${'focus>1&'.repeat(4)}focu…`,
    });
  });
});
