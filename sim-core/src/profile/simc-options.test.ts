// Test data only.
/** A whole .simc file pastes: SimulationCraft's own sim-wide and character options (simc-options.ts). */
import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../version.ts';
import { parseProfile } from './profile.ts';
import { problemsOf } from './test-support.ts';

const HEAD = 'hunter="Globals"\nspec=marksmanship\nlevel=80\n';

describe("SimulationCraft's run, report and character options", () => {
  it('a file with the options SimC and Raidbots write pastes, each listed back at its line with why', () => {
    const options = [
      'threads=8',
      'single_actor_batch=1',
      'report_details=1',
      'json2=report.json',
      'calculate_scale_factors=1',
      'enemy=Fluffy_Pillow',
      'target_level+=3',
      'origin="https://worldofwarcraft.com/en-us/character/eu/realm/name"',
      'gcd_lag=0.15',
      'bloodlust_percent=30',
      'override.allow_potions=0',
      'thewarwithin.astral_antenna_orbs=2',
      'apl_variable.trinket_1_buffs=1',
      'seed=42',
      'summon_pet=cat',
      'hunter.pet_attack_speed=2',
    ];
    const p = parseProfile(HEAD + options.join('\n') + '\n', ENGINE_VERSION);
    const ignored = new Map(p.ignored.map((i) => [i.line, i.reason]));
    options.forEach((_, k) => expect(ignored.has(4 + k), options[k]).toBe(true));
    expect(ignored.get(4)).toMatch(/run setting/);
    expect(ignored.get(6)).toMatch(/report or output setting/);
    expect(ignored.get(8)).toMatch(/choose Stat weights in the sim builder/);
    expect(ignored.get(9)).toMatch(/the target is a level-83 boss/);
    expect(ignored.get(14)).toMatch(/potion=disabled/);
    expect(ignored.get(15)).toMatch(/item and effect models/);
    expect(ignored.get(16)).toMatch(/variable line in the rotation/);
    // what the sim runs is the same as without them
    expect(p.config).toEqual(parseProfile(HEAD, ENGINE_VERSION).config);
  });

  it('fixed_time=1 is this sim’s fight; fixed_time=0 is run as it, with a warning', () => {
    expect(
      parseProfile(HEAD + 'fixed_time=1\n', ENGINE_VERSION).warnings.filter((w) => w.line === 4),
    ).toEqual([]);
    const p = parseProfile(HEAD + 'fixed_time=0\n', ENGINE_VERSION);
    expect(p.warnings.find((w) => w.line === 4)!.reason).toMatch(
      /^fixed_time=0 \(the fight ends when the target dies\) is not modelled/,
    );
    expect(problemsOf(HEAD + 'fixed_time=maybe')[0]).toEqual({
      line: 4,
      message: expect.stringMatching(/fixed_time/),
    });
  });

  it('an API key is not echoed back, and a misspelt option stays an error', () => {
    const p = parseProfile(HEAD + 'apikey=0123456789abcdef\n', ENGINE_VERSION);
    expect(p.ignored.find((i) => i.line === 4)).toEqual({
      line: 4,
      text: 'apikey=…',
      reason: expect.stringMatching(/not kept/),
    });
    expect(JSON.stringify(p)).not.toContain('0123456789abcdef');
    expect(problemsOf(HEAD + 'threds=8')).toEqual([{ line: 4, message: 'unknown option "threds"' }]);
    expect(problemsOf(HEAD + 'allow_potions=0')).toEqual([
      { line: 4, message: 'unknown option "allow_potions"' },
    ]);
  });

  it('a second character is an error, never read into the first one', () => {
    const second = problemsOf(
      HEAD + 'gear_agility=40000\nhunter="Twin"\nspec=beast_mastery\ngear_agility=50000',
    );
    expect(second).toEqual([
      {
        line: 5,
        message: expect.stringMatching(
          /^a second character \(hunter="Twin"\): a profile here holds one character/,
        ),
      },
    ]);
    expect(problemsOf(HEAD + 'copy=Twin')).toEqual([
      { line: 4, message: expect.stringMatching(/^copy=Twin makes a second character/) },
    ]);
    expect(problemsOf(HEAD + 'warrior="Other"')[0]).toEqual({
      line: 4,
      message: 'warrior="Other": only hunters are modelled here',
    });
    expect(problemsOf(HEAD + 'armory=eu,realm,name')[0]!.message).toMatch(
      /paste the SimulationCraft addon's export/,
    );
  });
});
