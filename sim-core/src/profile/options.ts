/** The `key=value` option lines of a SimulationCraft profile and how each changes a config (profile.ts). */
import {
  RANGED_WEAPON_DPS,
  RANGED_WEAPON_DPS_FROM_ILEVEL,
  RANGED_WEAPON_SPEED,
  rangedWeaponDps,
} from './weapon-dps.ts';
import { LoadoutError } from '../talents/loadout.ts';
import { NOT_MODELLED_YET, talentsFromLoadout, type LoadoutTalents } from '../talents/resolve.ts';
import { defaultRaidBuffs, RAID_BUFF_KEYS, RAID_BUFF_OVERRIDE } from '../specs/raid-buffs.ts';
import {
  AUGMENT_RUNES,
  defaultConsumables,
  FLASKS,
  FOODS,
  POTIONS,
  WEAPON_OILS,
} from '../specs/consumables.ts';
import { isRace, MODELLED_RACES, NOT_MODELLED, RACES } from '../specs/racials.ts';
import { TIMING_DEFAULTS } from '../config/timing.ts';
import type { AddWaves, Consumables, RaidBuffs, SimConfig, SpecId } from '../types.ts';
import { ProfileError, type ParsedProfile } from './profile-types.ts';
import { nameTable } from '../name-table.ts';
import { applySetBonusLine, setPieceId, SET_NAME, type SetBonusLine } from './set-bonus.ts';
import { weaponEnchantOfLine } from './gear-lines.ts';
import { noGear } from '../specs/gear.ts';
import {
  IGNORED,
  ITEM_SLOTS,
  ONE_CHARACTER,
  REFUSED,
  SECRET_OPTIONS,
  SIMC_PREFIXES,
} from './simc-options.ts';

/** SimulationCraft's spec tokens and ours. */
export const SPEC_TOKENS: Readonly<Record<string, SpecId>> = nameTable({
  beast_mastery: 'bm-hunter',
  marksmanship: 'mm-hunter',
});
export const TOKEN_OF: Record<SpecId, string> = { 'bm-hunter': 'beast_mastery', 'mm-hunter': 'marksmanship' };

export const STAT_KEYS: Readonly<Record<string, keyof SimConfig['player']['stats']>> = nameTable({
  gear_agility: 'agility',
  gear_crit_rating: 'crit',
  gear_haste_rating: 'haste',
  gear_mastery_rating: 'mastery',
  gear_versatility_rating: 'versatility',
});

const WEAPON = /(?:^|,)weapon=[a-z0-9]+_([0-9.]+)speed_([0-9.]+)min_([0-9.]+)max(?:,|$)/;
const ILEVEL = /(?:^|,)ilevel=(\d{1,4})(?:,|$)/;
export const PROFILESET = /^profileset\."([^"]{1,64})"\+=(.*)$/;

export function isRotationLine(t: string): boolean {
  return /^actions(\.[a-z0-9_]+)?\+?=/.test(t);
}

function num(value: string, line: number, key: string, problems: ProfileError['problems']): number {
  const n = /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isFinite(n)) problems.push({ line, message: `${key} must be a number (got "${value}")` });
  return n;
}

/** `override.battle_shout` → `battleShout`, ... (the raid buff toggles). */
const OVERRIDE_KEYS: Readonly<Record<string, keyof RaidBuffs>> = nameTable(
  Object.fromEntries(RAID_BUFF_KEYS.map((k) => [`override.${RAID_BUFF_OVERRIDE[k]}`, k])),
);

/** A SimulationCraft on/off option: 0 or 1. */
function flag(value: string, line: number, key: string, problems: ProfileError['problems']): boolean {
  if (value !== '0' && value !== '1')
    problems.push({ line, message: `${key} must be 0 or 1 (got "${value}")` });
  return value !== '0';
}

