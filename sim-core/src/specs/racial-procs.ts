/**
 * The racials that act on hits or on the pets (Orc's Command, Undead's Touch of the Grave, Void
 * Elf's Entropic Embrace, Zandalari Troll's Embrace of Pa'ku) and Kul Tiran's Haymaker: their
 * numbers, auras and damage source; racials.ts lists them with the other races' (actions, buffs,
 * sources), engine/racial-procs.ts and engine/extras.ts apply them.
 */
import { aura } from './common.ts';

/**
 * 21563 Command (Orc) #1: pet damage +1 % (#2: guardian damage +1 %). SimulationCraft
 * (player.cpp composite_player_pet_damage_multiplier) applies #1 to every pet and guardian.
 */
export const COMMAND_PET_DAMAGE = 0.01;

/**
 * 5227 Touch of the Grave (Undead): proc chance 20 %, internal cooldown 15 s, on the player's
 * melee, ranged, spell and periodic damage (its proc flags); the drain (127802) deals shadow damage
 * `$damage` = max(AP × 1.25, SP) × 0.25 (the spell's variable; SimulationCraft hard-codes
 * attack power × 1.25 × 0.25, may crit: unique_gear.cpp touch_of_the_grave_t). 11.1.0.59679
 * nonclass.txt.
 */
export const TOUCH_OF_THE_GRAVE_CHANCE = 0.2;
export const TOUCH_OF_THE_GRAVE_ICD_MS = 15_000;
export const TOUCH_OF_THE_GRAVE_AP = 1.25 * 0.25;

/**
 * 255669 Entropic Embrace (Void Elf): real procs per minute 1 (haste multiplier), on the player's
 * class abilities (yellow melee and ranged, spells, periodic: not auto attacks); the buff 256374
 * lasts 12 s (duration) and #1 raises all damage done by 5 %. SimulationCraft (player.cpp
 * composite_player_multiplier) multiplies the player's damage, not the pets'. 11.1.0.59679
 * nonclass.txt.
 */
export const ENTROPIC_EMBRACE_RPPM = 1;
export const ENTROPIC_EMBRACE_DAMAGE = 0.05;
export const ENTROPIC_EMBRACE_MS = 12_000;

/**
 * 292361 Embrace of Pa'ku (Zandalari Troll, SimulationCraft's default loa): real procs per minute 1
 * (haste multiplier), on the player's damage, auto shots included (its proc flags); the buff 292463
 * lasts 12 s (duration) and #1 adds 4 % critical strike chance (SimC: a crit buff of the player,
 * which the pets inherit). 11.1.0.59679 nonclass.txt.
 */
export const PAKU_RPPM = 1;
export const PAKU_CRIT = 0.04;
export const PAKU_MS = 12_000;

/**
 * 287712 Haymaker (Kul Tiran): physical, 1 s cast, GCD 1.5 s, cooldown 150 s, range 6 yards
 * (SimulationCraft checks ranges only with distance targeting on: a hunter casts it at range
 * there, and here); damage `$damage` = max(SP, AP) × 0.75 (SimC hard-codes 0.75, may crit).
 * 11.1.0.59679 nonclass.txt.
 */
export const HAYMAKER_AP = 0.75;
export const HAYMAKER_CAST_MS = 1_000;
export const HAYMAKER_COOLDOWN_MS = 150_000;

/** The racial damage that is not an action: Touch of the Grave's drain (127802, shadow). */
export const TOUCH_OF_THE_GRAVE_SOURCE = {
  key: 'touch_of_the_grave',
  name: 'Touch of the Grave',
  school: 'shadow',
} as const;

/** Entropic Embrace's and Embrace of Pa'ku's buffs (racials.ts RACIAL_BUFFS lists them). */
export const RACIAL_PROC_BUFFS = [
  aura({
    id: 256374,
    key: 'entropic_embrace',
    name: 'Entropic Embrace',
    description: 'Void Elf racial: damage increased by 5%.',
    durationMs: ENTROPIC_EMBRACE_MS,
  }),
  aura({
    id: 292463,
    key: 'embrace_of_paku',
    name: "Embrace of Pa'ku",
    description: 'Zandalari Troll racial: critical strike chance increased by 4%.',
    durationMs: PAKU_MS,
  }),
];
