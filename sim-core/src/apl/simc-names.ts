/**
 * Names that exist in SimulationCraft's hunter action lists but have nothing to model here, kept
 * as data in one place. A rotation that uses one of them still loads: an action becomes a no-op,
 * a talent/buff/debuff/dot/cooldown reads as "not taken / never up / never cast", and each use
 * is listed back as a warning with its line. A name in none of these lists (and not in the spec's
 * vocabulary) stays an error, so a misspelt name is still caught.
 *
 * Sources: SimulationCraft's hunter module (engine/class_modules/sc_hunter.cpp, Midnight: the
 * members of hunter_t::talents_t, buffs_t, cooldowns_t, hunter_td_t and the hunter options) and
 * its default lists (ActionPriorityLists/default/hunter_*.simc) for the generic actions.
 */

import { nameTable } from '../name-table.ts';
import { setBonusName, type SetBonus } from '../specs/tier-sets.ts';
import { ON_USE_ITEMS } from '../specs/gear.ts';

/** A set of the snake_case names in `text` (words ending in ':' are section labels). */
function words(text: string): ReadonlySet<string> {
  return new Set(text.split(/\s+/).filter((w) => w !== '' && !w.endsWith(':')));
}

/** Actions every SimC profile may use that do nothing here, with the reason shown to the user. */
export const NOOP_ACTIONS: Readonly<Record<string, string>> = nameTable({
  summon_pet: 'a pet is out from the pull: Beast Mastery, or Marksmanship with Unbreakable Bond',
  snapshot_stats: 'stats are fixed for the whole fight',
  auto_shot: 'auto shots always run',
  use_item: `no on-use item of that name is modelled here, only ${Object.keys(ON_USE_ITEMS).join(', ')}`,
  use_items: 'no on-use items here',
  potion: 'no potions here',
  ancestral_call: 'no racial abilities here',
  fireblood: 'no racial abilities here',
  berserking: 'no racial abilities here',
  flask: 'no consumables here',
  food: 'no consumables here',
  augmentation: 'no consumables here',
  temporary_enchant: 'no consumables here',
  invoke_external_buff: 'no external buffs such as Power Infusion here',
  retarget: 'the rotation always starts on the primary target',
  arcane_pulse: 'a racial ability not modelled yet',
  counter_shot: 'nothing to interrupt here',
  muzzle: 'nothing to interrupt here',
  cancel_buff: 'buffs are never cancelled here',
});

/** Hunter spells (any spec) that a rotation may name; the ones the spec does not model are no-ops. */
export const HUNTER_SPELLS: ReadonlySet<string> = words(`
  aimed_shot arcane_shot aspect_of_the_wild barbed_shot barrage bestial_wrath black_arrow bloodshed
  boomstick call_of_the_wild chimaera_shot cobra_shot death_chakram dire_beast explosive_shot
  flamefang_pitch flare freezing_trap harpoon hunters_mark kill_command kill_shot moonlight_chakram
  multishot raptor_strike rapid_fire stampede steady_shot takedown tar_trap trueshot volley
  wailing_arrow wild_thrash wildfire_bomb
`);

/**
 * Hunter talents of the three spec trees, the class tree and the hero trees. SimC names a talent
 * by its name in the game in snake case (`find_talent_spell(..., "Multi-Shot", ...)` is
 * `talent.multishot`). `the_war_within:` are talents of The War Within's trees (11.x) that
 * SimulationCraft's profiles still read (TWW3_Hunter_Beast_Mastery*.simc `talent.multishot`,
 * MID2_Hunter_Marksmanship.simc `talent.tactical_reload`): hunter_t::init_spells of that version,
 * `talents.multishot_bm = find_talent_spell( talent_tree::SPECIALIZATION, "Multi-Shot",
 * HUNTER_BEAST_MASTERY )` and `talents.tactical_reload = find_talent_spell( ..., "Tactical Reload",
 * HUNTER_MARKSMANSHIP )`. A spec that has one of them as a talent (BM's `multishot`,
 * specs/bm-hunter/beast-cleave.ts) reads it from the config instead.
 */
