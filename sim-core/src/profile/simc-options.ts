/**
 * SimulationCraft's options that a pasted profile may carry and that are not read here: its
 * sim-wide ones (`sim_t::create_options`), the character's (`player_t`, `hunter_t`), the item
 * slots. Each is listed back as ignored with why, so that a whole .simc file pastes (an unknown
 * option is an error, as a typo should be); a second character is refused with why. The options
 * this importer reads (iterations, target_error, max_time, fight_style, optimal_raid, override.*,
 * queue_lag, …) are handled in options.ts.
 */
import { nameTable } from '../name-table.ts';

/** How SimC runs and reports a sim: the platform runs and shows it its own way. */
const RUN =
  "a SimulationCraft run setting: the platform runs the sim its own way (the job's iterations and seed are chosen in the sim builder)";
const REPORT = 'a SimulationCraft report or output setting: the result shows on the job page';
const SCALING =
  'stat weights are a kind of sim here: choose Stat weights in the sim builder (Agility, Critical Strike, Haste, Mastery, Versatility)';
const TIMING =
  'not modelled: the lags modelled are queue_lag, channel_lag and the hunter’s reaction_time_mean (SimC’s defaults)';
const TARGET = 'not modelled: the target is a level-83 boss of the chosen fight style';
const OTHERS = 'not modelled: the sim has one player and its pet';

const RUN_KEYS = [
  'threads',
  'cleanup_threads',
  'process_priority',
  'optimize_expressions',
  'single_actor_batch',
  'progressbar_type',
  'stat_cache',
  'analyze_error_interval',
  'target_error_role',
  'confidence',
  'strict_work_queue',
  'deterministic',
  'rng',
  'seed',
  'wheel_granularity',
  'wheel_seconds',
  'wheel_shift',
  'monitor_cpu',
  'report_iteration_data',
  'min_report_iteration_data',
  'average_range',
  'average_gauss',
  'regen_periodicity',
  'profileset_work_threads',
  'profileset_init_threads',
  'profileset_multiactor_mode',
  'item_db_source',
  'proxy',
  'armory_retries',
  'default_region',
  'default_server',
  'cache_items',
  'cache_players',
  'http_clear_cache',
];
const REPORT_KEYS = [
  'html',
  'json',
  'json2',
  'xml',
  'output',
  'log',
  'debug',
  'debug_each',
  'debug_seed',
  'hosted_html',
  'save_profiles',
  'save_profile_with_actions',
  'save_raid_summary',
  'save_gear_comments',
  'save_talent_str',
  'save_prefix',
  'save_suffix',
  'talent_format',
  'buff_uptime_timeline',
  'json_full_states',
  'report_precision',
  'report_pets_separately',
  'report_targets',
  'report_details',
  'report_raw_abilities',
  'report_rng',
  'report_raid_summary',
  'statistics_level',
  'separate_stats_by_actions',
  'maximize_reporting',
  'decorated_tooltips',
  'chart_show_relative_difference',
  'chart_boxplot_percentile',
  'show_hotfixes',
  'show_bonus_ids',
  'print_styles',
  'reforge_plot_output_file',
  'spell_query',
  'spell_query_xml_output_file',
];
const SCALING_KEYS = [
  'calculate_scale_factors',
  'scale_only',
  'scaling_normalized',
  'normalize_scale_factors',
  'center_scale_delta',
  'scale_delta_multiplier',
  'positive_scale_delta',
  'scale_lag',
  'scale_over',
  'scale_over_player',
];
const TIMING_KEYS = [
  'gcd_lag',
  'gcd_lag_stddev',
  'queue_lag_stddev',
  'channel_lag_stddev',
  'queue_gcd_reduction',
  'strict_gcd_queue',
  'default_cooldown_tolerance',
  'default_world_lag',
  'default_world_lag_stddev',
  'default_aura_delay',
  'default_aura_delay_stddev',
  'reaction_time',
  'travel_variance',
];
const TARGET_KEYS = [
  'enemy',
  'tmi_boss',
  'tank_dummy',
  'main_target',
  'target_level',
  'target_level+',
  'target_race',
  'enemy_death_pct',
  'override.target_health',
  'target_health',
  'ignore_invulnerable_targets',
  'distance_targeting_enabled',
  'max_aoe_enemies',
];
const OTHER_KEYS = [
  'party',
  'active',
  'reference_player',
  'healing',
  'enable_dps_healing',
  'enable_taunts',
  'show_etmi',
  'tmi_window_global',
  'tmi_bin_size',
  'challenge_mode',
  'timewalk',
  'scale_to_itemlevel',
  'scale_itemlevel_down_only',
  'pvp',
  'auto_attacks_always_land',
  'use_item_verification',
  'global_item_upgrade_level',
  'default_actions',
];

