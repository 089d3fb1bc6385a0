/**
 * Class set bonuses ("tier sets") by SimulationCraft's option names (`set_bonus=NAME=1` in a
 * profile, `set_bonus.NAME` in a rotation). The War Within season 3 gives hunters hero-tree sets:
 * the 2- and 4-piece bonuses act for the hero tree taken (Dark Ranger 1236370/1236371, Pack Leader
 * 1236372/1236373, Sentinel 1236374/1236375 in SpellDataDump/hunter.txt of 11.2.0.63003, as docs/specs.md), whichever
 * it is; the mechanics live with each hero tree (specs/hero, specs/mm-hunter/sentinel.ts).
 *
 * Facts: SimC engine/dbc/generated/item_set_bonus.inc (11.2.0.63003), set 1923 "Midnight Herald's
 * Pledge", `thewarwithin_season_3`, tier "TWW3", class 3 (hunter), bonuses at 2 and 4 pieces.
 */
export const SET_BONUSES = ['thewarwithin_season_3_2pc', 'thewarwithin_season_3_4pc'] as const;
export type SetBonus = (typeof SET_BONUSES)[number];

/** SimC's short names (`set_bonus.tww3_4pc` in its default BM list), by full name. */
export const SET_BONUS_ALIASES: Readonly<Record<string, SetBonus>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, SetBonus>, {
    tww3_2pc: 'thewarwithin_season_3_2pc',
    tww3_4pc: 'thewarwithin_season_3_4pc',
  }),
);

/** The set's five hunter items by item id (item_set_bonus.inc, set 1923). */
export const TWW3_SET_ITEMS: ReadonlySet<number> = new Set([237644, 237645, 237646, 237647, 237649]);

/** The bonuses `pieces` worn items of the set give. */
export function setBonusesFor(pieces: number): SetBonus[] {
  return pieces >= 4 ? [...SET_BONUSES] : pieces >= 2 ? [SET_BONUSES[0]] : [];
}

/** A set bonus name, full or short (tww3_2pc), as its full name; null for none of ours. */
export function setBonusName(name: string): SetBonus | null {
  const n = name.toLowerCase();
  if ((SET_BONUSES as readonly string[]).includes(n)) return n as SetBonus;
  return Object.hasOwn(SET_BONUS_ALIASES, n) ? SET_BONUS_ALIASES[n]! : null;
}
