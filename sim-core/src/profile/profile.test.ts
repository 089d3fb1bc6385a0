import { describe, expect, it } from 'vitest';
import { hecticAddCleaveWaves } from '../config/fight-styles.ts';
import { hashConfig } from '../config/hash.ts';
import { ENGINE_VERSION } from '../version.ts';
import { REAL } from '../talents/test-strings.ts';
import { exportProfile, parseProfile } from './profile.ts';
import { bm, mm, problemsOf } from './test-support.ts';
import { RANGED_WEAPON_DPS } from './weapon-dps.ts';
import { specs } from '../specs/registry.ts';

describe('profile text round trip', () => {
  it('export → import gives the identical config hash, for every spec and a changed config', async () => {
    const changed = mm();
    changed.player.stats = {
      ...changed.player.stats,
      agility: 41_234,
      crit: 8_765.5,
      weaponDps: 1_234,
      weaponSpeed: 2.5,
    };
    // a ranked entry too (talents/ranks.ts): `keen_eyesight:1` goes out and back as written
    changed.player.talents = changed.player.talents
      .slice(1)
      .map((t) => (t === 'keen_eyesight' ? 'keen_eyesight:1' : t));
    expect(changed.player.talents).toContain('keen_eyesight:1');
    changed.fight = {
      style: 'cleave',
      durationSeconds: 240,
      durationVariation: 0.1,
      targets: 5,
      bloodlust: false,
    };
    changed.raidBuffs = {
      battleShout: false,
      markOfTheWild: true,
      skyfury: false,
      mysticTouch: true,
      chaosBrand: false,
      huntersMark: false,
    };
    changed.consumables = {
      flask: 'flask_of_tempered_mastery_3',
      potion: 'none',
      augmentRune: 'none',
      food: 'none',
      weaponOil: 'none',
    };
    for (const config of [bm(), mm(), changed]) {
      const back = parseProfile(exportProfile(config), ENGINE_VERSION);
      expect(await hashConfig(back.config)).toBe(await hashConfig(config));
      expect(back.ignored).toEqual([]);
    }
  });
});

describe('consumables in profile text', () => {
  const head = 'hunter="Vex"\nspec=beast_mastery\n';
  it('reads SimulationCraft’s flask= and potion= names; disabled drinks nothing', () => {
    const c = parseProfile(`${head}flask=flask_of_tempered_swiftness_3\npotion=disabled\n`, ENGINE_VERSION);
    expect(c.config.consumables).toEqual({
      flask: 'flask_of_tempered_swiftness_3',
      potion: 'none',
      augmentRune: 'crystallized',
      food: 'the_sushi_special',
      weaponOil: 'algari_mana_oil_3',
    });
    expect(c.ignored).toEqual([]);
    expect(exportProfile(c.config)).toContain('flask=flask_of_tempered_swiftness_3\npotion=none');
  });

  it('reads food= and temporary_enchant= (the main hand’s oil); disabled uses none', () => {
    const c = parseProfile(
      `${head}food=disabled\ntemporary_enchant=off_hand:x/main_hand:algari_mana_oil_3\n`,
      ENGINE_VERSION,
    );
    expect(c.config.consumables!.food).toBe('none');
    expect(c.config.consumables!.weaponOil).toBe('algari_mana_oil_3');
    expect(c.ignored).toEqual([]);
    const none = parseProfile(`${head}temporary_enchant=disabled\n`, ENGINE_VERSION).config;
    expect(none.consumables!.weaponOil).toBe('none');
    expect(exportProfile(none)).toContain('temporary_enchant=disabled');
    expect(exportProfile(c.config)).toContain('food=none\ntemporary_enchant=main_hand:algari_mana_oil_3');
  });

  it('keeps SimulationCraft’s defaults without the lines, and lists unmodelled names back', () => {
    const p = parseProfile(
      `${head}flask=flask_of_tempered_mastery_2\npotion=potion_of_unwavering_focus_3\nfood=feast_of_the_divine_day\naugmentation=draconic\ntemporary_enchant=main_hand:oil_of_deep_toxins_3\n`,
      ENGINE_VERSION,
    );
    expect(p.config.consumables).toEqual({
      flask: 'flask_of_alchemical_chaos_3',
      potion: 'tempered_potion_3',
      augmentRune: 'crystallized',
      food: 'the_sushi_special',
      weaponOil: 'algari_mana_oil_3',
    });
    expect(
      parseProfile(`${head}augmentation=disabled\n`, ENGINE_VERSION).config.consumables!.augmentRune,
    ).toBe('none');
    expect(p.ignored.map((x) => [x.line, x.text.split('=')[0]])).toEqual([
      [3, 'flask'],
      [4, 'potion'],
      [5, 'food'],
      [6, 'augmentation'],
      [7, 'temporary_enchant'],
    ]);
    expect(p.ignored[0]!.reason).toMatch(/the flask stays flask_of_alchemical_chaos_3/);
  });
});