/** The character's own SimC options (`player_t::create_options`) that are not read here. */
const PLAYER_KEYS = [
  'origin',
  'thumbnail',
  'id',
  'quiet',
  'sleeping',
  'ready_trigger',
  'target',
  'save',
  'save_gear',
  'save_talents',
  'save_actions',
  'save_json',
  'comment',
  'bugs',
  'scale_player',
  'tmi_output',
  'tmi_window',
  'stat_timelines',
  'disable_hotfixes',
];
const PLAYER = 'a SimulationCraft character setting with no effect on this sim';
const PLAYER_TIMING_KEYS = [
  'world_lag',
  'world_lag_stddev',
  'brain_lag',
  'brain_lag_stddev',
  'cooldown_tolerance',
  'reaction_time_stddev',
  'reaction_time_nu',
  'reaction_time_offset',
  'reaction_time_max',
];

/** Sim-wide SimC options listed back as ignored: option → why. */
const SIMC_GLOBALS: Readonly<Record<string, string>> = Object.fromEntries([
  ...RUN_KEYS.map((k) => [k, RUN]),
  ...REPORT_KEYS.map((k) => [k, REPORT]),
  ...SCALING_KEYS.map((k) => [k, SCALING]),
  ...TIMING_KEYS.map((k) => [k, TIMING]),
  ...TARGET_KEYS.map((k) => [k, TARGET]),
  ...OTHER_KEYS.map((k) => [k, OTHERS]),
  ...PLAYER_KEYS.map((k) => [k, PLAYER]),
  ...PLAYER_TIMING_KEYS.map((k) => [k, TIMING]),
  ...['skill', 'default_skill'].map((k) => [
    k,
    'not modelled: the hunter plays every action as the rotation says (SimC’s skill=1)',
  ]),
  // sc_hunter.cpp hunter_t::create_options
  [
    'summon_pet',
    "the pet's family is not read: every family's attacks hit the same here, and a pet is out with Beast Mastery, or Marksmanship with Unbreakable Bond",
  ],
  ['hunter.pet_attack_speed', 'not read: the pet swings every 2 s (SimC’s default)'],
  [
    'hunter.pet_basic_attack_delay',
    'not read: the pet’s basic attack waits 0.15 s on average (SimC’s default)',
  ],
  ['max_prio_damage', 'not read: a rotation’s max_prio_damage reads 1, SimC’s default'],
  ['external_buffs', 'not modelled: no external buffs such as Power Infusion here'],
  ['zandalari_loa', "not modelled: a Zandalari Troll's loa is Paku here"],
  ['talent_override', 'not read: the talents come from talents= (or the talent list)'],
  ['bloodlust_percent', 'not modelled: Bloodlust comes at the pull (override.bloodlust=0 turns it off)'],
  ['bloodlust_time', 'not modelled: Bloodlust comes at the pull (override.bloodlust=0 turns it off)'],
  ...['potions', 'food', 'flasks', 'augmentations'].map((k) => [
    `override.allow_${k}`,
    `not read: leave a consumable out with its own line (potion=disabled, flask=disabled, food=disabled, augmentation=disabled)`,
  ]),
]);