export const HUNTER_TALENTS: ReadonlySet<string> = words(`
  class_tree:
  combat_experience precision_strikes serrated_tips disruptive_rounds trigger_finger
  tar_trap specialized_arsenal keen_eyesight unnatural_causes explosive_shot
  counter_shot muzzle deathblow
  beast_mastery:
  animal_companion solitary_companion barbed_shot alpha_predator dire_beast stomp
  war_orders wild_thrash bestial_wrath cobra_shot beast_cleave scent_of_blood
  thundering_hooves go_for_the_throat laceration kill_cleave training_expert
  the_beast_within thrill_of_the_hunt pack_tactics barbed_scales aspect_of_the_beast
  dire_cleave dire_command jagged_wounds serpentine_strikes snakeskin_quiver
  cobra_senses dire_frenzy frenzy killer_instinct brutal_companion huntmasters_call
  heart_of_the_pack bloodshed savagery killer_cobra master_handler wildspeaker
  wild_instincts bloody_frenzy piercing_fangs natures_ally wild_call barbed_wrath
  call_of_the_wild kill_command
  marksmanship:
  aimed_shot rapid_fire precise_shots quick_draw lock_and_load surging_shots
  avian_specialization unbreakable_bond trick_shots aspect_of_the_hydra in_the_rhythm
  penetrating_shots master_marksman light_ammo obsidian_arrowhead on_target
  trueshot kill_shot target_acquisition critical_precision no_scope feathered_frenzy
  lethality headshot deadeye take_aim unmatched_precision bullseye
  calling_the_shots unerring_vision small_game_hunter eagles_accuracy focused_aim
  bulletstorm tensile_bowstring volley focus_fire windrunner_quiver
  incendiary_ammunition double_tap salvo bullet_hell shrapnel_shot unload
  careful_aim steady_focus ohnahran_winds
  dark_ranger:
  black_arrow bleak_arrows soul_drinker bleak_powder corpsecaller ebon_bowstring
  through_the_eyes wailing_dead wailing_arrow blighted_quiver banshees_mark
  the_bell_tolls umbral_reach pact_of_the_hollow withering_fire
  pack_leader:
  howl_of_the_pack_leader pack_mentality dire_summons better_together ursine_fury
  sharpened_claws fury_of_the_wyvern hogstrider lethal_barbs no_mercy
  hoof_and_blade wyverns_gaze sharpened_fangs stampede
  sentinel:
  sentinel sentinels_mark moons_blessing sanctified_armaments moonlight_chakram
  stargazer open_fire cant_miss_wont_miss invigorating_pulse twilight_requiem
  stalk_and_strike arcane_talons lunar_calling radiant_edge lunar_storm
  the_war_within:
  multishot tactical_reload
`);

/**
 * Player buffs of the hunter module, plus raid buffs the default lists read. `tier_sets:` are the
 * buffs of The War Within season 3's hunter sets (SimC buffs_t; Blighted Quiver 1236975): each
 * spec's data has those its hero trees model (specs/hero/dark-ranger-set.ts, pack-leader-tier.ts,
 * mm-hunter/sentinel.ts), which a rotation reads; for the other spec they read 0 with a warning, as
 * any real name not modelled there (`set_bonus.*` reads the config's set bonuses, properties.ts).
 * Items' buffs are in ITEM_BUFFS.
 */
export const HUNTER_BUFFS: ReadonlySet<string> = words(`
  deathblow precise_shots trick_shots lock_and_load in_the_rhythm trueshot
  bullseye bulletstorm volley double_tap focus_fire barbed_shot bestial_wrath
  beast_cleave huntmasters_call summon_fenryr summon_hati heart_of_the_pack
  natures_ally bloody_frenzy cobra_fang howl_of_the_pack_leader_wyvern
  howl_of_the_pack_leader_boar howl_of_the_pack_leader_bear howl_of_the_pack_leader_cooldown
  wyverns_cry hogstrider stampede stargazer moonlight_chakram withering_fire
  wailing_arrow moving_target razor_fragments lunar_storm_cooldown lunar_storm_ready
  steady_focus thrill_of_the_hunt call_of_the_wild frenzy
  raid_buffs_and_consumables:
  bloodlust heroism time_warp power_infusion liquid_luster
  tier_sets:
  boon_of_elune_2pc boon_of_elune_4pc grizzled_fur hasted_hooves sharpened_fangs blighted_quiver
`);

