/** Public types of @wowlab/sim-core (see contracts). JSON-serialisable, plain numbers only. */

export type SpecId = 'bm-hunter' | 'mm-hunter';

export interface PlayerStats {
  agility: number;
  crit: number;
  haste: number;
  mastery: number;
  versatility: number;
  weaponDps: number;
  weaponSpeed: number;
}

export interface SimConfig {
  /** Must equal ENGINE_VERSION to run. */
  engineVersion: string;
  spec: SpecId;
  player: { stats: PlayerStats; talents: string[] };
  fight: {
    /** patchwerk: 1 target; cleave: `targets` for the whole fight; adds: a main target plus `adds` waves. */
    style: 'patchwerk' | 'cleave' | 'adds';
    durationSeconds: number;
    /** 0..0.5, uniform ± fraction per iteration (SimC vary_combat_length). */
    durationVariation: number;
    /** 1..20 (patchwerk and adds = 1: the main target). */
    targets: number;
    bloodlust: boolean;
    /** The add waves of an `adds` fight (parseConfig fills SimC's HecticAddCleave waves when missing). */
    adds?: AddWaves;
  };
  /**
   * SimulationCraft's default raid buffs and debuffs (optimal_raid=1), each on unless turned off.
   * parseConfig always fills it (configs from before the field get every buff on).
   */
  raidBuffs?: RaidBuffs;
  /**
   * Flask, potion, rune, food and weapon oil, by their SimulationCraft names
   * (specs/consumables.ts); parseConfig always fills it (configs from before the field, or from
   * before one of its fields, get SimulationCraft's defaults for what is missing).
   */
  consumables?: Consumables;
  /**
   * The character's race by SimulationCraft name (`race=`; specs/racials.ts RACES), 'none' for no
   * racial abilities. parseConfig always fills it ('none' for configs from before the field).
   */
  race?: string;
  /**
   * Class set bonuses worn, by SimulationCraft's option names (`set_bonus=NAME=1`;
   * specs/tier-sets.ts SET_BONUSES). parseConfig always fills it ([] for configs from before the
   * field).
   */
  setBonuses?: string[];
  /**
   * Item effects that are not stats: the meta gem, embellishments, the cloak (specs/gear.ts).
   * parseConfig always fills it (none for configs from before the field).
   */
  gear?: Gear;
  /**
   * Travel time, latency, reaction time and target health (defaults: SimulationCraft's, in
   * config/timing.ts). parseConfig always fills it.
   */
  timing?: Timing;
  /** APL text (SimC syntax) embedded in the config. */
  rotation: string;
}

/**
 * Waves of adds (config/fight-styles.ts): `count` adds appear at firstSeconds, then every
 * intervalSeconds up to lastSeconds; each wave lives lifetimeSeconds (≤ the interval), then dies.
 */
export interface AddWaves {
  count: number;
  firstSeconds: number;
  intervalSeconds: number;
  lifetimeSeconds: number;
  lastSeconds: number;
}

/** Timing options (defaults and limits: config/timing.ts). */
export interface Timing {
  /** Yards from the player to the targets: a shot lands distance / its missile speed later; 0 = at once. */
  distanceYards: number;
  /** Latency before the next action after one on the GCD (SimC `queue_lag`), mean in ms. */
  queueLagMs: number;
  /** Latency before the next action after a channel (SimC `channel_lag`), mean in ms. */
  channelLagMs: number;
  /** Mean of the reaction time `buff.X.react` waits for (SimC `reaction_time_mean`), ms; 0 = none. */
  reactionMs: number;
  /**
   * `damage`: the target's health is estimated from the damage it takes so that it dies at the
   * end of the fight (SimC's fixed-time fights); `linear`: health falls linearly with time.
   */
  targetHealth: 'damage' | 'linear';
}

/**
 * Item effects worn (numbers and sources: specs/gear.ts, weapon-enchants.ts, item-levels.ts). A SimulationCraft profile's item lines
 * fill it (their gems, bonus ids and item levels); 0 / false is not worn.
 */
