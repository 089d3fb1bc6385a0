/**
 * SimulationCraft profile text in and out (sim-core/docs/profile-text.md): the lines players
 * paste (`hunter="Name"`, `spec=`, `gear_*=`, `main_hand=…,weapon=`, `actions…=`, fight options,
 * `profileset."name"+=…`) become a SimConfig; every config can be written back as such text.
 * Lines that are understood but not modelled are listed back as ignored, anything else is a
 * line-numbered error. Round trip: exportProfile → parseProfile gives the identical config.
 */
import { ConfigError, parseConfig } from '../config/parse-config.ts';
import { specs } from '../specs/registry.ts';
import { LoadoutError } from '../talents/loadout.ts';
import { talentsFromLoadout, type LoadoutTalents } from '../talents/resolve.ts';
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
import { hecticAddCleaveWaves } from '../config/fight-styles.ts';
import { TIMING_DEFAULTS } from '../config/timing.ts';
import type { AddWaves, Consumables, RaidBuffs, SimConfig, SpecId } from '../types.ts';

/** SimulationCraft's spec tokens and ours. */
const SPEC_TOKENS: Record<string, SpecId> = { beast_mastery: 'bm-hunter', marksmanship: 'mm-hunter' };
const TOKEN_OF: Record<SpecId, string> = { 'bm-hunter': 'beast_mastery', 'mm-hunter': 'marksmanship' };

const STAT_KEYS: Record<string, keyof SimConfig['player']['stats']> = {
  gear_agility: 'agility',
  gear_crit_rating: 'crit',
  gear_haste_rating: 'haste',
  gear_mastery_rating: 'mastery',
  gear_versatility_rating: 'versatility',
};

/** Understood but not modelled here: listed back, never silently dropped. */
const IGNORED: Record<string, string> = {
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
  ...Object.fromEntries(
    [
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
    ].map((slot) => [slot, 'items are not modelled: enter their stats with gear_*= lines']),
  ),
};

export interface ProfileLine {
  line: number;
  text: string;
  reason: string;
}

/** A `talents=` line holding an in-game loadout string, and what it became. */
export interface ProfileLoadout {
  line: number;
  /** The profileset it belongs to, or null for the base profile. */
  profileset: string | null;
  talents: LoadoutTalents;
}

export interface ParsedProfile {
  /** The character's name (`hunter="…"`), if given. */
  name: string | null;
  config: SimConfig;
  /** Job options the profile asks for (SimulationCraft's iterations= and target_error=). */
  options: { iterations?: number; targetError?: number };
  /** Lines understood but not modelled. */
  ignored: ProfileLine[];
  /** `profileset."name"+=…` variants: the base config with their lines applied. */
  profilesets: Array<{ name: string; config: SimConfig }>;
  /** In-game talent strings that were decoded (their unmodelled talents are also an ignored line). */
  loadouts: ProfileLoadout[];
}

/** Line-numbered problems of a profile. */
export class ProfileError extends Error {
  constructor(readonly problems: Array<{ line: number; message: string }>) {
    super(problems.map((p) => (p.line > 0 ? `line ${p.line}: ${p.message}` : p.message)).join('; '));
    this.name = 'ProfileError';
  }
}

/** The longest profile text read (characters). */
export const MAX_PROFILE_CHARS = 256 * 1024;
const WEAPON = /(?:^|,)weapon=[a-z0-9]+_([0-9.]+)speed_([0-9.]+)min_([0-9.]+)max(?:,|$)/;
const PROFILESET = /^profileset\."([^"]{1,64})"\+=(.*)$/;

function isRotationLine(t: string): boolean {
  return /^actions(\.[a-z0-9_]+)?\+?=/.test(t);
}

function num(value: string, line: number, key: string, problems: ProfileError['problems']): number {
  const n = /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isFinite(n)) problems.push({ line, message: `${key} must be a number (got "${value}")` });
  return n;
}

/** `override.battle_shout` → `battleShout`, ... (the raid buff toggles). */
const OVERRIDE_KEYS: Record<string, keyof RaidBuffs> = Object.fromEntries(
  RAID_BUFF_KEYS.map((k) => [`override.${RAID_BUFF_OVERRIDE[k]}`, k]),
);

/** A SimulationCraft on/off option: 0 or 1. */
function flag(value: string, line: number, key: string, problems: ProfileError['problems']): boolean {
  if (value !== '0' && value !== '1')
    problems.push({ line, message: `${key} must be 0 or 1 (got "${value}")` });
  return value !== '0';
}

/** SimC timing options (seconds) and the config's timing fields (ms). */
const TIMING_OPTIONS: Record<string, 'queueLagMs' | 'channelLagMs' | 'reactionMs'> = {
  queue_lag: 'queueLagMs',
  channel_lag: 'channelLagMs',
  reaction_time_mean: 'reactionMs',
};

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