/**
 * Buffs of The War Within's items that SimulationCraft creates on every character, whether it has
 * the item or not, so that any action list may read them (`unique_gear::create_fallback_buffs` in
 * engine/player/unique_gear_thewarwithin.cpp, simulationcraft/simc at 50d41507, the last change to
 * the TWW hunter module): buff → the item, as SimC names the item's effect. These items are not
 * modelled here, so each reads as never up, with a warning. (Unyielding Netherprism's
 * `latent_energy` and `unyielding_netherprism`, which TWW3_Hunter_Beast_Mastery_Pack_Leader.simc
 * reads, are buffs of every spec's data: specs/gear.ts.) A name in no list stays an error, as a
 * misspelt hunter buff.
 * Left out: the buffs of Flask of Alchemical Chaos (flask_of_alchemical_chaos_crit/haste/mastery/
 * vers), a modelled flask whose stat changes are not buffs a rotation can read here.
 */
export const ITEM_BUFFS: Readonly<Record<string, string>> = nameTable({
  spymasters_web: 'spymasters_web',
  spymasters_report: 'spymasters_web',
  aberrant_empowerment: 'aberrant_spellforge',
  aberrant_spellforge: 'aberrant_spellforge',
  cryptic_instructions: 'treacherous_transmitter',
  errant_manaforge_emission: 'treacherous_transmitter',
  realigning_nexus_convergence_divergence: 'treacherous_transmitter',
  ethereal_powerlink: 'treacherous_transmitter',
  entropic_skardyn_core: 'entropic_skardyn_core',
  entropic_reclamation: 'entropic_skardyn_core',
  concoction_kiss_of_death: 'concoction_kiss_of_death',
  full_momentum: 'scroll_of_momentum',
  kaheti_shadeweavers_dark_ritual: 'kaheti_shadeweavers_emblem',
  maybe_stop_blowing_up: 'improvised_seaforium_pacemaker',
  explosive_adrenaline: 'improvised_seaforium_pacemaker',
  inner_resilience: 'tome_of_lights_devotion',
  inner_radiance: 'tome_of_lights_devotion',
  ward_of_devotion: 'tome_of_lights_devotion',
  junkmaestros_mega_magnet: 'junkmaestros_mega_magnet',
  manaforged_aethercell: 'manaforged_aethercell',
  oathbound: 'nexuskings_command',
  boon_of_the_oathsworn: 'nexuskings_command',
  woven_dusk: 'woven_dusk',
  woven_dawn: 'woven_dawn',
  embrace_of_the_cinderbee_orb: 'embrace_of_the_cinderbee',
});

/**
 * Hunter spells SimulationCraft channels (sc_hunter.cpp: `channeled = true` in rapid_fire_t and
 * boomstick_t). Only these take the channel options below.
 */
export const HUNTER_CHANNELS: ReadonlySet<string> = words(`rapid_fire boomstick`);

/**
 * SimulationCraft's options for a channelled spell (engine/action/action.cpp, action_t::action_t:
 * `opt_string` for the expressions, `opt_bool` for the others): stop the channel early
 * (`interrupt_if`, `interrupt`, `interrupt_immediate`, `interrupt_global`, `cancel_if`) or chain
 * it into a new one (`chain`, `early_chain_if`). A channel here always runs to its end, so they
 * are accepted and ignored, each line with a warning.
 */
export const CHANNEL_OPTIONS: Readonly<Record<string, 'expression' | 'flag'>> = nameTable({
  interrupt_if: 'expression',
  early_chain_if: 'expression',
  cancel_if: 'expression',
  interrupt: 'flag',
  interrupt_immediate: 'flag',
  interrupt_global: 'flag',
  chain: 'flag',
});

