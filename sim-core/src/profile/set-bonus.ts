/**
 * The class set bonuses of a pasted profile (profile-text.md § Set bonuses): the pieces of the
 * set worn on its item lines (by `id=`, each slot once) give the 2- and 4-piece bonuses, as in
 * SimulationCraft, and `set_bonus=NAME=1|0` lines turn one on or off (they win over the items).
 */
import { OTHER_SET_BONUS, readSetBonusName } from '../apl/simc-names.ts';
import { SET_BONUSES, setBonusesFor, TWW3_SET_ITEMS, type SetBonus } from '../specs/tier-sets.ts';
import type { SimConfig } from '../types.ts';
import type { ProfileError, ProfileLine } from './profile-types.ts';
import type { ItemLineText } from './item-lines.ts';

/** The set as the player knows it. */
export const SET_NAME = "Midnight Herald's Pledge (the TWW3 hunter set)";

/** What a line turned on or off: SimC's set_bonus= entries, each `NAME=0|1`. */
export interface SetBonusLine {
  line: number;
  bonus: SetBonus;
  on: boolean;
}

/** A set piece's item id on an item line (`head=midnight_heralds_cowl,id=237646,…`), else null. */
export function setPieceId(value: string): number | null {
  const m = /(?:^|,)id=(\d+)(?:,|$)/.exec(value);
  const id = m === null ? Number.NaN : Number(m[1]);
  return TWW3_SET_ITEMS.has(id) ? id : null;
}

/** The lines (1-based) of the set pieces worn, among the items worn (./item-lines.ts itemLinesBySlot). */
export function setPieceLines(items: ReadonlyMap<string, ItemLineText>): number[] {
  return [...items.values()]
    .filter((it) => setPieceId(it.value) !== null)
    .map((it) => it.line)
    .sort((a, b) => a - b);
}

/**
 * The entries of a `set_bonus=` value: SimC's `NAME=0|1` (full or short name), several joined by
 * `/`, or its long form `name=SET,pc=N,enable=0|1` (with `hero_tree=`, `spec=`). Null when one
 * entry is not of these shapes; `bonus` null for a set bonus of another set or season.
 */
export function setBonusEntries(
  value: string,
): Array<{ name: string; bonus: SetBonus | null; on: boolean }> | null {
  const entries: Array<{ name: string; bonus: SetBonus | null; on: boolean }> = [];
  for (const part of value.split('/')) {
    const entry = /^name=/i.test(part) ? longForm(part) : shortForm(part);
    if (entry === null) return null;
    entries.push(entry);
  }
  return entries;
}

function shortForm(part: string): { name: string; bonus: SetBonus | null; on: boolean } | null {
  const m = /^([a-z0-9_]+)=([01])$/i.exec(part.trim());
  const read = m === null ? null : readSetBonusName(m[1]!);
  return read === null ? null : { name: m![1]!, bonus: read.bonus, on: m![2] === '1' };
}

/** `name=thewarwithin_season_3,pc=4,hero_tree=dark_ranger,enable=1` (SimC's Gear Summary form). */
function longForm(part: string): { name: string; bonus: SetBonus | null; on: boolean } | null {
  let set = '';
  let pc = '';
  let on: boolean | undefined;
  for (const param of part.split(',')) {
    const [k = '', v = ''] = param.trim().split('=');
    const key = k.toLowerCase();
    if (key === 'name') set = v;
    else if (key === 'pc' && /^[0-9]$/.test(v)) pc = v;
    else if (key === 'enable' && (v === '0' || v === '1')) on = v === '1';
    else if ((key === '0' || key === '1') && v === '') on = key === '1';
    // the bonus acts for the hero tree the talents take (specs/tier-sets.ts), whichever is named
    else if (key !== 'hero_tree' && key !== 'spec') return null;
  }
  const name = `${set}_${pc}pc`;
  const read = set !== '' && pc !== '' && on !== undefined ? readSetBonusName(name) : null;
  return read === null ? null : { name, bonus: read.bonus, on: on! };
}

/**
 * A `set_bonus=` (or `set_bonus+=`) line: its bonuses turned on or off in `c` (and listed in
 * `explicit`), another season's name a warning at the line, a value of no SimC shape a problem.
 */
export function applySetBonusLine(
  c: SimConfig,
  key: string,
  value: string,
  line: number,
  out: { warnings: ProfileLine[]; setBonusLines?: SetBonusLine[] },
  problems: ProfileError['problems'],
): void {
  const entries = setBonusEntries(value);
  if (entries === null) {
    problems.push({
      line,
      message: `${key}=${value.slice(0, 60)} is not a set bonus: write ${key}=${SET_BONUSES[1]}=1 (or =0 to turn it off; short names tww3_2pc, tww3_4pc)`,
    });
    return;
  }
  const worn = new Set(c.setBonuses ?? []);
  for (const e of entries) {
    if (e.bonus === null) continue;
    if (e.on) worn.add(e.bonus);
    else worn.delete(e.bonus);
    out.setBonusLines?.push({ line, bonus: e.bonus, on: e.on });
  }
  c.setBonuses = SET_BONUSES.filter((b) => worn.has(b)); // in the config's one order
  const other = entries.filter((e) => e.bonus === null).map((e) => e.name);
  if (other.length > 0) {
    const text = `${key}=${value}`;
    out.warnings.push({
      line,
      text: text.length > 60 ? `${text.slice(0, 59)}…` : text,
      reason: `${other.join(', ')} ${other.length > 1 ? 'are' : 'is'} not modelled (${OTHER_SET_BONUS}); ignored`,
    });
  }
}

const PIECE: Readonly<Record<SetBonus, string>> = {
  thewarwithin_season_3_2pc: '2-piece',
  thewarwithin_season_3_4pc: '4-piece',
};

/**
 * What the player is told about the set pieces found (at the first one's line): how many, where,
 * which bonuses are on, and which `set_bonus=` lines changed what the items give. Null: no piece.
 */
export function setPiecesNote(
  pieces: readonly number[],
  worn: readonly string[],
  explicit: readonly SetBonusLine[],
): string | null {
  if (pieces.length === 0) return null;
  const n = pieces.length;
  const on = SET_BONUSES.filter((b) => worn.includes(b));
  const bonuses =
    on.length === 2
      ? '2- and 4-piece bonuses on'
      : on.length === 1
        ? `${PIECE[on[0]!]} bonus on`
        : n < 2
          ? 'no set bonus (2 pieces give the 2-piece bonus, 4 the 4-piece)'
          : 'no set bonus';
  const fromItems = setBonusesFor(n);
  // the last line of each bonus decides it; said when it differs from the items
  const last = new Map(explicit.map((e) => [e.bonus, e]));
  const changed = [...last.values()]
    .filter((e) => e.on !== (fromItems as string[]).includes(e.bonus))
    .sort((a, b) => a.line - b.line)
    .map((e) => `line ${e.line} turns the ${PIECE[e.bonus]} bonus ${e.on ? 'on' : 'off'}`);
  const where = `line${n > 1 ? 's' : ''} ${pieces.join(', ')}`;
  return (
    `${n} piece${n > 1 ? 's' : ''} of ${SET_NAME} on ${where}: ${bonuses}` +
    (changed.length > 0 ? ` (set_bonus= ${changed.join(', ')})` : '') +
    ". The items' stats are not read: they come from gear_*= lines or the Gear Summary"
  );
}
