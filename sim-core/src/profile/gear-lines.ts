/**
 * The item effects a SimulationCraft profile's item lines carry (config `gear`; specs/gear.ts):
 * Culminating Blasphemite and the gem colours beside it (`gem_id=` of every item), Dawnthread
 * Lining (an item's `bonus_id=` 11303), Reshii Wraps (`back=…,id=235499,ilevel=N`) and Reshii
 * Grace (boots' `bonus_id=` 13504). As in SimC the last line of a slot is the item worn. Each item
 * line that brings a modelled effect gets a note saying so, in place of the note that its effects
 * are not modelled.
 */
import {
  BLASPHEMITE_CRIT_PER_COLOUR,
  CULMINATING_BLASPHEMITE_GEM,
  DAWNTHREAD_CRIT_RATING,
  DAWNTHREAD_LINING_BONUS,
  DAWNTHREAD_UPTIME,
  damageSecondaryBudget,
  GEAR_ITEM_LEVELS,
  gemColour,
  MAX_DAWNTHREAD_LININGS,
  noGear,
  RESHII_GRACE_BONUS,
  RESHII_WRAPS_ITEM,
} from '../specs/gear.ts';
import type { Gear } from '../types.ts';

/** An item line's fields that name its effects. */
interface ItemLine {
  line: number;
  slot: string;
  id: number | null;
  ilevel: number | null;
  gems: number[];
  bonuses: number[];
}

/** What the item lines give: the config's gear, and a note per item line whose effect is modelled. */
export interface GearLines {
  gear: Gear;
  /** By 1-based line: what of that item is modelled (replaces "its effects are not modelled"). */
  notes: Map<number, string>;
}

/** SimC's slot of a key (`shoulder`/`shoulders`, `wrist`/`wrists` are one slot). */
const slotOf = (key: string) => key.replace(/s$/, '');

const ids = (v: string | undefined): number[] =>
  v === undefined
    ? []
    : v
        .split('/')
        .map(Number)
        .filter((n) => Number.isInteger(n) && n > 0);

function itemLine(slot: string, value: string, line: number): ItemLine {
  const fields = new Map<string, string>();
  for (const part of value.split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim());
  }
  const int = (k: string) => {
    const n = Number(fields.get(k));
    return fields.has(k) && Number.isInteger(n) ? n : null;
  };
  return {
    line,
    slot,
    id: int('id'),
    ilevel: int('ilevel'),
    gems: ids(fields.get('gem_id')),
    bonuses: ids(fields.get('bonus_id')),
  };
}

const pct = (x: number) => `${Number((x * 100).toFixed(2))} %`;

/**
 * The gear of a profile's item lines (`slots`: the item keys; `skip`: lines that are not the
 * base profile's, e.g. the rotation's and profilesets').
 */
export function gearFromLines(
  lines: readonly string[],
  skip: (index: number) => boolean,
  slots: ReadonlySet<string>,
): GearLines {
  const bySlot = new Map<string, ItemLine>();
  lines.forEach((raw, i) => {
    if (skip(i)) return;
    const m = /^([a-z0-9_]+)\s*=(.*)$/i.exec(raw.trim());
    if (m === null) return;
    const key = m[1]!.toLowerCase();
    if (slots.has(key)) bySlot.set(slotOf(key), itemLine(key, m[2]!.trim(), i + 1));
  });
  const items = [...bySlot.values()].sort((a, b) => a.line - b.line);
  const gear = noGear();
  const notes = new Map<number, string>();
  const note = (line: number, text: string) =>
    notes.set(line, notes.has(line) ? `${notes.get(line)}; ${text}` : text);

  const meta = items.find((it) => it.gems.includes(CULMINATING_BLASPHEMITE_GEM));
  if (meta) {
    const colours = [...new Set(items.flatMap((it) => it.gems.map(gemColour)).filter((c) => c !== null))];
    gear.blasphemiteColours = colours.length;
    note(
      meta.line,
      colours.length > 0
        ? `Culminating Blasphemite is modelled: critical damage × ${Number((1 + BLASPHEMITE_CRIT_PER_COLOUR * colours.length).toFixed(4))} (+${pct(BLASPHEMITE_CRIT_PER_COLOUR)} for each of the ${colours.length} gem colour${colours.length > 1 ? 's' : ''} socketed: ${colours.join(', ')})`
        : 'Culminating Blasphemite is modelled, but no other Algari gem is socketed: it adds nothing',
    );
  }

  const linings = items.filter((it) => it.bonuses.includes(DAWNTHREAD_LINING_BONUS));
  gear.dawnthreadLinings = Math.min(MAX_DAWNTHREAD_LININGS, linings.length);
  for (const it of linings.slice(0, MAX_DAWNTHREAD_LININGS))
    note(
      it.line,
      `its Dawnthread Lining is modelled: +${Math.round(DAWNTHREAD_CRIT_RATING)} critical strike rating while above 80 % health, ${pct(DAWNTHREAD_UPTIME)} of the time as SimulationCraft assumes`,
    );

  const wraps = bySlot.get('back');
  const grace = items.find((it) => it.bonuses.includes(RESHII_GRACE_BONUS));
  if (wraps?.id === RESHII_WRAPS_ITEM) {
    const { min, max } = GEAR_ITEM_LEVELS;
    if (wraps.ilevel !== null && damageSecondaryBudget(wraps.ilevel) !== null) {
      gear.reshiiWrapsItemLevel = wraps.ilevel;
      gear.reshiiGrace = grace !== undefined;
      note(
        wraps.line,
        `Reshii Wraps' Ethereal Reaping is modelled at item level ${wraps.ilevel}${grace ? `, 50 % more often with the Reshii Grace of line ${grace.line}` : ''}`,
      );
    } else
      note(
        wraps.line,
        `Reshii Wraps' Ethereal Reaping is not modelled: give its item level as ilevel= (${min} to ${max})`,
      );
  }
  if (grace)
    note(
      grace.line,
      gear.reshiiWrapsItemLevel > 0
        ? 'its Reshii Grace is modelled (Reshii Wraps proc 50 % more often)'
        : 'its Reshii Grace does nothing without Reshii Wraps',
    );
  return { gear, notes };
}
