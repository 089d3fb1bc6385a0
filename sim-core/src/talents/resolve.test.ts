import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../config/parse-config.ts';
import { specData, specs } from '../specs/registry.ts';
import { encodeLoadout } from './loadout.ts';
import { describeLoadoutTalents, talentsFromLoadout } from './resolve.ts';
import { REAL } from './test-strings.ts';
import { HUNTER_NODES } from './tree.ts';

const treeSpells = new Set(HUNTER_NODES.flatMap((n) => n.entries.map((e) => e.spellId)));

describe('talentsFromLoadout', () => {
  it('maps a BM loadout to our keys by spell id and lists everything else with a reason', () => {
    const r = talentsFromLoadout(REAL.bmDarkRanger);
    expect(r.spec).toBe('bm-hunter');
    expect(r.heroTree).toBe('Dark Ranger');
    expect(r.modelled.map((t) => [t.key, t.spellId, t.rank])).toEqual([
      ['banshees_mark', 467902, 1],
      ['bleak_arrows', 467749, 1],
      ['the_bell_tolls', 467644, 1],
      ['bleak_powder', 467911, 1],
      ['umbral_reach', 1235397, 1],
      ['soul_drinker', 469638, 1],
      ['ebon_bowstring', 467897, 1],
      ['black_arrow', 466932, 1],
      ['withering_fire', 466990, 1],
      ['call_of_the_wild', 359844, 1],
      ['training_expert', 378209, 1],
      ['bloody_frenzy', 407412, 1],
      ['war_orders', 393933, 1],
      ['snakeskin_quiver', 468695, 1],
      ['thrill_of_the_hunt', 257944, 1],
      ['stomp', 199530, 1],
      ['barbed_scales', 469880, 1],
      ['savagery', 424557, 1],
      ['go_for_the_throat', 459550, 1],
      ['master_handler', 424558, 1],
      ['hunters_prey', 378210, 1],
      ['animal_companion', 267116, 1],
      ['bloodshed', 321530, 1],
      ['killer_instinct', 273887, 2],
      ['dire_command', 378743, 1],
      ['dire_frenzy', 385810, 2],
      ['alpha_predator', 269737, 1],
      ['laceration', 459552, 1],
      ['barbed_wrath', 231548, 1],
      ['pack_tactics', 321014, 1],
      ['dire_beast', 120679, 1],
      // class tree (specs/class-tree.ts)
      ['serrated_tips', 459502, 1],
      ['unnatural_causes', 459527, 1],
      ['specialized_arsenal', 459542, 1],
      ['blackrock_munitions', 462036, 1],
      ['trigger_finger', 459534, 2],
      ['keen_eyesight', 378004, 2],
      ['deathblow', 343248, 1],
      ['harmonize', 1245926, 1],
      ['wildspeaker', 1232739, 1], // spec tree, after the class tree in node order
      ['huntmasters_call', 459730, 1], // spec tree, after the class tree in node order
    ]);
    expect(r.baseline.map((t) => t.name).sort()).toEqual([
      'Barbed Shot',
      'Bestial Wrath',
      'Cobra Shot',
      'Kill Command',
      'Kill Shot',
    ]);
    expect(r.ignored.find((t) => t.name === 'Black Arrow')).toBeUndefined();
    expect(r.ignored.find((t) => t.name === 'Shadow Dagger')).toMatchObject({ reason: 'not modelled yet' });
    expect(r.ignored.find((t) => t.name === 'Howl of the Pack Leader')).toMatchObject({
      reason: 'a Pack Leader talent, and this loadout uses Dark Ranger',
    });
    // every selected talent is in exactly one list
    expect(r.modelled.length + r.baseline.length + r.ignored.length).toBe(r.decoded.talents.length);
    // every default talent is a tree talent (the weapon enchant is the config's gear now)
    expect(r.kept).toEqual([]);
    expect(r.keys).toEqual(r.modelled.map((t) => t.key));
  });

  it('keeps only the base options that are not in the tree; a tree talent not in the string is off', () => {
    const r = talentsFromLoadout(REAL.bmDarkRanger, { base: ['wild_call', 'kill_cleave'] });
    expect(r.kept).toEqual([]);
    expect(r.keys).not.toContain('wild_call');
    const mm = talentsFromLoadout(REAL.mmDarkRanger);
    expect(mm.modelled.map((t) => t.key).sort()).toEqual([
      'ammo_conservation',
      'avian_specialization',
      'banshees_mark',
      'black_arrow',
      'blackrock_munitions',
      'bleak_arrows',
      'bleak_powder',
      'bulletstorm',
      'bullseye',
      'deathblow',
      'ebon_bowstring',
      'explosive_shot',
      'feathered_frenzy',
      'focused_aim',
      'headshot',
      'improved_deathblow',
      'in_the_rhythm',
      'keen_eyesight',
      'lock_and_load',
      'magnetic_gunpowder',
      'master_marksman',
      'moving_target',
      'on_target',
      'penetrating_shots',
      'precise_shots',
      'precision_detonation',
      'razor_fragments',
      'serrated_tips',
      'shrapnel_shot',
      'soul_drinker',
      'specialized_arsenal',
      'streamline',
      'surging_shots',
      'tensile_bowstring',
      'the_bell_tolls',
      'trigger_finger',
      'umbral_reach',
      'unerring_vision',
      'unmatched_precision',
      'unnatural_causes',
      'windrunner_quiver',
      'withering_fire',
    ]);
    // Eyes in the Sky: the spec's baseline, not a node; Steady Focus: not a default
    expect(mm.kept.map((k) => k.key)).toEqual(['eyes_in_the_sky']);
  });

  it('names which modelled talent keys are not talents of the game tree (for the "kept" list)', () => {
    const outside = (id: 'bm-hunter' | 'mm-hunter') =>
      specData(id)
        .talents.filter((t) => t.spellId === undefined || !treeSpells.has(t.spellId))
        .map((t) => t.key);
    expect(outside('bm-hunter')).toEqual([]);
    expect(outside('mm-hunter')).toEqual(['careful_aim', 'steady_focus', 'eyes_in_the_sky']);
  });

  it('describes a partial rank and the hero tree in words', () => {
    const s = encodeLoadout({
      specId: 253,
      heroTree: 'Pack Leader',
      talents: [{ nodeId: 102364, rank: 1 }, { nodeId: 102346 }, { nodeId: 94967 }],
    });
    const r = talentsFromLoadout(s);
    expect(r.modelled).toEqual([expect.objectContaining({ key: 'killer_instinct:1', rank: 1, maxRanks: 2 })]);
    expect(describeLoadoutTalents(r)).toEqual([
      'talents: Beast Mastery (Pack Leader) loadout, 1 modelled talent(s)',
      '  modelled: Killer Instinct 1/2',
      '  always known in the model: Kill Command',
      '  ignored, not modelled yet: Shell Cover',
    ]);
  });

  it('refuses a Survival string and a string of the other spec, in words', () => {
    expect(() => talentsFromLoadout(encodeLoadout({ specId: 255, talents: [] }))).toThrow(
      'This talent string is for a Survival Hunter: only Beast Mastery and Marksmanship are simulated here',
    );
    expect(() => talentsFromLoadout(REAL.mmDarkRanger, { expected: 'bm-hunter' })).toThrow(
      'This talent string is for a Marksmanship Hunter, but the spec is Beast Mastery',
    );
  });
});

describe('config.player.talents as an in-game string', () => {
  /** The BM default config as untyped JSON, as a config arrives from outside. */
  const bm = () =>
    JSON.parse(JSON.stringify(specs.find((s) => s.id === 'bm-hunter')!.defaultConfig())) as {
      player: { talents: unknown };
    };

  it('becomes the loadout’s keys; keys still work', () => {
    const c = bm();
    c.player.talents = REAL.bmPackLeader;
    const parsed = parseConfig(c);
    expect(parsed.player.talents).toEqual(talentsFromLoadout(REAL.bmPackLeader).keys);
    expect(parseConfig(bm()).player.talents).toEqual(specData('bm-hunter').defaultTalents);
  });

  it('a string that cannot be used is a config problem in words', () => {
    const c = bm();
    c.player.talents = REAL.mmDarkRanger;
    expect(() => parseConfig(c)).toThrow(ConfigError);
    try {
      parseConfig(c);
    } catch (e) {
      expect((e as ConfigError).problems).toEqual([
        'config.player.talents: This talent string is for a Marksmanship Hunter, but the spec is Beast Mastery',
      ]);
    }
  });
});