/** SimC timing options (seconds) and the config's timing fields (ms). */
export const TIMING_OPTIONS: Readonly<Record<string, 'queueLagMs' | 'channelLagMs' | 'reactionMs'>> =
  nameTable({
    queue_lag: 'queueLagMs',
    channel_lag: 'channelLagMs',
    reaction_time_mean: 'reactionMs',
  });

/**
 * The profile option that sets each part of the config, for a config problem found after the
 * options are read (a value out of range): named as the player wrote it, never as a config path.
 */
export function optionOfPath(path: string): string | null {
  // a list's element is set by the list's option (`player.talents[2]`: talents=)
  const [head, sub, leaf] = path.replace(/\[\d+\]/g, '').split('.');
  if (head === 'player' && sub === 'stats')
    return leaf === 'weaponSpeed' || leaf === 'weaponDps'
      ? 'main_hand'
      : (Object.keys(STAT_KEYS).find((k) => STAT_KEYS[k] === leaf) ?? null);
  if (head === 'player' && sub === 'talents') return 'talents';
  if (head === 'fight')
    return (
      {
        durationSeconds: 'max_time',
        durationVariation: 'vary_combat_length',
        targets: 'desired_targets',
        adds: 'raid_events',
        bloodlust: 'override.bloodlust',
        style: 'fight_style',
      }[sub ?? ''] ?? null
    );
  if (head === 'timing')
    return sub === 'distanceYards'
      ? 'distance'
      : (Object.keys(TIMING_OPTIONS).find((k) => TIMING_OPTIONS[k] === sub) ?? null);
  if (head === 'race') return 'race';
  if (head === 'raidBuffs') return 'optimal_raid';
  if (head === 'consumables')
    return (
      {
        flask: 'flask',
        potion: 'potion',
        food: 'food',
        augmentRune: 'augmentation',
        weaponOil: 'temporary_enchant',
      }[sub ?? ''] ?? null
    );
  return null;
}

const ADDS_EVENT = /^\/adds((?:,[a-z_]+=[0-9.]+)+)$/;

/** `/adds,count=5,first=15,cooldown=22,duration=15,last=225` (SimC raid_events) → add waves. */
function parseAddsEvent(value: string): AddWaves | null {
  const m = ADDS_EVENT.exec(value.trim().toLowerCase());
  if (!m) return null;
  const o: Record<string, number> = {};
  for (const kv of m[1]!.slice(1).split(',')) {
    const [k, v] = kv.split('=') as [string, string];
    o[k] = Number(v);
  }
  const keys = ['count', 'first', 'cooldown', 'duration', 'last'];
  if (Object.keys(o).length !== keys.length || !keys.every((k) => Number.isFinite(o[k]))) return null;
  return {
    count: o.count!,
    firstSeconds: o.first!,
    intervalSeconds: o.cooldown!,
    lifetimeSeconds: o.duration!,
    lastSeconds: o.last!,
  };
}

/**
 * Where applyOption puts what it reads besides the config: the profile's parts, its warnings, and
 * for the base profile (`profileset` undefined) the set bonuses its `set_bonus=` lines set.
 */
export type OptionOut = Pick<ParsedProfile, 'options' | 'ignored' | 'loadouts' | 'warnings'> & {
  name: string | null;
  profileset?: string;
  setBonusLines?: SetBonusLine[];
  /** The base profile's item lines whose effects are modelled: what of each (gear-lines.ts). */
  gearNotes?: ReadonlyMap<number, string>;
};

