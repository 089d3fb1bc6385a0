import { describe, expect, it } from 'vitest';
import { specs } from '../specs/registry.ts';
import { noGear } from '../specs/gear.ts';
import { ENGINE_VERSION } from '../version.ts';
import { ConfigError, parseConfig } from './parse-config.ts';
import { TIMING_DEFAULTS, TIMING_LIMITS } from './timing.ts';
import { ADD_LIMITS, hecticAddCleaveWaves } from './fight-styles.ts';

function problemsOf(input: unknown): string[] {
  try {
    parseConfig(input);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}

describe('parseConfig', () => {
  it('accepts every spec default config, as a value and as JSON text', () => {
    for (const s of specs) {
      const c = s.defaultConfig();
      expect(parseConfig(c)).toEqual(c);
      expect(parseConfig(JSON.stringify(c))).toEqual(c);
    }
  });

  it('defaults a missing durationVariation to 0.2', () => {
    const c = specs[0]!.defaultConfig() as unknown as { fight: Record<string, unknown> };
    delete c.fight.durationVariation;
    expect(parseConfig(c).fight.durationVariation).toBe(0.2);
  });

  it('gives a config without raidBuffs (older jobs) every raid buff; checks the toggles', () => {
    const c = specs[0]!.defaultConfig() as unknown as Record<string, unknown>;
    delete c.raidBuffs;
    expect(parseConfig(c).raidBuffs).toEqual({
      battleShout: true,
      markOfTheWild: true,
      skyfury: true,
      mysticTouch: true,
      chaosBrand: true,
      huntersMark: true,
    });
    expect(parseConfig({ ...c, raidBuffs: { skyfury: false } }).raidBuffs!.skyfury).toBe(false);
    expect(parseConfig({ ...c, raidBuffs: { skyfury: false } }).raidBuffs!.battleShout).toBe(true);
    expect(problemsOf({ ...c, raidBuffs: { skyfury: 'no', windfury: true } })).toEqual([
      'config.raidBuffs.windfury: unknown field',
      'config.raidBuffs.skyfury: must be true or false',
    ]);
    expect(problemsOf({ ...c, raidBuffs: 1 })).toEqual(['config.raidBuffs: must be an object']);
  });

  it('gives a config without consumables (older jobs) SimulationCraft’s flask, potion, rune, food and oil; checks the names', () => {
    const c = specs[0]!.defaultConfig();
    delete c.consumables;
    const defaults = {
      flask: 'flask_of_alchemical_chaos_3',
      potion: 'tempered_potion_3',
      augmentRune: 'crystallized',
      food: 'the_sushi_special',
      weaponOil: 'algari_mana_oil_3',
    };
    expect(parseConfig(c).consumables).toEqual(defaults);
    // a config from before food and weaponOil: its three fields kept, the two new ones defaulted
    expect(
      parseConfig({ ...c, consumables: { flask: 'none', potion: 'none', augmentRune: 'none' } }).consumables,
    ).toEqual({ ...defaults, flask: 'none', potion: 'none', augmentRune: 'none' });
    expect(parseConfig({ ...c, consumables: { food: 'none', weaponOil: 'none' } }).consumables).toEqual({
      ...defaults,
      food: 'none',
      weaponOil: 'none',
    });
    expect(
      problemsOf({ ...c, consumables: { flask: 'elixir', drink: 'x', food: 'stew', weaponOil: 1 } }),
    ).toEqual([
      'config.consumables.drink: unknown field',
      expect.stringMatching(
        /^config\.consumables\.flask: must be "none" or one of flask_of_alchemical_chaos_3, .* \(got "elixir"\)$/,
      ),
      'config.consumables.food: must be "none" or one of the_sushi_special (got "stew")',
      'config.consumables.weaponOil: must be "none" or one of algari_mana_oil_3 (got 1)',
    ]);
    expect(problemsOf({ ...c, consumables: [] })).toEqual(['config.consumables: must be an object']);
  });

  it('gives a config without race (older jobs) none; checks the name', () => {
    const c = specs[0]!.defaultConfig();
    delete c.race;
    expect(parseConfig(c).race).toBe('none');
    expect(parseConfig({ ...c, race: 'nightborne' }).race).toBe('nightborne');
    expect(problemsOf({ ...c, race: 'elf' })).toEqual([
      expect.stringMatching(/^config\.race: must be one of none, human, .* \(got "elf"\)$/),
    ]);
  });

  it('gives a config without setBonuses (older jobs) none; takes short names, sorts, refuses the rest', () => {
    const c = specs[0]!.defaultConfig();
    delete c.setBonuses;
    expect(parseConfig(c).setBonuses).toEqual([]);
    expect(parseConfig({ ...c, setBonuses: ['tww3_4pc', 'THEWARWITHIN_SEASON_3_2pc'] }).setBonuses).toEqual([
      'thewarwithin_season_3_2pc',
      'thewarwithin_season_3_4pc',
    ]);
    expect(
      problemsOf({
        ...c,
        setBonuses: ['thewarwithin_season_2_4pc', 'tww3_2pc', 'thewarwithin_season_3_2pc'],
      }),
    ).toEqual([
      'config.setBonuses[0]: must be one of thewarwithin_season_3_2pc, thewarwithin_season_3_4pc (got "thewarwithin_season_2_4pc")',
      'config.setBonuses[2]: thewarwithin_season_3_2pc is listed twice',
    ]);
    expect(problemsOf({ ...c, setBonuses: 'tww3_4pc' })).toEqual([
      'config.setBonuses: must be a list of at most 8 set bonus names',
    ]);
  });

  it('gives a config without gear (older jobs) no item effect; checks each field in words', () => {
    const c = specs[0]!.defaultConfig();
    delete c.gear;
    expect(parseConfig(c).gear).toEqual(noGear());
    const worn = {
      weaponEnchant: 'councils_guile_2',
      blasphemiteColours: 5,
      dawnthreadLinings: 2,
      reshiiWrapsItemLevel: 730,
      reshiiGrace: true,
      astralAntennaItemLevel: 723,
      netherprismItemLevel: 710,
    };
    expect(parseConfig({ ...c, gear: worn }).gear).toEqual(worn);
    expect(parseConfig({ ...c, gear: { dawnthreadLinings: 1 } }).gear).toEqual({
      ...noGear(),
      dawnthreadLinings: 1,
    });
    expect(
      problemsOf({
        ...c,
        gear: {
          blasphemiteColours: 6,
          dawnthreadLinings: 1.5,
          reshiiWrapsItemLevel: 500,
          netherprismItemLevel: 723.5,
          reshiiGrace: 'yes',
          weaponEnchant: 'councils_guile_4',
          cloak: 1,
        },
      }),
    ).toEqual([
      'config.gear.cloak: unknown field',
      'config.gear.blasphemiteColours: must be a whole number from 0 to 5 (the distinct gem colours beside Culminating Blasphemite)',
      'config.gear.dawnthreadLinings: must be a whole number from 0 to 2 (the Dawnthread Linings worn)',
      'config.gear.reshiiWrapsItemLevel: must be 0 (not worn) or an item level from 580 to 800',
      'config.gear.netherprismItemLevel: must be 0 (not worn) or an item level from 580 to 800',
      expect.stringMatching(
        /^config\.gear\.weaponEnchant: must be "none" or an enchant and its rank, e\.g\. councils_guile_3 \(authority_of_radiant_power, .*; got "councils_guile_4"\)$/,
      ),
      'config.gear.reshiiGrace: must be true or false',
    ]);
    expect(problemsOf({ ...c, gear: [] })).toEqual(['config.gear: must be an object']);
  });

  it('takes authority_of_radiant_power among the talents, where configs kept the weapon enchant before gear, as the enchant', () => {
    const c = specs[0]!.defaultConfig();
    delete c.gear;
    c.player.talents = [...c.player.talents, 'authority_of_radiant_power'];
    const parsed = parseConfig(c);
    expect(parsed.player.talents).not.toContain('authority_of_radiant_power');
    expect(parsed.gear).toEqual({ ...noGear(), weaponEnchant: 'authority_of_radiant_power_3' });
    // a gear's own enchant wins
    expect(parseConfig({ ...c, gear: { weaponEnchant: 'none' } }).gear!.weaponEnchant).toBe('none');
    // the default configs wear it as gear
    expect(specs[0]!.defaultConfig().gear!.weaponEnchant).toBe('authority_of_radiant_power_3');
  });

  it('lists every problem at once', () => {
    const c = specs[0]!.defaultConfig() as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    c.engineVersion = '0.0.0';
    c.player.stats.crit = -5;
    c.player.stats.haste = 'fast';
    c.player.stats.luck = 3;
    c.player.talents = ['alpha_predator', 'alpha_predator', 'lock_and_load', 7];
    c.fight.style = 'raid';
    c.fight.targets = 2.5;
    c.fight.durationSeconds = 5;
    c.fight.durationVariation = 0.9;
    c.fight.bloodlust = 'yes';
    c.extra = 1;
    const problems = problemsOf(c);
    const expected = [
      'config.extra: unknown field',
      `config.engineVersion: must be "${ENGINE_VERSION}"`,
      'config.player.stats.luck: unknown field',
      'config.player.stats.crit: must be between',
      'config.player.stats.haste: must be a number',
      'config.player.talents[1]: duplicate talent',
      'config.player.talents[2]: unknown talent "lock_and_load"',
      'config.player.talents[3]: must be a string',
      'config.fight.style',
      'config.fight.durationSeconds: must be between 10 and 1200',
      'config.fight.durationVariation: must be between 0 and 0.5',
      'config.fight.targets: must be a whole number',
      'config.fight.bloodlust',
    ];
    for (const e of expected)
      expect(
        problems.some((p) => p.startsWith(e)),
        e,
      ).toBe(true);
    expect(problems.length).toBe(expected.length);
  });

  it('rejects non-plain numbers: NaN, Infinity and exponent notation in JSON text', () => {
    const c = specs[1]!.defaultConfig();
    c.player.stats.agility = NaN;
    c.player.stats.mastery = Infinity;
    const problems = problemsOf(c);
    expect(problems.some((p) => p.includes('agility') && p.includes('NaN'))).toBe(true);
    expect(problems.some((p) => p.includes('mastery') && p.includes('Infinity'))).toBe(true);
    const text = JSON.stringify(specs[1]!.defaultConfig()).replace('"agility":38000', '"agility":3.8e4');
    expect(problemsOf(text)).toEqual(['config: number 3.8e4 uses exponent notation; use a plain number']);
  });

  it('reports a bad rotation with its line and column', () => {
    const c = specs[0]!.defaultConfig();
    c.rotation = 'actions=kill_command\nactions+=/aimed_shott';
    const problems = problemsOf(c);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^config\.rotation: line 2, column \d+: /);
  });

  it('rejects patchwerk with several targets, an unknown spec, non-objects and bad JSON', () => {
    const c = specs[0]!.defaultConfig();
    c.fight.targets = 3;
    expect(problemsOf(c)).toEqual(['config.fight.targets: patchwerk fights have exactly 1 target']);
    const d = specs[0]!.defaultConfig() as unknown as Record<string, unknown>;
    d.spec = 'fire-mage';
    expect(problemsOf(d).some((p) => p.startsWith('config.spec'))).toBe(true);
    expect(problemsOf(null)).toEqual(['config: must be a JSON object']);
    expect(problemsOf('[1,2]')).toEqual(['config: must be a JSON object']);
    expect(problemsOf('{"a":')[0]).toMatch(/^config: not valid JSON/);
  });

  it('accepts a cleave config with up to 20 targets', () => {
    const c = specs[1]!.defaultConfig();
    c.fight.style = 'cleave';
    c.fight.targets = 20;
    expect(parseConfig(c).fight.targets).toBe(20);
    c.fight.targets = 21;
    expect(problemsOf(c)).toHaveLength(1);
  });

  it('fills a missing timing with SimulationCraft defaults and lists every bad timing field', () => {
    const c = specs[0]!.defaultConfig();
    delete c.timing;
    expect(parseConfig(c).timing).toEqual(TIMING_DEFAULTS);
    const partial = { ...c, timing: { queueLagMs: 0 } };
    expect(parseConfig(partial).timing).toEqual({ ...TIMING_DEFAULTS, queueLagMs: 0 });
    const bad = {
      ...c,
      timing: { distanceYards: -1, channelLagMs: 2.5, reactionMs: 5000, targetHealth: 'x', lag: 1 },
    };
    expect(problemsOf(bad)).toEqual([
      'config.timing.lag: unknown field',
      `config.timing.distanceYards: must be a number from 0 to ${TIMING_LIMITS.maxDistanceYards}`,
      'config.timing.channelLagMs: must be a whole number of milliseconds',
      `config.timing.reactionMs: must be a number from 0 to ${TIMING_LIMITS.maxReactionMs}`,
      'config.timing.targetHealth: must be "damage" or "linear"',
    ]);
    // Object's own members are no fields (a config from JSON may have any key)
    const members = { ...c, timing: JSON.parse('{"constructor":1,"__proto__":2,"toString":3}') as object };
    expect(problemsOf(members)).toEqual([
      'config.timing.constructor: unknown field',
      'config.timing.__proto__: unknown field',
      'config.timing.toString: unknown field',
    ]);
  });

  it('an adds fight: SimC HecticAddCleave waves when none are given, every wave problem listed', () => {
    const c = specs[0]!.defaultConfig();
    c.fight.style = 'adds';
    expect(parseConfig(c).fight.adds).toEqual(hecticAddCleaveWaves(c.fight.durationSeconds));
    c.fight.adds = { count: 20, firstSeconds: 10, intervalSeconds: 5, lifetimeSeconds: 6, lastSeconds: 5 };
    c.fight.targets = 2;
    expect(problemsOf(c)).toEqual([
      'config.fight.targets: adds fights have 1 main target (the adds come in waves)',
      `config.fight.adds.count: must be between 1 and ${ADD_LIMITS.maxCount} (got 20)`,
      'config.fight.adds.lifetimeSeconds: a wave must die before the next one comes (at most intervalSeconds)',
      'config.fight.adds.lastSeconds: must not be before firstSeconds',
    ]);
    const p = specs[0]!.defaultConfig();
    p.fight.adds = hecticAddCleaveWaves(300);
    expect(problemsOf(p)).toEqual(['config.fight.adds: only for the "adds" style']);
  });
});