/**
 * Option families by prefix: `apl_variable.NAME=` (an APL variable's starting value) and the
 * expansions' item and effect options (`thewarwithin.…`, `dragonflight.…`, …).
 */
export const SIMC_PREFIXES: ReadonlyArray<readonly [string, string]> = [
  ['apl_variable.', 'not read: give the variable its starting value with a variable line in the rotation'],
  ...['thewarwithin.', 'dragonflight.', 'shadowlands.', 'bfa.', 'legion.', 'midnight.'].map(
    (p) => [p, "an option of SimulationCraft's item and effect models, which are not modelled here"] as const,
  ),
];

/** Options whose value must not be echoed back (credentials). */
export const SECRET_OPTIONS: ReadonlySet<string> = new Set(['apikey', 'apitoken']);

/**
 * SimC's item slots but the weapon's (main_hand= gives the weapon's speed and damage: options.ts).
 * The set pieces among them count for the set bonuses (set-bonus.ts).
 */
export const ITEM_SLOTS: readonly string[] = [
  'head',
  'neck',
  'shoulder',
  'shoulders',
  'back',
  'chest',
  'shirt',
  'tabard',
  'wrist',
  'wrists',
  'hands',
  'waist',
  'legs',
  'feet',
  'finger1',
  'finger2',
  'trinket1',
  'trinket2',
];

/** An item line: what is lost (its own effects) and where its stats come from instead. */
const ITEM =
  "the item itself is not read: its stats count through gear_*= lines or the Gear Summary, and its own effects (an embellishment's, a special effect) are not modelled";
/** A trinket line: as ITEM, and its effect is most of what a trinket adds to SimulationCraft's DPS. */
const TRINKET =
  "the trinket's effect (its proc or on-use) is not modelled, so DPS comes out below SimulationCraft's by what it adds; its stats count through gear_*= lines or the Gear Summary";

/** Understood but not modelled here: listed back, never silently dropped. */
export const IGNORED: Readonly<Record<string, string>> = nameTable({
  role: 'the role follows the spec',
  position: 'the position is not modelled',
  region: 'character lookup is not done here',
  server: 'character lookup is not done here',
  source: 'character lookup is not done here',
  professions: 'professions are not modelled',
  ptr: 'one game version is modelled',
  timeofday: 'not modelled',
  covenant: 'not modelled',
  soulbind: 'not modelled',
  off_hand: 'hunters fight with one ranged weapon',
  ...Object.fromEntries(ITEM_SLOTS.map((slot) => [slot, slot.startsWith('trinket') ? TRINKET : ITEM])),
  ...SIMC_GLOBALS,
});

/** Why a second character is an error. */
export const ONE_CHARACTER =
  'a profile here holds one character; compare setups of it with profileset."name"+= lines';
const ONLINE = (key: string) =>
  `${key}= looks characters up online, which is not done here: paste the SimulationCraft addon's export (/simc in game) instead`;

/**
 * Options refused as errors (never read in part, never ignored): a second character, another
 * class's character, an online lookup. Option → the error, from its (shortened) value.
 */
export const REFUSED: Readonly<Record<string, (value: string) => string>> = nameTable({
  copy: (value: string) => `copy=${value} makes a second character: ${ONE_CHARACTER}`,
  armory: () => ONLINE('armory'),
  local_json: () => ONLINE('local_json'),
  guild: () => ONLINE('guild'),
  ...Object.fromEntries(
    [
      'deathknight',
      'demonhunter',
      'druid',
      'evoker',
      'mage',
      'monk',
      'paladin',
      'priest',
      'rogue',
      'shaman',
      'warlock',
      'warrior',
    ].map((k) => [k, (value: string) => `${k}=${value}: only hunters are modelled here`]),
  ),
});
