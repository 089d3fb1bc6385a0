import { describe, expect, it } from 'vitest';
import {
  AUGMENT_RUNES,
  defaultConsumables,
  noGear,
  defaultRaidBuffs,
  FLASKS,
  FOODS,
  parseConfig,
  POTIONS,
  specs,
  WEAPON_OILS,
  type SimConfig,
} from '@wowlab/sim-core';
import {
  checkJobOptions,
  configFromForm,
  CONSUMABLE_FIELDS,
  defaultConsumableNames,
  formFromConfig,
  problemsByField,
  RACE_OPTIONS,
  setBonusesOfChoice,
  TIER_SET_LABEL,
  TIER_SET_OPTIONS,
  tierSetChoice,
  tierSetOptions,
} from './builder';

const base: SimConfig = {
  engineVersion: '0.1.0',
  spec: 'bm-hunter',
  player: {
    stats: {
      agility: 40000,
      crit: 8000,
      haste: 9000,
      mastery: 12000,
      versatility: 3000,
      weaponDps: 700,
      weaponSpeed: 3,
    },
    talents: ['a', 'b'],
  },
  fight: { style: 'patchwerk', durationSeconds: 300, durationVariation: 0.2, targets: 1, bloodlust: true },
  // some turned off: the form keeps every toggle (a pasted profile's override.* lines survive)
  raidBuffs: {
    battleShout: false,
    markOfTheWild: true,
    skyfury: true,
    mysticTouch: false,
    chaosBrand: true,
    huntersMark: false,
  },
  // not SimulationCraft's defaults: the form keeps a pasted profile's flask=, potion=, race=
  consumables: {
    flask: 'flask_of_tempered_mastery_3',
    potion: 'none',
    augmentRune: 'none',
    food: 'none',
    weaponOil: 'none',
  },
  race: 'maghar_orc',
  // a pasted profile's 4 set pieces
  setBonuses: ['thewarwithin_season_3_2pc', 'thewarwithin_season_3_4pc'],
  // a pasted profile's items: the form keeps their effects
  gear: {
    weaponEnchant: 'councils_guile_3',
    blasphemiteColours: 4,
    dawnthreadLinings: 2,
    reshiiWrapsItemLevel: 730,
    reshiiGrace: true,
    astralAntennaItemLevel: 723,
    netherprismItemLevel: 710,
  },
  rotation: 'actions=kill_command',
};