/** Debuffs the hunter puts on a target. */
export const HUNTER_DEBUFFS: ReadonlySet<string> = words(`
  hunters_mark spotters_mark sentinels_mark headshot outland_venom
`);

/** Damage over time effects of the hunter module. */
export const HUNTER_DOTS: ReadonlySet<string> = words(`
  explosive_shot barbed_shot laceration wildfire_bomb sanctified_armaments
  black_arrow black_arrow_dot bloodshed serpent_sting
`);

/** Buffs of the main pet. */
export const HUNTER_PET_BUFFS: ReadonlySet<string> = words(`
  frenzy beast_cleave bestial_wrath thrill_of_the_hunt piercing_fangs
`);

/** Hero talent trees (`hero_tree.X`). */
export const HUNTER_HERO_TREES: ReadonlySet<string> = words(`pack_leader dark_ranger sentinel`);

/**
 * A modelled hero tree reads as its keystone talent, which the game grants to every player of the
 * tree (Dark Ranger: Black Arrow, 466932; Pack Leader: Howl of the Pack Leader, 471876).
 */
export const HERO_TREE_KEYSTONES: Readonly<Record<string, string>> = nameTable({
  dark_ranger: 'black_arrow',
  pack_leader: 'howl_of_the_pack_leader', // 471876 (specs/hero/pack-leader.ts)
});

/**
 * Property prefixes of SimC that read game state we do not have (trinkets, consumables, fight
 * styles, Pack Leader's summon cycle, ...). Any property under them reads 0, with a warning.
 */
export const UNMODELLED_PREFIXES: Readonly<Record<string, string>> = nameTable({
  howl_summon: 'the Pack Leader beasts are modelled for Beast Mastery, read by howl_summon.ready[.X] only',
  apex: 'Apex talent ranks are not modelled',
  trinket: 'the modelled on-use trinket counts as trinket 1; trinket 2 reads as one without a use',
  this_trinket: 'this_trinket is read in a use_items or use_item line',
  other_trinket:
    'the other trinket reads as one without a use: only on-use trinkets that are modelled are used',
  potion: "the potion's properties are not modelled",
  raid_event: 'raid events are not modelled',
  fight_style: 'fight styles are chosen in the config, not read by the rotation',
});

/**
 * `max_prio_damage`: SimC's hunter option (sc_hunter.cpp, hunter_t::options_t, default true) that
 * funnels damage into the primary target; read as a number it is 1.
 */
export const MAX_PRIO_DAMAGE = 1;

/**
 * SimulationCraft's shape of a set bonus name (set_bonus_t::parse_set_bonus_option): the set's
 * option name or tier, then `_Npc` (`thewarwithin_season_3_4pc`, `tww3_4pc`, `tier31_2pc`); a
 * season 3 hero set may name its hero tree between them (`tww3_dark_ranger_4pc`).
 */
const SET_BONUS_SHAPE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*_[0-9]pc$/i;
const HERO_SET_BONUS = /^tww3_([a-z_]+)_([0-9]pc)$/i;

/**
 * A set bonus name as SimulationCraft reads it (in `set_bonus=` and `set_bonus.NAME`): null when it
 * is not of its shape (misspelt); else the bonus modelled (specs/tier-sets.ts), or null for another
 * set's or season's, and the hero tree a `tww3_<hero tree>_Npc` name gives.
 */
export function readSetBonusName(name: string): { bonus: SetBonus | null; heroTree?: string } | null {
  if (!SET_BONUS_SHAPE.test(name)) return null;
  const bonus = setBonusName(name);
  if (bonus !== null) return { bonus };
  const hero = HERO_SET_BONUS.exec(name);
  const tree = hero?.[1]!.toLowerCase();
  if (hero === null || tree === undefined || !HUNTER_HERO_TREES.has(tree)) return { bonus: null };
  return { bonus: setBonusName(`tww3_${hero[2]!}`), heroTree: tree };
}

/** What a set bonus name of another set or season is told (profile lines and rotations). */
export const OTHER_SET_BONUS =
  "the set bonuses modelled are The War Within season 3's hunter set's: tww3_2pc, tww3_4pc";