describe('race in profile text', () => {
  it('reads race=: a race sets the config (every race is modelled), a non-race is an error', () => {
    const head = 'hunter="Vex"\nspec=beast_mastery\n';
    const maghar = parseProfile(`${head}race=maghar_orc\n`, ENGINE_VERSION);
    expect(maghar.config.race).toBe('maghar_orc');
    expect(maghar.ignored).toEqual([]);
    expect(exportProfile(maghar.config)).toContain('race=maghar_orc');
    const orc = parseProfile(`${head}race=Orc\n`, ENGINE_VERSION);
    expect(orc.config.race).toBe('orc');
    expect(orc.ignored).toEqual([]); // Command and Blood Fury are both modelled
    expect(parseProfile(`${head}race=worgen\n`, ENGINE_VERSION).ignored).toEqual([]);
    expect(problemsOf(`${head}race=elf\n`)[0]).toMatchObject({
      line: 3,
      message: expect.stringMatching(/^race=elf is not a race/),
    });
  });
});

describe('raid buffs in profile text', () => {
  const head = 'hunter="Vex"\nspec=beast_mastery\n';
  it('optimal_raid=0 turns every raid buff and Bloodlust off; lines after it win, as in SimulationCraft', () => {
    const off = parseProfile(`${head}optimal_raid=0\n`, ENGINE_VERSION).config;
    expect(off.fight.bloodlust).toBe(false);
    expect(Object.values(off.raidBuffs!)).toEqual([false, false, false, false, false, false]);
    const mixed = parseProfile(
      `${head}override.skyfury=1\noptimal_raid=0\noverride.battle_shout=1\noverride.bloodlust=1\n`,
      ENGINE_VERSION,
    ).config;
    expect(mixed.fight.bloodlust).toBe(true);
    expect(mixed.raidBuffs).toEqual({
      battleShout: true,
      markOfTheWild: false,
      skyfury: false,
      mysticTouch: false,
      chaosBrand: false,
      huntersMark: false,
    });
  });
  it('maps each override to its toggle and exports it back', () => {
    const keys = {
      battle_shout: 'battleShout',
      mark_of_the_wild: 'markOfTheWild',
      skyfury: 'skyfury',
      mystic_touch: 'mysticTouch',
      chaos_brand: 'chaosBrand',
      hunters_mark: 'huntersMark',
    } as const;
    for (const [option, key] of Object.entries(keys)) {
      const c = parseProfile(`${head}override.${option}=0\n`, ENGINE_VERSION).config;
      expect(c.raidBuffs![key]).toBe(false);
      expect(Object.values(c.raidBuffs!).filter((v) => !v)).toHaveLength(1);
      expect(exportProfile(c)).toContain(`override.${option}=0`);
    }
  });
  it('rejects values other than 0 and 1', () => {
    expect(problemsOf(`${head}override.skyfury=yes\noptimal_raid=2\n`)).toEqual([
      { line: 3, message: 'override.skyfury must be 0 or 1 (got "yes")' },
      { line: 4, message: 'optimal_raid must be 0 or 1 (got "2")' },
    ]);
  });
});

