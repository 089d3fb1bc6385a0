/**
 * The item effects a SimulationCraft profile's item lines carry (config `gear`; specs/gear.ts):
 * Culminating Blasphemite and the gem colours beside it (`gem_id=` of every item), Dawnthread
 * Lining (an item's `bonus_id=` 11303), Reshii Wraps (`back=…,id=235499,ilevel=N`) and Reshii
 * Grace (boots' `bonus_id=` 13504), Astral Antenna (`trinket1=…,id=242395,ilevel=N`), Unyielding
 * Netherprism (`trinket2=…,id=242396,ilevel=N`). As in SimC the last line of a slot is the item worn. Each item
 * line that brings a modelled effect gets a note saying so, in place of the note that its effects
 * are not modelled.
 */
import {
  ANTENNA_CRIT_COEFFICIENT,
  ASTRAL_ANTENNA_ITEM,
  BLASPHEMITE_CRIT_PER_COLOUR,
  CULMINATING_BLASPHEMITE_GEM,
  DAWNTHREAD_CRIT_RATING,
  DAWNTHREAD_LINING_BONUS,
  DAWNTHREAD_UPTIME,
  gemColour,
  MAX_DAWNTHREAD_LININGS,
  NETHERPRISM_AGILITY_COEFFICIENT,
  NETHERPRISM_ITEM,
  NETHERPRISM_MAX_STACKS,
  noGear,
  RESHII_GRACE_BONUS,
  RESHII_WRAPS_ITEM,
} from '../specs/gear.ts';
import { damageSecondaryBudget, GEAR_ITEM_LEVELS, itemBudget, trinketRating } from '../specs/item-levels.ts';
import { UNMODELLED_WEAPON_ENCHANTS, WEAPON_ENCHANTS, weaponEnchantById } from '../specs/weapon-enchants.ts';
import type { Gear } from '../types.ts';
import { itemFields, type ItemLineText } from './item-lines.ts';

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

const ids = (v: string | undefined): number[] =>
  v === undefined
    ? []
    : v
        .split('/')
        .map(Number)
        .filter((n) => Number.isInteger(n) && n > 0);

function itemLine(slot: string, value: string, line: number): ItemLine {
  const fields = itemFields(value);
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

/** The gear of the items worn (./item-lines.ts itemLinesBySlot). */
export function gearFromLines(worn: ReadonlyMap<string, ItemLineText>): GearLines {
  const bySlot = new Map<string, ItemLine>();
  for (const [slot, it] of worn) bySlot.set(slot, itemLine(it.key, it.value, it.line));
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
  const antenna = items.find((it) => it.id === ASTRAL_ANTENNA_ITEM && it.slot.startsWith('trinket'));
  if (antenna) {
    const { min, max } = GEAR_ITEM_LEVELS;
    const rating = antenna.ilevel === null ? null : trinketRating(ANTENNA_CRIT_COEFFICIENT, antenna.ilevel);
    if (rating !== null) {
      gear.astralAntennaItemLevel = antenna.ilevel!;
      note(
        antenna.line,
        `Astral Antenna is modelled at item level ${antenna.ilevel}: stacks of ${Math.round(rating)} critical strike rating (10 s each, up to 10)`,
      );
    } else
      note(antenna.line, `Astral Antenna is not modelled: give its item level as ilevel= (${min} to ${max})`);
  }
  const prism = items.find((it) => it.id === NETHERPRISM_ITEM && it.slot.startsWith('trinket'));
  if (prism) {
    const { min, max } = GEAR_ITEM_LEVELS;
    const budget = prism.ilevel === null ? null : itemBudget(prism.ilevel);
    if (budget !== null && damageSecondaryBudget(prism.ilevel!) !== null) {
      gear.netherprismItemLevel = prism.ilevel!;
      note(
        prism.line,
        `Unyielding Netherprism is modelled at item level ${prism.ilevel}: its damage every 10 s builds up to ${NETHERPRISM_MAX_STACKS} Latent Energy, used by the rotation's use_item,name=unyielding_netherprism (or use_items) for ${Math.round(NETHERPRISM_AGILITY_COEFFICIENT * budget)} agility per stack for 20 s`,
      );
    } else
      note(
        prism.line,
        `Unyielding Netherprism is not modelled: give its item level as ilevel= (${min} to ${max})`,
      );
  }
  return { gear, notes };
}

/**
 * The weapon enchant of a `main_hand=` line (`enchant_id=N`, or `enchant=NAME_RANK` as SimC names
 * it): the config's `gear.weaponEnchant` ('none' without one, or for one not modelled) and what
 * to say at the line (null: nothing to say, no enchant).
 */
export function weaponEnchantOfLine(value: string): { value: string; note: string | null } {
  const fields = itemFields(value);
  const id = fields.get('enchant_id');
  const name = fields.get('enchant')?.toLowerCase();
  if (id === undefined && name === undefined) return { value: 'none', note: null };
  let token: string;
  let rank: number;
  if (id !== undefined) {
    const found = weaponEnchantById(Number(id));
    if (found === null)
      return {
        value: 'none',
        note: `its enchant (enchant_id=${id.slice(0, 12)}) is not a weapon enchant modelled here: the sim uses none`,
      };
    token = found.token;
    rank = found.rank;
  } else {
    const m = /^([a-z_]+?)(?:_([123]))?$/.exec(name!.replace(/'/g, ''));
    token = m?.[1] ?? name!;
    rank = m?.[2] ? Number(m[2]) : 0;
  }
  const known = WEAPON_ENCHANTS[token] ?? UNMODELLED_WEAPON_ENCHANTS[token];
  if (!Object.hasOwn(WEAPON_ENCHANTS, token)) {
    const what =
      known && Object.hasOwn(UNMODELLED_WEAPON_ENCHANTS, token) ? known.name : `"${token.slice(0, 40)}"`;
    return { value: 'none', note: `its enchant ${what} is not modelled: the sim uses none` };
  }
  const enchant = WEAPON_ENCHANTS[token]!;
  if (rank === 0)
    return {
      value: 'none',
      note: `its enchant ${enchant.name} needs its rank, as SimulationCraft names it (${token}_3): the sim uses none`,
    };
  const does =
    enchant.model.kind === 'none' ? ' (it does nothing in a damage sim, as in SimulationCraft)' : '';
  return { value: `${token}_${rank}`, note: `its enchant ${enchant.name} (rank ${rank}) is modelled${does}` };
}