/** Applies one `key=value` option to `c`; returns false when the key is unknown. */
export function applyOption(
  c: SimConfig,
  key: string,
  value: string,
  line: number,
  out: OptionOut,
  problems: ProfileError['problems'],
): boolean {
  const stat = STAT_KEYS[key];
  if (stat) {
    c.player.stats[stat] = num(value, line, key, problems);
    return true;
  }
  switch (key) {
    case 'hunter':
      // a second character would be read into the first one, line by line: an error instead
      if (out.name !== null && out.profileset === undefined)
        problems.push({
          line,
          message: `a second character (hunter=${value.slice(0, 40)}): ${ONE_CHARACTER}`,
        });
      else out.name = value.replace(/^"|"$/g, '');
      return true;
    case 'spec':
      return true; // read first, before any other line (the spec's defaults are the base)
    case 'level':
      if (value !== '80') problems.push({ line, message: `level=${value}: only level 80 is modelled` });
      return true;
    case 'talents':
      // keys, each with an optional rank (`keen_eyesight:1`), or an in-game loadout string
      if (value === '' || /^[a-z0-9_]+(:\d{1,2})?(\/[a-z0-9_]+(:\d{1,2})?)*$/.test(value))
        c.player.talents = value === '' ? [] : value.split('/');
      else applyLoadout(c, value, line, out, problems);
      return true;
    case 'main_hand': {
      // its enchant (enchant_id= or enchant=): the config's weapon enchant (./gear-lines.ts)
      const enchant = weaponEnchantOfLine(value);
      c.gear = { ...(c.gear ?? noGear()), weaponEnchant: enchant.value };
      const m = WEAPON.exec(value);
      if (m) {
        const speed = Number(m[1]);
        c.player.stats.weaponSpeed = speed;
        c.player.stats.weaponDps = (Number(m[2]) + Number(m[3])) / 2 / speed;
        // the weapon and a modelled enchant are read whole: only an enchant left out is said
        if (enchant.note !== null && enchant.value === 'none')
          out.ignored.push({ line, text: `main_hand=${value.slice(0, 40)}`, reason: enchant.note });
        return true;
      }
      // the item itself is not read, but its level gives a ranged weapon's damage (./weapon-dps.ts)
      const level = ILEVEL.exec(value);
      const dps = level ? rangedWeaponDps(Number(level[1])) : null;
      const text = `main_hand=${value.slice(0, 40)}`;
      if (dps === null) {
        out.ignored.push({
          line,
          text,
          reason:
            (level
              ? `item level ${level[1]} is outside the weapon table (${RANGED_WEAPON_DPS_FROM_ILEVEL} to ${RANGED_WEAPON_DPS_FROM_ILEVEL + RANGED_WEAPON_DPS.length - 1}): the weapon is unchanged`
              : 'no weapon= option and no item level: the weapon is unchanged') +
            (enchant.note === null ? '' : `; ${enchant.note}`),
        });
        return true;
      }
      c.player.stats.weaponSpeed = RANGED_WEAPON_SPEED;
      c.player.stats.weaponDps = dps;
      out.warnings.push({
        line,
        text,
        reason:
          `the weapon is a ranged weapon of item level ${level![1]}: ${Math.round(dps)} DPS, speed ${RANGED_WEAPON_SPEED.toFixed(2)} (the item itself is not read; weapon= sets its damage instead)` +
          (enchant.note === null ? '' : `; ${enchant.note}`),
      });
      return true;
    }
    case 'fight_style': {
      const style = value.toLowerCase();
      if (style === 'patchwerk') {
        // undoes an earlier HecticAddCleave; raid_events adds stay (as in SimC)
        if (c.fight.style === 'adds' && c.fight.adds === undefined) c.fight.style = 'patchwerk';
      } else if (style === 'hecticaddcleave') {
        // waves from max_time when the config is checked (config/fight-styles.ts), as SimC does
        c.fight.style = 'adds';
        c.fight.targets = 1;
        delete c.fight.adds;
        out.ignored.push({
          line,
          text: `fight_style=${value}`,
          reason: 'its movement is not modelled (its adds are)',
        });
      } else
        problems.push({
          line,
          message: `fight_style=${value} is not modelled (Patchwerk, with desired_targets for cleave, or HecticAddCleave)`,
        });
      return true;
    }
    case 'raid_events': {
      const waves = parseAddsEvent(value);
      if (!waves)
        problems.push({
          line,
          message:
            'raid_events: only one adds event is modelled (/adds,count=,first=,cooldown=,duration=,last=)',
        });
      else {
        c.fight.style = 'adds';
        c.fight.targets = 1;
        c.fight.adds = waves;
      }
      return true;
    }
    case 'queue_lag':
    case 'channel_lag':
    case 'reaction_time_mean': {
      // SimC timespans in seconds → the config's whole milliseconds
      const field = TIMING_OPTIONS[key]!;
      c.timing = {
        ...(c.timing ?? TIMING_DEFAULTS),
        [field]: Math.round(num(value, line, key, problems) * 1000),
      };
      return true;
    }
    case 'distance':
      c.timing = { ...(c.timing ?? TIMING_DEFAULTS), distanceYards: num(value, line, key, problems) };
      return true;
    case 'max_time':
      c.fight.durationSeconds = num(value, line, key, problems);
      return true;
    case 'vary_combat_length':
      c.fight.durationVariation = num(value, line, key, problems);
      return true;
    case 'desired_targets':
      if (c.fight.style === 'adds') {
        if (value !== '1')
          problems.push({
            line,
            message: 'desired_targets above 1 with adds is not modelled (the adds come in waves)',
          });
        return true;
      }
      c.fight.targets = num(value, line, key, problems);
      c.fight.style = c.fight.targets > 1 ? 'cleave' : 'patchwerk';
      return true;
    case 'override.bloodlust':
      c.fight.bloodlust = flag(value, line, key, problems);
      return true;
    case 'optimal_raid': {
      // every raid buff, debuff and Bloodlust at once; as in SimulationCraft (sim.cpp
      // use_optimal_buffs_and_debuffs) it sets them where it stands, so later override.* lines win
      const on = flag(value, line, key, problems);
      c.fight.bloodlust = on;
      c.raidBuffs = Object.fromEntries(RAID_BUFF_KEYS.map((k) => [k, on])) as unknown as RaidBuffs;
      return true;
    }
    case 'flask':
    case 'potion':
    case 'augmentation':
    case 'food':
    case 'temporary_enchant': {
      // SimulationCraft names; 'disabled' (SimC) and 'none' use nothing; a name not modelled keeps
      // the config's and is listed back. temporary_enchant= is `slot:name[/slot:name]`: the
      // main hand's (a hunter's one weapon) is the oil.
      const field: keyof Consumables =
        key === 'augmentation' ? 'augmentRune' : key === 'temporary_enchant' ? 'weaponOil' : key;
      const known: Readonly<Record<string, unknown>> =
        key === 'flask'
          ? FLASKS
          : key === 'potion'
            ? POTIONS
            : key === 'food'
              ? FOODS
              : key === 'temporary_enchant'
                ? WEAPON_OILS
                : AUGMENT_RUNES;
      const current = c.consumables ?? defaultConsumables();
      const given =
        key === 'temporary_enchant'
          ? (value
              .split('/')
              .find((e) => e.startsWith('main_hand:'))
              ?.slice('main_hand:'.length) ?? value)
          : value;
      const name = given === 'disabled' ? 'none' : given;
      if (name === 'none' || Object.hasOwn(known, name)) c.consumables = { ...current, [field]: name };
      else
        out.ignored.push({
          line,
          text: `${key}=${value.slice(0, 40)}`,
          reason: `not modelled (${[...Object.keys(known), 'none'].join(', ')} are): the ${key} stays ${current[field]}`,
        });
      return true;
    }
    case 'race': {
      const race = value.toLowerCase();
      if (!isRace(race)) {
        problems.push({ line, message: `race=${value.slice(0, 40)} is not a race (${RACES.join(', ')})` });
        return true;
      }
      c.race = race;
      if (!MODELLED_RACES.has(race))
        out.ignored.push({
          line,
          text: `race=${race}`,
          reason: `not modelled yet for ${race}: ${NOT_MODELLED[race] ?? 'its racials'}`,
        });
      return true;
    }
    case 'set_bonus':
    case 'set_bonus+':
      applySetBonusLine(c, key, value, line, out, problems);
      return true;
    case 'fixed_time':
      // SimC's default, fixed_time=1, is this sim's fight: a fixed length, health from damage
      if (!flag(value, line, key, problems))
        out.warnings.push({
          line,
          text: `${key}=${value}`,
          reason:
            'fixed_time=0 (the fight ends when the target dies) is not modelled: the fight lasts max_time ± vary_combat_length, as with fixed_time=1',
        });
      return true;
    case 'iterations':
      out.options.iterations = num(value, line, key, problems);
      return true;
    case 'target_error':
      out.options.targetError = num(value, line, key, problems);
      return true;
  }
  const buff = OVERRIDE_KEYS[key];
  if (buff) {
    c.raidBuffs = { ...(c.raidBuffs ?? defaultRaidBuffs()), [buff]: flag(value, line, key, problems) };
    return true;
  }
  if (ITEM_SLOTS.includes(key)) {
    const piece = setPieceId(value) !== null;
    const text = `${key}=${value.slice(0, 40)}`;
    if (out.profileset !== undefined) {
      // a profileset's items: the base profile's set bonuses and item effects stay
      out.ignored.push({
        line,
        text,
        reason: piece
          ? `a piece of ${SET_NAME}: a profileset's items do not change its set bonuses, a set_bonus= line does`
          : "a profileset's items do not change its stats or item effects (its gear_*= lines change its stats)",
      });
      return true;
    }
    // the base profile's: a set piece counts for the set bonuses, a modelled effect is said (both
    // read before the options: profile.ts): the line is used; the rest below, as not read
    const modelled = out.gearNotes?.get(line);
    if (modelled !== undefined) {
      out.warnings.push({
        line,
        text,
        reason: `${modelled}; its stats count through gear_*= lines or the Gear Summary`,
      });
      return true;
    }
    if (piece) return true;
  }
  const refused = REFUSED[key];
  if (refused) {
    problems.push({ line, message: refused(value.slice(0, 40)) });
    return true;
  }
  if (SECRET_OPTIONS.has(key)) {
    out.ignored.push({
      line,
      text: `${key}=…`,
      reason: 'a SimulationCraft account setting: not used, and not kept',
    });
    return true;
  }
  const reason = IGNORED[key] ?? SIMC_PREFIXES.find(([prefix]) => key.startsWith(prefix))?.[1];
  if (reason) {
    out.ignored.push({ line, text: `${key}=${value.slice(0, 40)}`, reason });
    return true;
  }
  return false;
}