describe('parseProfile', () => {
  const base = `hunter="Vex"
level=80
race=orc
spec=marksmanship
role=attack
talents=
head=,id=212021,bonus_id=1/2/3
trinket1=,id=1234
gear_agility=40000
gear_crit_rating=9000
main_hand=,id=1,weapon=bow_3.00speed_4000min_6000max
fight_style=Patchwerk
max_time=240
vary_combat_length=0.1
desired_targets=3
iterations=20000
target_error=0.1
# the rotation
actions=aimed_shot
actions+=/steady_shot

profileset."more crit"+=gear_crit_rating=12000
profileset."more crit"+=gear_agility=39000
profileset."single"+=desired_targets=1
`;

  it('reads a player’s profile: spec, stats, weapon, fight, rotation, job options, profilesets', () => {
    const p = parseProfile(base, ENGINE_VERSION);
    expect(p.name).toBe('Vex');
    expect(p.config.spec).toBe('mm-hunter');
    expect(p.config.player.stats).toMatchObject({
      agility: 17_644 + 40_000, // gear_agility is the items': + an orc's level-80 base (no full mail listed)
      crit: 9_000,
      weaponSpeed: 3,
      weaponDps: 5000 / 3,
    });
    expect(p.config.player.talents).toEqual([]);
    expect(p.config.fight).toEqual({
      style: 'cleave',
      durationSeconds: 240,
      durationVariation: 0.1,
      targets: 3,
      bloodlust: true,
    });
    expect(p.config.rotation).toBe('# the rotation\nactions=aimed_shot\nactions+=/steady_shot\n');
    expect(p.options).toEqual({ iterations: 20_000, targetError: 0.1 });
    expect(p.profilesets.map((s) => s.name)).toEqual(['more crit', 'single']);
    expect(p.profilesets[0]!.config.player.stats).toMatchObject({
      crit: 12_000,
      agility: 17_644 + 39_000,
      haste: p.config.player.stats.haste,
    });
    expect(p.profilesets[1]!.config.fight).toMatchObject({ targets: 1, style: 'patchwerk' });
  });

  it('takes a ranged weapon from its item level when the profile has no weapon= (ItemDamageTwoHand)', () => {
    const weaponOf = (line: string) => {
      const p = parseProfile(
        base.replace('main_hand=,id=1,weapon=bow_3.00speed_4000min_6000max', line),
        ENGINE_VERSION,
      );
      const s = p.config.player.stats;
      return {
        dps: s.weaponDps,
        speed: s.weaponSpeed,
        warned: p.warnings.some((w) => w.line === 11),
        ignored: p.ignored.find((x) => x.line === 11)?.reason,
      };
    };
    // SimC's default profiles: ilevel= on the item line; 723 → 6247.13574 (item_weapon.inc, 11.2.5.63796)
    expect(weaponOf('main_hand=yasahm_the_riftbreaker,id=185783,ilevel=723,enchant_id=7439')).toEqual({
      dps: 6247.13574,
      speed: 3,
      warned: true,
      ignored: undefined,
    });
    // the addon's export: the level in the comment above the item
    expect(weaponOf('# Yasahm the Riftbreaker (684)\nmain_hand=,id=185783,bonus_id=10035/12361').dps).toBe(
      RANGED_WEAPON_DPS[684 - 580],
    );
    // a comment above a line without an item id is not its level
    expect(weaponOf('# my notes (700)\nmain_hand=,weapon_note=x').dps).toBe(
      specs.find((x) => x.id === 'mm-hunter')!.defaultConfig().player.stats.weaponDps,
    );
    // weapon= wins over the level; no level and no weapon=: unchanged and listed
    expect(weaponOf('main_hand=,id=1,ilevel=723,weapon=bow_3.00speed_4000min_6000max').dps).toBe(5000 / 3);
    const unknown = weaponOf('main_hand=,id=185783,bonus_id=10035');
    expect(unknown.dps).toBe(specs.find((x) => x.id === 'mm-hunter')!.defaultConfig().player.stats.weaponDps);
    expect(unknown.ignored).toMatch(/no weapon= option and no item level/);
    expect(weaponOf('main_hand=,id=1,ilevel=900').ignored).toMatch(
      /item level 900 is outside the weapon table \(580 to 800\)/,
    );
  });

  it('lists every understood-but-not-modelled line with its number, never dropping one silently', () => {
    const p = parseProfile(base, ENGINE_VERSION);
    // race=orc (line 3) is modelled now: not listed
    expect(p.ignored.map((x) => [x.line, x.text.split('=')[0]])).toEqual([
      [5, 'role'],
      [7, 'head'],
      [8, 'trinket1'],
    ]);
    expect(p.ignored[1]!.reason).toMatch(/gear_\*= lines/);
  });

  it('decodes an in-game talent string: its modelled talents, the rest listed as ignored', async () => {
    const p = parseProfile(`spec=beast_mastery\nlevel=80\ntalents=${REAL.bmDarkRanger}`, ENGINE_VERSION);
    const expected = [
      'banshees_mark',
      'bleak_arrows',
      'the_bell_tolls',
      'bleak_powder',
      'umbral_reach',
      'soul_drinker',
      'ebon_bowstring',
      'black_arrow',
      'withering_fire',
      'call_of_the_wild',
      'training_expert',
      'bloody_frenzy',
      'war_orders',
      'snakeskin_quiver',
      'thrill_of_the_hunt',
      'stomp',
      'barbed_scales',
      'savagery',
      'go_for_the_throat',
      'master_handler',
      'hunters_prey',
      'animal_companion',
      'bloodshed',
      'killer_instinct',
      'dire_command',
      'dire_frenzy',
      'alpha_predator',
      'laceration',
      'barbed_wrath',
      'pack_tactics',
      'dire_beast',
      'serrated_tips',
      'unnatural_causes',
      'specialized_arsenal',
      'blackrock_munitions',
      'trigger_finger',
      'keen_eyesight',
      'deathblow',
      'harmonize',
      'wildspeaker',
      'huntmasters_call',
    ];
    expect(p.config.player.talents).toEqual(expected);
    expect(p.loadouts).toHaveLength(1);
    expect(p.loadouts[0]).toMatchObject({ line: 3, profileset: null });
    expect(p.loadouts[0]!.talents.heroTree).toBe('Dark Ranger');
    expect(p.ignored).toEqual([
      {
        line: 3,
        text: expect.stringMatching(/^talents=C0PAAAAAAAAA… \(\d+ talents\)$/),
        reason: expect.stringMatching(/^not modelled: Smoke Screen, Shadow Dagger, /),
      },
    ]);
    // Pack Leader's keystone is in the string, inactive: listed as such, not as unmodelled (it is modelled)
    const [notModelled, inactive] = p.ignored[0]!.reason.split('; ');
    expect(notModelled).not.toContain('Howl of the Pack Leader');
    expect(inactive).toBe(
      'inactive, of the hero tree this loadout does not use (it uses Dark Ranger): Howl of the Pack Leader',
    );
    // the same profile with the keys instead gives the identical config
    const keys = parseProfile(`spec=beast_mastery\ntalents=${expected.join('/')}`, ENGINE_VERSION);
    expect(await hashConfig(keys.config)).toBe(await hashConfig(p.config));
  });

  it('decodes a profileset’s talent string and refuses one of another spec, with its line', () => {
    const p = parseProfile(
      `spec=beast_mastery\nprofileset."pl"+=talents=${REAL.bmPackLeader}`,
      ENGINE_VERSION,
    );
    expect(p.loadouts.map((l) => [l.line, l.profileset, l.talents.heroTree])).toEqual([
      [2, 'pl', 'Pack Leader'],
    ]);
    expect(p.profilesets[0]!.config.player.talents).not.toEqual(p.config.player.talents);
    expect(problemsOf(`spec=beast_mastery\ntalents=${REAL.mmDarkRanger}`)).toEqual([
      {
        line: 2,
        message: 'talents=: This talent string is for a Marksmanship Hunter, but the spec is Beast Mastery',
      },
    ]);
    expect(problemsOf('spec=marksmanship\n\ntalents=C0PAAA')).toEqual([
      { line: 3, message: 'talents=: This string is damaged or incomplete' },
    ]);
  });

  it('fight_style=HecticAddCleave is the adds style with SimC waves from max_time; custom waves go through raid_events', () => {
    const hectic = parseProfile(
      'spec=marksmanship\nfight_style=HecticAddCleave\nmax_time=200',
      ENGINE_VERSION,
    );
    expect(hectic.config.fight.style).toBe('adds');
    expect(hectic.config.fight.adds).toEqual(hecticAddCleaveWaves(200));
    expect(hectic.ignored.map((i) => i.text)).toContain('fight_style=HecticAddCleave');
    expect(exportProfile(hectic.config)).toMatch(/^fight_style=HecticAddCleave$/m);
    const custom = parseProfile(
      'spec=beast_mastery\nraid_events=/adds,count=3,first=10,cooldown=30,duration=20,last=250',
      ENGINE_VERSION,
    );
    expect(custom.config.fight.adds).toEqual({
      count: 3,
      firstSeconds: 10,
      intervalSeconds: 30,
      lifetimeSeconds: 20,
      lastSeconds: 250,
    });
    for (const c of [hectic.config, custom.config])
      expect(parseProfile(exportProfile(c), ENGINE_VERSION).config).toEqual(c);
    expect(problemsOf('fight_style=HecticAddCleave\ndesired_targets=3')[0]!.message).toMatch(/not modelled/);
    expect(problemsOf('raid_events=/movement,cooldown=10')[0]!.message).toMatch(/only one adds event/);
  });

  it("reads and writes SimC's timing options: distance (yd), queue_lag, channel_lag, reaction_time_mean (s)", () => {
    const p = parseProfile(
      'spec=marksmanship\ndistance=25\nqueue_lag=0.02\nchannel_lag=0.1\nreaction_time_mean=0.45',
      ENGINE_VERSION,
    );
    expect(p.config.timing).toEqual({
      distanceYards: 25,
      queueLagMs: 20,
      channelLagMs: 100,
      reactionMs: 450,
      targetHealth: 'damage',
    });
    const text = exportProfile(p.config);
    expect(text).toMatch(/^channel_lag=0\.1$/m);
    expect(parseProfile(text, ENGINE_VERSION).config).toEqual(p.config);
  });
});