describe('builder form', () => {
  it('round-trips a config through the form', () => {
    const form = formFromConfig(base);
    expect(configFromForm(form, '0.1.0')).toEqual(base);
  });

  it('gives a config from before raid buffs every buff on, as sim-core does', () => {
    const { raidBuffs: _, ...old } = base;
    expect(configFromForm(formFromConfig(old), '0.1.0').raidBuffs).toEqual(defaultRaidBuffs());
  });

  it('gives a config from before consumables and race the defaults sim-core gives it', () => {
    const { consumables: _c, race: _r, ...old } = base;
    const config = configFromForm(formFromConfig(old), '0.1.0');
    expect(config.consumables).toEqual(defaultConsumables());
    expect(config.race).toBe('none');
  });

  it('gives a config from before item effects none, as sim-core does', () => {
    const { gear: _, ...old } = base;
    expect(configFromForm(formFromConfig(old), '0.1.0').gear).toEqual(noGear());
  });

  it('offers only flasks, potions, runes, foods, oils and races sim-core accepts, each choice reaching the config', () => {
    const valid = specs[0]!.defaultConfig();
    const form = formFromConfig(valid);
    const options = Object.fromEntries(CONSUMABLE_FIELDS.map((f) => [f.key, f.options.map((o) => o.value)]));
    expect(Object.keys(options)).toEqual(['flask', 'potion', 'augmentRune', 'food', 'weaponOil']);
    expect(options.flask).toContain('flask_of_alchemical_chaos_3');
    expect(options.potion).toEqual(['tempered_potion_3', 'none']);
    expect(options.augmentRune).toEqual(['crystallized', 'none']);
    expect(options.food).toEqual(['the_sushi_special', 'none']);
    expect(options.weaponOil).toEqual(['algari_mana_oil_3', 'none']);
    // every field offers sim-core's default and None, and each choice reaches the config
    for (const field of CONSUMABLE_FIELDS) {
      expect(options[field.key]).toContain(defaultConsumables()[field.key]);
      expect(field.options.at(-1)).toEqual({ value: 'none', label: 'None' });
      for (const o of field.options) {
        form.consumables[field.key] = o.value;
        expect(parseConfig(configFromForm(form, valid.engineVersion)).consumables![field.key]).toBe(o.value);
      }
      form.consumables[field.key] = defaultConsumables()[field.key];
    }
    expect(RACE_OPTIONS.find((o) => o.value === 'maghar_orc')!.label).toBe("Mag'har Orc");
    expect(RACE_OPTIONS.find((o) => o.value === 'orc')!.label).toBe('Orc'); // every race is modelled
    expect(RACE_OPTIONS.find((o) => o.value === 'human')!.label).toBe('Human');
    for (const o of RACE_OPTIONS) {
      form.race = o.value;
      expect(parseConfig(configFromForm(form, valid.engineVersion)).race).toBe(o.value);
    }
  });

  it('gives a config from before set bonuses no tier set, and reads short names as the full ones', () => {
    const { setBonuses: _, ...old } = base;
    const form = formFromConfig(old);
    expect(tierSetChoice(form.setBonuses)).toBe('none');
    expect(configFromForm(form, '0.1.0').setBonuses).toEqual([]);
    expect(formFromConfig({ ...base, setBonuses: ['tww3_2pc'] }).setBonuses).toEqual([
      'thewarwithin_season_3_2pc',
    ]);
  });

  it('offers the tier set as none, 2-piece or 4-piece, each choice reaching the config sim-core checks', () => {
    expect(TIER_SET_LABEL).toBe('Tier set (The War Within season 3)');
    expect(TIER_SET_OPTIONS.map((o) => o.value)).toEqual(['none', '2', '4']);
    const form = formFromConfig(specs[0]!.defaultConfig());
    const expected: Record<string, string[]> = {
      none: [],
      '2': ['thewarwithin_season_3_2pc'],
      '4': ['thewarwithin_season_3_2pc', 'thewarwithin_season_3_4pc'],
    };
    for (const o of TIER_SET_OPTIONS) {
      form.setBonuses = setBonusesOfChoice(o.value, form.setBonuses);
      expect(tierSetChoice(form.setBonuses)).toBe(o.value);
      const config = parseConfig(configFromForm(form, specs[0]!.defaultConfig().engineVersion));
      expect(config.setBonuses).toEqual(expected[o.value]);
      // and back: the form of that config shows the same choice
      expect(tierSetChoice(formFromConfig(config).setBonuses)).toBe(o.value);
    }
    expect(tierSetOptions(form.setBonuses)).toBe(TIER_SET_OPTIONS);
  });

  it('keeps a 4-piece bonus without the 2-piece (a profile’s set_bonus= lines) as it is, and says what it is', () => {
    const form = formFromConfig({ ...base, setBonuses: ['thewarwithin_season_3_4pc'] });
    expect(tierSetChoice(form.setBonuses)).toBe('other');
    expect(tierSetOptions(form.setBonuses).at(-1)).toEqual({
      value: 'other',
      label: '4-piece bonus only (from the pasted profile)',
    });
    expect(configFromForm(form, '0.1.0').setBonuses).toEqual(['thewarwithin_season_3_4pc']);
    // choosing one of the three replaces it
    form.setBonuses = setBonusesOfChoice('2', form.setBonuses);
    expect(form.setBonuses).toEqual(['thewarwithin_season_3_2pc']);
  });

  it('forces one target for patchwerk and keeps targets for cleave', () => {
    const form = formFromConfig(base);
    form.targets = 5;
    expect(configFromForm(form, '0.1.0').fight.targets).toBe(1);
    form.fightStyle = 'cleave';
    expect(configFromForm(form, '0.1.0').fight.targets).toBe(5);
  });

  it("keeps an adds fight's waves and the timing options; other styles drop the waves", () => {
    const adds: SimConfig = {
      ...base,
      fight: {
        ...base.fight,
        style: 'adds',
        adds: { count: 3, firstSeconds: 10, intervalSeconds: 30, lifetimeSeconds: 20, lastSeconds: 250 },
      },
      timing: { distanceYards: 0, queueLagMs: 5, channelLagMs: 250, reactionMs: 300, targetHealth: 'linear' },
    };
    const form = formFromConfig(adds);
    form.targets = 5;
    expect(configFromForm(form, '0.1.0')).toEqual(adds);
    form.fightStyle = 'cleave';
    const cleave = configFromForm(form, '0.1.0');
    expect(cleave.fight.adds).toBeUndefined();
    expect(cleave.fight.targets).toBe(5);
  });

  it('coerces numeric text from inputs to numbers', () => {
    const form = formFromConfig(base);
    (form.stats as Record<string, unknown>).agility = '123';
    expect(configFromForm(form, '0.1.0').player.stats.agility).toBe(123);
  });

  it('keeps job options from the previous form when the spec changes', () => {
    const form = formFromConfig(base, { iterations: 100_000, seed: '42', visibility: 'public' });
    expect(form.iterations).toBe(100_000);
    expect(form.seed).toBe('42');
    expect(form.visibility).toBe('public');
  });
});