/** The fight style lines of a config: SimC's HecticAddCleave when its waves are SimC's own. */
function fightStyleLines(config: SimConfig): string[] {
  const f = config.fight;
  if (f.style !== 'adds') return ['fight_style=Patchwerk'];
  const w = f.adds ?? hecticAddCleaveWaves(f.durationSeconds);
  const simc = hecticAddCleaveWaves(f.durationSeconds);
  if ((Object.keys(simc) as Array<keyof AddWaves>).every((k) => simc[k] === w[k]))
    return ['fight_style=HecticAddCleave'];
  return [
    'fight_style=Patchwerk',
    `raid_events=/adds,count=${w.count},first=${w.firstSeconds},cooldown=${w.intervalSeconds},duration=${w.lifetimeSeconds},last=${w.lastSeconds}`,
  ];
}

/** Applies one `key=value` option to `c`; returns false when the key is unknown. */
function applyOption(
  c: SimConfig,
  key: string,
  value: string,
  line: number,
  out: Pick<ParsedProfile, 'options' | 'ignored' | 'loadouts'> & { name: string | null },
  problems: ProfileError['problems'],
): boolean {
  const stat = STAT_KEYS[key];
  if (stat) {
    c.player.stats[stat] = num(value, line, key, problems);
    return true;
  }
  switch (key) {
    case 'hunter':
      out.name = value.replace(/^"|"$/g, '');
      return true;
    case 'spec':
      return true; // read first, before any other line (the spec's defaults are the base)
    case 'level':
      if (value !== '80') problems.push({ line, message: `level=${value}: only level 80 is modelled` });
      return true;
    case 'talents':
      if (value === '' || /^[a-z0-9_]+(\/[a-z0-9_]+)*$/.test(value))
        c.player.talents = value === '' ? [] : value.split('/');
      else applyLoadout(c, value, line, out, problems);
      return true;
    case 'main_hand': {
      const m = WEAPON.exec(value);
      if (!m) {
        out.ignored.push({
          line,
          text: `main_hand=${value.slice(0, 40)}`,
          reason: 'no weapon= option: the weapon is unchanged',
        });
        return true;
      }
      const speed = Number(m[1]);
      c.player.stats.weaponSpeed = speed;
      c.player.stats.weaponDps = (Number(m[2]) + Number(m[3])) / 2 / speed;
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
  const reason = IGNORED[key];
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
  const notModelled = [...talents.ignored.map((t) => t.name), ...talents.unknownNodes.map((u) => u.reason)];
  if (notModelled.length > 0)
    out.ignored.push({
      line,
      text: `talents=${value.slice(0, 12)}… (${notModelled.length} talent${notModelled.length > 1 ? 's' : ''})`,
      reason: `not modelled: ${notModelled.join(', ')}`,
    });
}

/** Reads profile text; throws ProfileError (line-numbered) or ConfigError (a value out of range). */
export function parseProfile(text: string, engineVersion: string): ParsedProfile {
  if (text.length > MAX_PROFILE_CHARS)
    throw new ProfileError([{ line: 0, message: `a profile has at most ${MAX_PROFILE_CHARS} characters` }]);
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const problems: ProfileError['problems'] = [];
  let spec: SpecId = specs[0]!.id;
  lines.forEach((raw, i) => {
    const m = /^spec\s*=\s*(.*)$/i.exec(raw.trim());
    if (!m) return;
    const id = SPEC_TOKENS[m[1]!.trim().toLowerCase()];
    if (id) spec = id;
    else
      problems.push({ line: i + 1, message: `spec=${m[1]} is not modelled (beast_mastery or marksmanship)` });
  });
  const config: SimConfig = { ...specs.find((x) => x.id === spec)!.defaultConfig(), engineVersion };
  const out = {
    name: null as string | null,
    options: {},
    ignored: [] as ProfileLine[],
    loadouts: [] as ProfileLoadout[],
  };
  const sets = new Map<string, Array<{ line: number; text: string }>>();

  // the rotation: from after the last option before the first actions line to the last line
  // before the next option, verbatim (its comments and blank lines kept)
  const isOption = (t: string) => t.trim() !== '' && !t.trim().startsWith('#') && !isRotationLine(t.trim());
  const first = lines.findIndex((l) => isRotationLine(l.trim()));
  let from = -1;
  let to = -1;
  if (first >= 0) {
    from = first;
    while (from > 0 && !isOption(lines[from - 1]!)) from--;
    to = first;
    while (to + 1 < lines.length && !isOption(lines[to + 1]!)) to++;
    config.rotation = lines.slice(from, to + 1).join('\n');
  }
  lines.forEach((raw, i) => {
    if (i >= from && i <= to && from >= 0) return;
    const t = raw.trim();
    if (t === '' || t.startsWith('#')) return;
    const line = i + 1;
    const set = PROFILESET.exec(t);
    if (set) {
      const list = sets.get(set[1]!) ?? [];
      list.push({ line, text: set[2]! });
      sets.set(set[1]!, list);
      return;
    }
    if (isRotationLine(t)) {
      problems.push({
        line,
        message: 'actions lines must form one block (options before or after it, not between)',
      });
      return;
    }
    const eq = t.indexOf('=');
    if (eq <= 0) {
      problems.push({ line, message: `"${t.slice(0, 40)}" is not a key=value line` });
      return;
    }
    const key = t.slice(0, eq).trim().toLowerCase();
    if (!applyOption(config, key, t.slice(eq + 1).trim(), line, out, problems))
      problems.push({ line, message: `unknown option "${key.slice(0, 40)}"` });
  });
  if (problems.length > 0) throw new ProfileError(problems);
  const base = parseConfig(config);
  const profilesets = [...sets].map(([name, setLines]) => {
    const variant = JSON.parse(JSON.stringify(base)) as SimConfig;
    const ignored: ProfileLine[] = [];
    const loadouts: ProfileLoadout[] = [];
    for (const l of setLines) {
      const eq = l.text.indexOf('=');
      const key = eq > 0 ? l.text.slice(0, eq).trim().toLowerCase() : '';
      if (isRotationLine(l.text) || key === 'spec') {
        problems.push({
          line: l.line,
          message: `profileset "${name}": changing the ${key === 'spec' ? 'spec' : 'rotation'} is not supported yet`,
        });
      } else if (
        !applyOption(
          variant,
          key,
          l.text.slice(eq + 1).trim(),
          l.line,
          { ...out, ignored, loadouts },
          problems,
        )
      ) {
        problems.push({
          line: l.line,
          message: `profileset "${name}": unknown option "${key.slice(0, 40)}"`,
        });
      }
    }
    out.ignored.push(...ignored);
    out.loadouts.push(...loadouts.map((x) => ({ ...x, profileset: name })));
    return { name, config: variant };
  });
  if (problems.length > 0) throw new ProfileError(problems);
  for (const p of profilesets) {
    try {
      p.config = parseConfig(p.config);
    } catch (err) {
      if (err instanceof ConfigError)
        throw new ConfigError(err.problems.map((x) => `profileset "${p.name}": ${x}`));
      throw err;
    }
  }
  return {
    name: out.name,
    config: base,
    options: out.options,
    ignored: out.ignored,
    profilesets,
    loadouts: out.loadouts,
  };
}

/** A config as SimulationCraft profile text (what "Copy as SimC" gives). */
export function exportProfile(config: SimConfig, name = 'wowlab'): string {
  const s = config.player.stats;
  const raid = config.raidBuffs ?? defaultRaidBuffs();
  const consumables = { ...defaultConsumables(), ...config.consumables };
  const timing = config.timing ?? TIMING_DEFAULTS;
  const lines = [
    `hunter="${name.replace(/"/g, '')}"`,
    'level=80',
    `race=${config.race ?? 'none'}`,
    `spec=${TOKEN_OF[config.spec]}`,
    `talents=${config.player.talents.join('/')}`,
    `gear_agility=${s.agility}`,
    `gear_crit_rating=${s.crit}`,
    `gear_haste_rating=${s.haste}`,
    `gear_mastery_rating=${s.mastery}`,
    `gear_versatility_rating=${s.versatility}`,
    `main_hand=,weapon=bow_${s.weaponSpeed}speed_${s.weaponDps * s.weaponSpeed}min_${s.weaponDps * s.weaponSpeed}max`,
    `max_time=${config.fight.durationSeconds}`,
    ...fightStyleLines(config),
    `vary_combat_length=${config.fight.durationVariation}`,
    `desired_targets=${config.fight.targets}`,
    `override.bloodlust=${config.fight.bloodlust ? 1 : 0}`,
    `flask=${consumables.flask}`,
    `potion=${consumables.potion}`,
    `augmentation=${consumables.augmentRune}`,
    `food=${consumables.food}`,
    `temporary_enchant=${consumables.weaponOil === 'none' ? 'disabled' : `main_hand:${consumables.weaponOil}`}`,
    `distance=${timing.distanceYards}`,
    ...Object.entries(TIMING_OPTIONS).map(([k, f]) => `${k}=${timing[f] / 1000}`),
    ...RAID_BUFF_KEYS.map((k) => `override.${RAID_BUFF_OVERRIDE[k]}=${raid[k] ? 1 : 0}`),
  ];
  return `${lines.join('\n')}\n${config.rotation}`;
}