export interface Gear {
  /**
   * The weapon's enchant by SimulationCraft's name and rank (`councils_guile_3`;
   * specs/weapon-enchants.ts WEAPON_ENCHANTS), 'none' for none.
   */
  weaponEnchant: string;
  /** Distinct Algari gem colours socketed beside Culminating Blasphemite (1..5); 0 without the meta gem. */
  blasphemiteColours: number;
  /** Dawnthread Lining embellishments worn (0..2). */
  dawnthreadLinings: number;
  /** Reshii Wraps' item level; 0 when not worn. */
  reshiiWrapsItemLevel: number;
  /** Boots with Reshii Grace are worn: Reshii Wraps' Ethereal Reaping procs 50 % more often. */
  reshiiGrace: boolean;
  /** Astral Antenna's item level (a trinket); 0 when not worn. */
  astralAntennaItemLevel: number;
  /** Unyielding Netherprism's item level (a trinket with a use: `use_item,name=unyielding_netherprism`); 0 when not worn. */
  netherprismItemLevel: number;
}

/** Raid buffs and debuffs other players bring (numbers and spell ids: specs/raid-buffs.ts). */
export interface RaidBuffs {
  battleShout: boolean;
  markOfTheWild: boolean;
  skyfury: boolean;
  mysticTouch: boolean;
  chaosBrand: boolean;
  /** Hunter's Mark on the first target before the pull (SimC `override.hunters_mark`); off: the hunter casts it. */
  huntersMark: boolean;
}

/**
 * Flask, potion, augment rune, food and weapon oil by SimulationCraft name, or 'none' (the names:
 * specs/consumables.ts FLASKS, POTIONS, AUGMENT_RUNES, FOODS, WEAPON_OILS).
 */
export interface Consumables {
  flask: string;
  potion: string;
  /** SimulationCraft's `augmentation=`. */
  augmentRune: string;
  /** SimulationCraft's `food=`. */
  food: string;
  /** SimulationCraft's `temporary_enchant=main_hand:NAME` (the NAME). */
  weaponOil: string;
}

export interface SimulateOptions {
  /** Safe integer >= 0. */
  seed: number;
  /** Global index of the first iteration of this chunk. */
  seedOffset: number;
  iterations: number;
}

export interface AbilityStats {
  damage: number;
  casts: number;
  hits: number;
  crits: number;
}

export interface ChunkResult {
  engineVersion: string;
  seedOffset: number;
  iterations: number;
  n: number;
  mean: number;
  m2: number;
  min: number;
  max: number;
  /** Per-iteration DPS, in iteration order. */
  samples: number[];
  /** Sums over the chunk's iterations; key = ability key. */
  abilities: Record<string, AbilityStats>;
}

export interface JobAbility {
  key: string;
  name: string;
  /** Mean damage per iteration. */
  damage: number;
  /** Fraction (0..1) of the total damage. */
  share: number;
  /** Mean casts per iteration. */
  casts: number;
  /** Mean hits per iteration. */
  hits: number;
  /** Mean critical hits per iteration. */
  crits: number;
  /** crits / hits in percent. */
  critPct: number;
  /** share × mean DPS. */
  dps: number;
}

export interface JobResult {
  iterations: number;
  mean: number;
  stdDev: number;
  /** z₉₅·σ/√n (95 %, Z95 = 1.95996…). */
  dpsError: number;
  min: number;
  max: number;
  percentiles: { p5: number; p25: number; p50: number; p75: number; p95: number };
  histogram: { min: number; max: number; binWidth: number; counts: number[] };
  abilities: JobAbility[];
}

export interface SpellInfo {
  id: number;
  key: string;
  name: string;
  description: string;
  school: string;
  cooldownMs?: number;
  cost?: number;
}

export interface AuraInfo {
  id: number;
  key: string;
  name: string;
  description: string;
  durationMs: number;
  maxStacks: number;
}

export interface TalentInfo {
  key: string;
  name: string;
  description: string;
  spellId?: number;
}
