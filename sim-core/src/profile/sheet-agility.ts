/**
 * SimulationCraft's `gear_agility=` is the items' agility (enchants and gems included); the
 * config holds the character sheet's (sim-core/docs/specs.md § Attack power). SimC builds the
 * sheet as floor((class base at level 80 + race + Draenei's Heroic Presence + gear) × Mail
 * Specialization), the 5 % only when every armour slot holds a mail item (player_t::init_items
 * `matching_gear`: an empty slot fails it). Numbers: SimulationCraft engine/dbc/sc_extra_data.inc
 * at 6be7f39 (11.2.0.63003), `__gt_class_stats_by_level` Hunter level 80 and `__gt_race_stats`;
 * rounding: player_t::get_attribute (util::floor).
 */
import { isRace, type Race } from '../specs/racials.ts';

/** A level-80 hunter's agility before race and gear (sc_extra_data.inc, Hunter, level 80). */
export const HUNTER_BASE_AGILITY = 17_647;

/** Each race's agility (`__gt_race_stats`, agility column). */
export const RACE_AGILITY: Readonly<Record<Race, number>> = {
  none: 0,
  human: 0,
  earthen_dwarf: 0,
  dracthyr: 0,
  gnome: 1,
  worgen: 1,
  void_elf: 1,
  mechagnome: 1,
  blood_elf: 1,
  goblin: 1,
  nightborne: 1,
  night_elf: 2,
  troll: 2,
  zandalari_troll: 2,
  vulpera: 3,
  lightforged_draenei: -1,
  undead: -1,
  dwarf: -2,
  pandaren: -2,
  dark_iron_dwarf: -2,
  kul_tiran: -2,
  tauren: -2,
  highmountain_tauren: -2,
  draenei: -3,
  orc: -3,
  maghar_orc: -3,
};

/** Heroic Presence (Draenei, 6562 #2): 0.25 × 3828.97 (level-80 item scaling), floored. */
export const HEROIC_PRESENCE_AGILITY = 957;

/** Mail Specialization (86538 #1): +5 % agility in mail on all 8 armour slots. */
export const MAIL_SPECIALIZATION = 0.05;

/** SimC's armour slots (util::is_match_slot), by the profile keys that fill them. */
export const MAIL_SLOTS: ReadonlyArray<readonly string[]> = [
  ['head'],
  ['shoulder', 'shoulders'],
  ['chest'],
  ['waist'],
  ['legs'],
  ['feet'],
  ['wrist', 'wrists'],
  ['hands'],
];

/** The agility a level-80 hunter of `race` (a config's: 'none' or not a race, none) has with no gear. */
export function baseAgility(race: string): number {
  if (!isRace(race)) return HUNTER_BASE_AGILITY;
  return HUNTER_BASE_AGILITY + RACE_AGILITY[race] + (race === 'draenei' ? HEROIC_PRESENCE_AGILITY : 0);
}

/**
 * The character sheet's agility from SimC's `gear_agility`: floored as SimC does with Mail
 * Specialization; without it, base + gear as given (a whole gear number gives a whole sheet, as
 * SimC; a fraction, only from our own export of a fractional sheet, is kept).
 */
export function sheetAgility(gear: number, race: string, mail: boolean): number {
  const total = baseAgility(race) + gear;
  return mail ? Math.floor(total * (1 + MAIL_SPECIALIZATION)) : total;
}

/**
 * `gear_agility` for a profile without armour items (what "Copy as SimC" writes), so that SimC
 * and sheetAgility(…, false) read the config's sheet agility back.
 */
export function gearAgility(sheet: number, race: string): number {
  return sheet - baseAgility(race);
}