/** `talents=<in-game loadout string>`: its modelled talents replace the config's. */
function applyLoadout(
  c: SimConfig,
  value: string,
  line: number,
  out: Pick<ParsedProfile, 'ignored' | 'loadouts'>,
  problems: ProfileError['problems'],
): void {
  let talents: LoadoutTalents;
  try {
    talents = talentsFromLoadout(value, { expected: c.spec, base: c.player.talents });
  } catch (e) {
    if (e instanceof LoadoutError) problems.push({ line, message: `talents=: ${e.message}` });
    else throw e;
    return;
  }
  c.player.talents = talents.keys;
  out.loadouts.push({ line, profileset: null, talents });
  // the other hero tree's talents (the string carries them, inactive) apart from the unmodelled
  const inactive = talents.ignored.filter((t) => t.reason !== NOT_MODELLED_YET);
  const notModelled = [
    ...talents.ignored.filter((t) => t.reason === NOT_MODELLED_YET).map((t) => t.name),
    ...talents.unknownNodes.map((u) => u.reason),
  ];
  const count = notModelled.length + inactive.length;
  if (count > 0)
    out.ignored.push({
      line,
      text: `talents=${value.slice(0, 12)}… (${count} talent${count > 1 ? 's' : ''})`,
      reason: [
        notModelled.length > 0 ? `not modelled: ${notModelled.join(', ')}` : '',
        inactive.length > 0
          ? `inactive, of the hero tree this loadout does not use (it uses ${talents.heroTree}): ${inactive.map((t) => t.name).join(', ')}`
          : '',
      ]
        .filter((x) => x !== '')
        .join('; '),
    });
}