describe('defaultConsumableNames', () => {
  it('names what sim-core’s defaults pick, field by field, as the selects label it', () => {
    const names = defaultConsumableNames();
    expect(names).toEqual([
      FLASKS[defaultConsumables().flask]!.name,
      POTIONS[defaultConsumables().potion]!.name,
      AUGMENT_RUNES[defaultConsumables().augmentRune]!.name,
      FOODS[defaultConsumables().food]!.name,
      WEAPON_OILS[defaultConsumables().weaponOil]!.name,
    ]);
    // and exactly the label the default form's select shows
    const form = formFromConfig(specs[0]!.defaultConfig());
    expect(names).toEqual(
      CONSUMABLE_FIELDS.map((f) => f.options.find((o) => o.value === form.consumables[f.key])!.label),
    );
  });
});

describe('checkJobOptions', () => {
  const form = () => formFromConfig(base);

  it('accepts defaults with a random seed', () => {
    const r = checkJobOptions(form());
    expect(r.problems).toEqual({});
    expect(r.options).toEqual({
      iterations: 10_000,
      accessType: 'private',
      discordServerId: null,
      seed: null,
      sharedWith: null,
      name: null,
      targetError: null,
    });
  });

  it('rejects iterations outside 1k..1M and fractional ones', () => {
    for (const n of [999, 1_000_001, 1500.5]) {
      const f = form();
      f.iterations = n;
      expect(checkJobOptions(f).problems.iterations).toMatch(/1,000 to 1,000,000/);
    }
  });

  it('parses a fixed seed and rejects negative or unsafe ones', () => {
    const f = form();
    f.seed = ' 12345 ';
    expect(checkJobOptions(f).options?.seed).toBe(12345);
    for (const s of ['-1', '1.5', 'abc', '9007199254740993']) {
      f.seed = s;
      expect(checkJobOptions(f).problems.seed).toBeDefined();
    }
  });

  it('requires a Discord server id only for Discord visibility', () => {
    const f = form();
    f.visibility = 'discord';
    expect(checkJobOptions(f).problems.discordServerId).toBeDefined();
    f.discordServerId = '123456789012345678';
    expect(checkJobOptions(f).options?.discordServerId).toBe('123456789012345678');
  });
});

describe('problemsByField', () => {
  it('attaches problems to the field they mention and keeps the rest general', () => {
    const r = problemsByField([
      'player.stats.agility must be a finite number >= 0',
      'fight.targets must be between 1 and 20',
      'rotation: line 3, column 5: unknown action "foo"',
      'something else entirely',
    ]);
    expect(r['stats.agility']).toHaveLength(1);
    expect(r['targets']).toHaveLength(1);
    expect(r['rotation']).toHaveLength(1);
    expect(r['']).toEqual(['something else entirely']);
  });
});

