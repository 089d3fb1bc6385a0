// The CLI's `sim` on SimulationCraft profile text, as a user runs it: what a profile, its talent
// string and its rotation become, and every problem or warning named by its line.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { specs } from '@wowlab/sim-core';
import { runCli } from '../support/run-cli.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wowlab-node-cli-profile-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('sim of a profile', () => {
  it('runs SimulationCraft profile text: its iterations=, ignored lines listed, the same result', async () => {
    const path = join(dir, 'vex.simc');
    await writeFile(
      path,
      [
        'hunter="Vex"',
        'spec=marksmanship',
        'race=undead',
        'trinket1=,id=1234',
        'gear_agility=42000',
        'iterations=300',
        'actions=aimed_shot',
        'actions+=/steady_shot',
      ].join('\n'),
    );
    const printed = await runCli(['sim', path, '--print-config']);
    expect(printed.code).toBe(0);
    const config = JSON.parse(printed.stdout) as ReturnType<(typeof specs)[number]['defaultConfig']>;
    expect(config.spec).toBe('mm-hunter');
    expect(config.player.stats.agility).toBe(17_646 + 42_000); // the items' agility + an undead's level-80 base
    expect(config.race).toBe('undead'); // every race's racial is modelled: nothing said about it
    expect(printed.stderr).not.toContain('race=undead');
    expect(printed.stderr).toContain('ignored line 4 (trinket1=,id=1234)');
    const r = await runCli(['sim', path, '--seed', '5']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('300 iterations, seed 5');
  });

  it('decodes an in-game talent string (profile or JSON config) and prints what was ignored', async () => {
    // SimulationCraft's profiles/TWW3/TWW3_Hunter_Beast_Mastery.simc (Dark Ranger): data
    const loadout =
      'C0PAAAAAAAAAAAAAAAAAAAAAAYMbDMgBMbsFyYBAAAAAAzY2GmlZGMjZMzyYmZGMjZyMmxMjZGmZYgxMzAzY2WmhZDAAAAAAmB';
    const path = join(dir, 'dr.simc');
    await writeFile(path, ['spec=beast_mastery', 'race=dwarf', `talents=${loadout}`].join('\n'));
    const r = await runCli(['sim', path, '--print-config']);
    expect(r.code).toBe(0);
    const config = JSON.parse(r.stdout) as ReturnType<(typeof specs)[number]['defaultConfig']>;
    expect(config.player.talents).toContain('killer_instinct');
    expect(config.player.talents).not.toContain('wild_call');
    expect(config.race).toBe('dwarf'); // its racials are modelled: the line is taken, not ignored
    expect(r.stderr).not.toContain('ignored line 2');
    expect(r.stderr).toContain('line 3, talents: Beast Mastery (Dark Ranger) loadout, 41 modelled talent(s)');
    expect(r.stderr).toMatch(/ {2}ignored, not modelled yet: Smoke Screen, Shadow Dagger, /);
    expect(r.stderr).toContain(
      '  ignored: Howl of the Pack Leader (a Pack Leader talent, and this loadout uses Dark Ranger)',
    );
    // every BM default is a tree talent now (the weapon enchant is the config's gear): nothing kept
    expect(r.stderr).not.toContain('  kept:');
    expect(config.gear?.weaponEnchant).toBe('authority_of_radiant_power_3'); // the default character's
    expect(r.stderr).not.toContain('ignored line 3');

    const json = join(dir, 'dr.json');
    const base = specs.find((s) => s.id === 'bm-hunter')!.defaultConfig();
    await writeFile(json, JSON.stringify({ ...base, player: { ...base.player, talents: loadout } }));
    const j = await runCli(['sim', json, '--print-config']);
    expect(j.code).toBe(0);
    expect((JSON.parse(j.stdout) as typeof config).player.talents).toEqual(config.player.talents);
    expect(j.stderr).toContain('talents: Beast Mastery (Dark Ranger) loadout, 41 modelled talent(s)');

    await writeFile(path, `spec=marksmanship\ntalents=${loadout}`);
    const bad = await runCli(['sim', path]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      'line 2: talents=: This talent string is for a Beast Mastery Hunter, but the spec is Marksmanship',
    );
  });

  it('a profile with unknown lines names them with their line numbers', async () => {
    const path = join(dir, 'bad.simc');
    await writeFile(path, 'spec=beast_mastery\nwhatever=1\nspec_bonus 3');
    const r = await runCli(['sim', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('line 2: unknown option "whatever"');
    expect(r.stderr).toContain('line 3:');
  });

  it("prints the rotation's warnings to stderr with their line, apart from the ignored lines", async () => {
    const path = join(dir, 'warned.simc');
    await writeFile(
      path,
      [
        'hunter="Vex"', // 1
        'spec=marksmanship', // 2
        'trinket1=,id=1234', // 3: ignored
        'actions.precombat=summon_pet', // 4
        'actions=auto_shot', // 5
        'actions+=/aimed_shot,if=talent.lunar_storm|!talent.unload', // 6
        'actions+=/steady_shot', // 7
      ].join('\n'),
    );
    const r = await runCli(['sim', path, '--print-config']);
    expect(r.code).toBe(0);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('warning line'));
    expect(lines).toEqual([
      expect.stringMatching(/^warning line 2 \(spec=marksmanship\): no gear_agility, .* in this profile /),
      'warning line 4 (actions.precombat=summon_pet): summon_pet is not modelled (a pet is out from the pull: Beast Mastery, or Marksmanship with Unbreakable Bond); ignored',
      'warning line 5 (actions=auto_shot): auto_shot is not modelled (auto shots always run); ignored',
      expect.stringMatching(
        /^warning line 6 \(actions\+=\/aimed_shot,if=talent\.lunar_storm\|!talent\.unload\): .*talent\.unload reads 0$/,
      ),
    ]);
    expect(r.stderr).toContain('ignored line 3 (trinket1=,id=1234)');
    expect(r.stderr).not.toMatch(/warning line 3\b/);
    // the lines warned about are kept
    expect((JSON.parse(r.stdout) as { rotation: string }).rotation).toContain('summon_pet');
  });

  it('names every bad rotation line with its line and column, and a value out of range by its option', async () => {
    const path = join(dir, 'broken.simc');
    await writeFile(
      path,
      [
        'spec=marksmanship', // 1
        'actions=steady_shot', // 2
        'actions+=/not_a_spell', // 3
        'actions+=/aimed_shot,bogus=1', // 4
      ].join('\n'),
    );
    const r = await runCli(['sim', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`profile ${path} cannot be simulated:`);
    expect(r.stderr).toContain("  - line 3, column 11: unknown action 'not_a_spell'\n");
    expect(r.stderr).toMatch(/ {2}- line 4, column 22: unknown option 'bogus' for an action/);
    // the warnings of the lines read come with the problems: both mended in one round
    expect(r.stderr).toMatch(/\nwarning line 1 \(spec=marksmanship\): no gear_agility, .* in this profile /);

    await writeFile(path, 'spec=marksmanship\nmax_time=300\ngear_crit_rating=-5');
    const range = await runCli(['sim', path]);
    expect(range.code).toBe(2);
    expect(range.stderr).toContain(
      '  - line 3: gear_crit_rating: must be between 0 and 200000 (you entered -5)',
    );
    expect(range.stderr).not.toMatch(/config\.|stats\.agility/);
  });
});
