import { describe, expect, it } from 'vitest';
import { exportProfile, specs } from '@wowlab/sim-core';
import { readProfile } from './profile';
import { formFromConfig, tierSetChoice } from './builder';

describe('readProfile', () => {
  it('a copied profile loads back to the same config, with nothing ignored', () => {
    const config = specs.find((s) => s.id === 'mm-hunter')!.defaultConfig();
    const r = readProfile(exportProfile(config));
    expect(r).toMatchObject({ ok: true, name: 'wowlab', ignored: [], warnings: [] });
    if (r.ok) expect(r.config).toEqual(config);
  });

  it('a pasted character’s set pieces set the tier set select, and the warning says what was found', () => {
    const pieces = ['head=,id=237646', 'shoulders=,id=237644', 'chest=,id=237649', 'legs=,id=237645'];
    const r = readProfile(['hunter="Vex"', 'spec=marksmanship', ...pieces].join('\n'));
    if (!r.ok) throw new Error('not loaded');
    expect(tierSetChoice(formFromConfig(r.config).setBonuses)).toBe('4');
    expect(r.warnings).toContain(
      "Line 3 (head=,id=237646): 4 pieces of Midnight Herald's Pledge (the TWW3 hunter set) on lines 3, 4, 5, 6: " +
        "2- and 4-piece bonuses on. The items' stats are not read: they come from gear_*= lines or the Gear Summary.",
    );
    expect(r.ignored).toEqual([]);
    const off = readProfile(['spec=marksmanship', ...pieces, 'set_bonus=tww3_4pc=0'].join('\n'));
    if (!off.ok) throw new Error('not loaded');
    expect(tierSetChoice(formFromConfig(off.config).setBonuses)).toBe('2');
  });

  it("a guest's whole SimulationCraft file loads: SimC's own settings are listed as ignored, a second character is an error", () => {
    const file = [
      'hunter="Vex"',
      'spec=marksmanship',
      'threads=8',
      'report_details=1',
      'fixed_time=1',
      'apikey=abcdef0123',
      'iterations=5000',
    ].join('\n');
    const r = readProfile(file);
    if (!r.ok) throw new Error(r.problems.join(' '));
    expect(r.iterations).toBe(5000);
    expect(r.ignored).toEqual([
      expect.stringMatching(/^Line 3 \(threads=8\) ignored: a SimulationCraft run setting/),
      expect.stringMatching(
        /^Line 4 \(report_details=1\) ignored: a SimulationCraft report or output setting/,
      ),
      expect.stringMatching(/^Line 6 \(apikey=…\) ignored: /),
    ]);
    expect(JSON.stringify(r)).not.toContain('abcdef0123');
    const twice = readProfile(file + '\nhunter="Twin"\nspec=beast_mastery');
    expect(twice).toMatchObject({
      ok: false,
      problems: [
        expect.stringMatching(
          /^Line 8: a second character \(hunter="Twin"\): a profile here holds one character/,
        ),
      ],
    });
  });

  it('a pasted character’s items: their modelled effects reach the config and are said as warnings, not as ignored', () => {
    const r = readProfile(
      [
        'spec=marksmanship',
        'head=,id=237646,gem_id=213743',
        'neck=,id=185842,gem_id=213458/213491',
        'main_hand=,id=185783,ilevel=723,enchant_id=7439',
      ].join('\n'),
    );
    if (!r.ok) throw new Error(r.problems.join(' '));
    expect(r.config.gear).toMatchObject({ weaponEnchant: 'councils_guile_3', blasphemiteColours: 2 });
    expect(r.warnings).toContainEqual(
      expect.stringMatching(/^Line 2 \(head=,id=237646,gem_id=213743\): Culminating Blasphemite is modelled/),
    );
    expect(r.warnings).toContainEqual(
      expect.stringMatching(/^Line 4 .*its enchant Council's Guile \(rank 3\) is modelled/),
    );
    expect(r.ignored.some((x) => /modelled/.test(x) && !/not modelled/.test(x))).toBe(false);
    // the builder keeps them
    expect(formFromConfig(r.config).gear.weaponEnchant).toBe('councils_guile_3');
  });

  it('lists ignored lines and reports errors in words with their line', () => {
    const r = readProfile('spec=beast_mastery\nrole=attack\niterations=5000');
    expect(r).toMatchObject({
      ok: true,
      iterations: 5000,
      ignored: ['Line 2 (role=attack) ignored: the role follows the spec.'],
    });
    // the warnings of the lines read come with the problems (here: the stats it does not give)
    const noStats = expect.stringMatching(/^Line 1 \(spec=beast_mastery\): no gear_/);
    expect(readProfile('spec=beast_mastery\nnope=1')).toEqual({
      ok: false,
      problems: ['Line 2: unknown option "nope".'],
      warnings: [noStats],
    });
    // a value out of range: named by the option and line that set it, its bounds readable
    expect(readProfile('spec=beast_mastery\ngear_crit_rating=-5')).toEqual({
      ok: false,
      problems: ['Line 2: gear_crit_rating: must be between 0 and 200,000 (you entered -5).'],
      warnings: [noStats],
    });
  });

  it('lists every bad rotation line at once, with its line in the pasted text and its column', () => {
    const r = readProfile(
      [
        'spec=marksmanship', // 1
        'level=70', // 2: an option's problem
        'actions=steady_shot', // 3
        'actions+=/not_a_spell', // 4
        'actions+=/aimed_shot,bogus=1', // 5
        'actions+=/steady_shot,if=talent.not_a_talent', // 6
      ].join('\n'),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(4);
    expect(r.problems[0]).toMatch(/^Line 2: level/);
    expect(r.problems[1]).toBe("Line 4, column 11: unknown action 'not_a_spell'.");
    expect(r.problems[2]).toMatch(
      /^Line 5, column 22: unknown option 'bogus' for an action \(allowed: .*\)\.$/,
    );
    expect(r.problems[3]).toBe("Line 6, column 33: unknown talent 'not_a_talent'.");
    for (const p of r.problems) expect(p).not.toMatch(/config\.|ConfigError|RotationError/);
  });

  it('lists the rotation’s warnings apart from the ignored lines, each with its line and why', () => {
    const r = readProfile(
      [
        'hunter="Vex"', // 1
        'spec=marksmanship', // 2
        'role=attack', // 3: ignored
        'actions.precombat=summon_pet', // 4
        'actions=auto_shot', // 5
        'actions+=/aimed_shot,if=talent.lunar_storm|!talent.unload', // 6
        'actions+=/steady_shot', // 7
      ].join('\n'),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.ignored).toEqual(['Line 3 (role=attack) ignored: the role follows the spec.']);
    expect(r.warnings).toEqual([
      expect.stringMatching(
        /^Line 2 \(spec=marksmanship\): no gear_agility, .* in this profile .*'s values\.$/,
      ),
      'Line 4 (actions.precombat=summon_pet): summon_pet is not modelled (a pet is out from the pull: Beast Mastery, or Marksmanship with Unbreakable Bond); ignored.',
      'Line 5 (actions=auto_shot): auto_shot is not modelled (auto shots always run); ignored.',
      expect.stringMatching(
        /^Line 6 \(actions\+=\/aimed_shot,if=talent\.lunar_storm\|!talent\.unload\): .*talent\.unload reads 0\.$/,
      ),
    ]);
    // the lines warned about are kept: the rotation runs as written
    expect(r.config.rotation).toContain('actions.precombat=summon_pet');
  });

  it('turns profilesets into named variants of the base', () => {
    const r = readProfile(
      'spec=beast_mastery\ngear_agility=10000\nprofileset."More agility"+=gear_agility=11000\nprofileset."Long fight"+=max_time=600',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.variants.map((v) => v.name)).toEqual(['More agility', 'Long fight']);
    expect(r.variants[0]!.config.player.stats.agility).toBe(17_647 + 11_000); // the items' + the level-80 base
    expect(r.variants[0]!.config.fight).toEqual(r.config.fight);
    expect(r.variants[1]!.config.fight.durationSeconds).toBe(600);
    expect(r.variants[1]!.config.player).toEqual(r.config.player);
    expect(r.ignored).toEqual([]);
  });
});