describe('builder with the real sim-core', () => {
  it('maps every problem of a real ConfigError to the field it belongs to', async () => {
    const { ConfigError, ENGINE_VERSION, parseConfig, specs } = await import('@wowlab/sim-core');
    const form = formFromConfig(specs[0]!.defaultConfig());
    form.stats.agility = -5;
    form.fightStyle = 'cleave';
    form.targets = 99;
    form.durationVariation = 3;
    form.talents = ['no_such_talent'];
    form.rotation = 'actions=foo(';
    let problems: string[] = [];
    try {
      parseConfig(configFromForm(form, ENGINE_VERSION));
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      problems = (err as InstanceType<typeof ConfigError>).problems;
    }
    const byField = problemsByField(problems);
    expect(Object.keys(byField).sort()).toEqual(
      ['durationVariation', 'rotation', 'stats.agility', 'talents', 'targets'].sort(),
    );
  });

  it('accepts the default config of every spec as built by the form', async () => {
    const { ENGINE_VERSION, parseConfig, specs } = await import('@wowlab/sim-core');
    for (const spec of specs) {
      const form = formFromConfig(spec.defaultConfig());
      expect(() => parseConfig(configFromForm(form, ENGINE_VERSION))).not.toThrow();
    }
  });
});

describe('inWords', () => {
  it('says a field problem the way a player reads it', async () => {
    const { inWords } = await import('./builder');
    expect(inWords('config.player.stats.agility: must be between 0 and 1000000 (got -100)')).toBe(
      'Agility must be between 0 and 1,000,000 (you entered -100).',
    );
    expect(inWords('config.fight.targets: patchwerk fights have exactly 1 target')).toBe(
      'Targets: patchwerk fights have exactly 1 target.',
    );
    expect(inWords('config.player.talents[2]: unknown talent "x" for Beast Mastery')).toBe(
      'Talents: unknown talent "x" for Beast Mastery.',
    );
    expect(inWords('something else entirely')).toBe('something else entirely');
  });

  it('no problem of a real ConfigError keeps its config path', async () => {
    const { ENGINE_VERSION, parseConfig, specs } = await import('@wowlab/sim-core');
    const form = formFromConfig(specs[0]!.defaultConfig());
    form.stats.agility = -100;
    form.fightStyle = 'cleave';
    form.targets = 99;
    form.durationVariation = 3;
    let problems: string[] = [];
    try {
      parseConfig(configFromForm(form, ENGINE_VERSION));
    } catch (err) {
      problems = (err as { problems: string[] }).problems;
    }
    const shown = Object.values(problemsByField(problems)).flat();
    expect(shown.length).toBeGreaterThan(0);
    for (const p of shown) expect(p).not.toMatch(/config\.|player\.stats|fight\./);
    expect(shown).toContain('Agility must be between 0 and 1,000,000 (you entered -100).');
  });
});

describe('sharing and naming', () => {
  it('a sim shared with users needs at least one, and passes them and the name', () => {
    const form = formFromConfig(base, { visibility: 'user', name: '  Raid night  ' });
    expect(checkJobOptions(form).problems.sharedWith).toBe('Choose at least one user to share it with.');
    form.sharedWith = ['00000000-0000-4000-8000-000000000001'];
    expect(checkJobOptions(form).options).toMatchObject({
      accessType: 'user',
      sharedWith: ['00000000-0000-4000-8000-000000000001'],
      name: 'Raid night',
    });
    form.name = 'x'.repeat(81);
    expect(checkJobOptions(form).problems.name).toMatch(/at most 80/);
  });
});

describe('formatCost', () => {
  it('says the total in core-seconds or core-minutes', async () => {
    const { formatCost } = await import('./builder');
    expect(formatCost(0.0005, 1000)).toBe('under a core-second');
    expect(formatCost(0.44, 10_000)).toBe('about 4 core-seconds');
    expect(formatCost(0.44, 1_000_000)).toBe('about 7 core-minutes');
  });
});
