import { parseRotation } from '../apl/parser.ts';
import { RotationError } from '../apl/errors.ts';
import { isSpecId, specData, specVocabulary } from '../specs/registry.ts';
import { defaultRaidBuffs, RAID_BUFF_KEYS } from '../specs/raid-buffs.ts';
import {
  AUGMENT_RUNES,
  defaultConsumables,
  FLASKS,
  FOODS,
  POTIONS,
  WEAPON_OILS,
} from '../specs/consumables.ts';
import { isRace, RACES } from '../specs/racials.ts';
import { LoadoutError } from '../talents/loadout.ts';
import { talentsFromLoadout } from '../talents/resolve.ts';
import { canonicalTalent, rankProblem, splitTalent } from '../talents/ranks.ts';
import type { AddWaves, PlayerStats, SimConfig, SpecId } from '../types.ts';
import { ENGINE_VERSION } from '../version.ts';
import { plainNumberProblem } from './canonical-json.ts';
import { parseTiming } from './timing.ts';
import { parseGear } from './gear.ts';
import { ADD_LIMITS, FIGHT_STYLES, hecticAddCleaveWaves } from './fight-styles.ts';
import { SET_BONUSES, setBonusName, type SetBonus } from '../specs/tier-sets.ts';

/** Authority of Radiant Power's key among the talents, where configs before config.gear held the weapon enchant. */
const LEGACY_RADIANT_POWER = 'authority_of_radiant_power';

/** A config that cannot run; `problems` lists every problem found, one sentence each. */
export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`invalid config: ${problems.join('; ')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

export const CONFIG_LIMITS = {
  maxJsonLength: 256 * 1024,
  maxTalents: 64,
  minDurationSeconds: 10,
  maxDurationSeconds: 1200,
  maxVariation: 0.5,
  maxTargets: 20,
} as const;

/** Bounds of each stat: [min, max]. */
const STAT_BOUNDS: Record<keyof PlayerStats, [number, number]> = {
  agility: [0, 1_000_000],
  crit: [0, 200_000],
  haste: [0, 200_000],
  mastery: [0, 200_000],
  versatility: [0, 200_000],
  weaponDps: [0, 100_000],
  weaponSpeed: [1, 5],
};

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Numbers written with an exponent (1e3, 2E-5) in JSON text; strings are skipped. */
function exponentNumbers(text: string): string[] {
  const found: string[] = [];
  let i = 0;
  while (i < text.length && found.length < 5) {
    const c = text[i]!;
    if (c === '"') {
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i++;
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      const m = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 64));
      const tok = m ? m[0] : c;
      if (/[eE]/.test(tok)) found.push(tok);
      i += tok.length;
    } else i++;
  }
  return found;
}

function checkKeys(o: Obj, allowed: readonly string[], path: string, problems: string[]): void {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) problems.push(`${path}.${k}: unknown field`);
}

function num(
  o: Obj,
  key: string,
  path: string,
  min: number,
  max: number,
  problems: string[],
  integer = false,
): number {
  const v = o[key];
  const p = `${path}.${key}`;
  if (typeof v !== 'number') {
    problems.push(`${p}: must be a number`);
    return min;
  }
  const plain = plainNumberProblem(v);
  if (plain) problems.push(`${p}: ${plain}`);
  else if (v < min || v > max) problems.push(`${p}: must be between ${min} and ${max} (got ${v})`);
  else if (integer && !Number.isInteger(v)) problems.push(`${p}: must be a whole number (got ${v})`);
  return v;
}

/** `fight.adds` of an adds fight: SimC's HecticAddCleave waves when missing. */
function parseAdds(v: unknown, durationSeconds: number, problems: string[]): AddWaves {
  const def = hecticAddCleaveWaves(durationSeconds);
  if (v === undefined) return def;
  if (!isObj(v)) {
    problems.push('config.fight.adds: must be an object');
    return def;
  }
  const path = 'config.fight.adds';
  checkKeys(v, Object.keys(def), path, problems);
  const max = CONFIG_LIMITS.maxDurationSeconds;
  const w: AddWaves = {
    count: num(v, 'count', path, 1, ADD_LIMITS.maxCount, problems, true),
    firstSeconds: num(v, 'firstSeconds', path, 0, max, problems),
    intervalSeconds: num(v, 'intervalSeconds', path, ADD_LIMITS.minIntervalSeconds, max, problems),
    lifetimeSeconds: num(v, 'lifetimeSeconds', path, ADD_LIMITS.minLifetimeSeconds, max, problems),
    lastSeconds: num(v, 'lastSeconds', path, 0, max, problems),
  };
  if (w.lifetimeSeconds > w.intervalSeconds)
    problems.push(
      `${path}.lifetimeSeconds: a wave must die before the next one comes (at most intervalSeconds)`,
    );
  if (w.lastSeconds < w.firstSeconds) problems.push(`${path}.lastSeconds: must not be before firstSeconds`);
  return w;
}

/**
 * Validates a config (JSON text or a parsed value) and returns a clean copy.
 * Missing `fight.durationVariation` defaults to 0.2. Throws ConfigError listing every problem,
 * including rotation problems with their line and column.
 */
export function parseConfig(json: string | unknown): SimConfig {
  const problems: string[] = [];
  let value: unknown = json;
  if (typeof json === 'string') {
    if (json.length > CONFIG_LIMITS.maxJsonLength)
      throw new ConfigError([`config: longer than ${CONFIG_LIMITS.maxJsonLength} characters`]);
    try {
      value = JSON.parse(json);
    } catch (e) {
      throw new ConfigError([`config: not valid JSON (${(e as Error).message})`]);
    }
    for (const tok of exponentNumbers(json))
      problems.push(`config: number ${tok} uses exponent notation; use a plain number`);
  }
  if (!isObj(value)) throw new ConfigError(['config: must be a JSON object']);
  const c = value;
  checkKeys(
    c,
    [
      'engineVersion',
      'spec',
      'player',
      'fight',
      'raidBuffs',
      'consumables',
      'race',
      'setBonuses',
      'gear',
      'timing',
      'rotation',
    ],
    'config',
    problems,
  );

  if (c.engineVersion !== ENGINE_VERSION) {
    problems.push(
      `config.engineVersion: must be "${ENGINE_VERSION}" (got ${JSON.stringify(c.engineVersion) ?? 'nothing'})`,
    );
  }
  let spec: SpecId | null = null;
  if (isSpecId(c.spec)) spec = c.spec;
  else
    problems.push(
      `config.spec: must be "bm-hunter" or "mm-hunter" (got ${JSON.stringify(c.spec) ?? 'nothing'})`,
    );

  const stats = {} as PlayerStats;
  let talents: string[] = [];
  // the weapon enchant's key among the talents, before it moved to config.gear (parseGear)
  let legacyRadiantPower = false;
  if (!isObj(c.player)) problems.push('config.player: must be an object');
  else {
    checkKeys(c.player, ['stats', 'talents'], 'config.player', problems);
    const s = c.player.stats;
    if (!isObj(s)) problems.push('config.player.stats: must be an object');
    else {
      checkKeys(s, Object.keys(STAT_BOUNDS), 'config.player.stats', problems);
      for (const [k, [lo, hi]] of Object.entries(STAT_BOUNDS)) {
        stats[k as keyof PlayerStats] = num(s, k, 'config.player.stats', lo, hi, problems);
      }
    }
    const t = c.player.talents;
    if (typeof t === 'string') {
      // an in-game loadout string: its modelled talents (sim-core/docs/profile-text.md)
      try {
        if (spec) talents = talentsFromLoadout(t, { expected: spec }).keys;
      } catch (e) {
        if (e instanceof LoadoutError) problems.push(`config.player.talents: ${e.message}`);
        else throw e;
      }
    } else if (!Array.isArray(t))
      problems.push('config.player.talents: must be an array of talent keys or an in-game talent string');
    else if (t.length > CONFIG_LIMITS.maxTalents)
      problems.push(`config.player.talents: more than ${CONFIG_LIMITS.maxTalents} entries`);
    else {
      const known = spec ? new Set(specData(spec).talents.map((x) => x.key)) : null;
      const seen = new Set<string>();
      legacyRadiantPower = t.includes(LEGACY_RADIANT_POWER);
      t.forEach((x, i) => {
        if (x === LEGACY_RADIANT_POWER) return;
        // `key:N`: rank N of a talent scaled by rank (talents/ranks.ts)
        const key = typeof x === 'string' ? splitTalent(x).key : '';
        const rank = typeof x === 'string' && known ? rankProblem(x, known) : null;
        if (typeof x !== 'string') problems.push(`config.player.talents[${i}]: must be a string`);
        else if (rank) problems.push(`config.player.talents[${i}]: ${rank}`);
        else if (known && !known.has(key))
          problems.push(
            `config.player.talents[${i}]: unknown talent "${x.slice(0, 64)}" for ${specData(spec!).name}`,
          );
        else if (seen.has(key)) problems.push(`config.player.talents[${i}]: duplicate talent "${key}"`);
        else seen.add(key);
      });
      talents = t
        .filter((x): x is string => typeof x === 'string' && x !== LEGACY_RADIANT_POWER)
        .map(canonicalTalent);
    }
  }

  const fight = {
    style: 'patchwerk',
    durationSeconds: 0,
    durationVariation: 0.2,
    targets: 1,
    bloodlust: false,
  } as SimConfig['fight'];
  if (!isObj(c.fight)) problems.push('config.fight: must be an object');
  else {
    const f = c.fight;
    checkKeys(
      f,
      ['style', 'durationSeconds', 'durationVariation', 'targets', 'bloodlust', 'adds'],
      'config.fight',
      problems,
    );
    const styleOk = (FIGHT_STYLES as readonly unknown[]).includes(f.style);
    if (styleOk) fight.style = f.style as SimConfig['fight']['style'];
    else problems.push(`config.fight.style: must be ${FIGHT_STYLES.map((s) => `"${s}"`).join(', ')}`);
    fight.durationSeconds = num(
      f,
      'durationSeconds',
      'config.fight',
      CONFIG_LIMITS.minDurationSeconds,
      CONFIG_LIMITS.maxDurationSeconds,
      problems,
    );
    if (f.durationVariation !== undefined) {
      fight.durationVariation = num(
        f,
        'durationVariation',
        'config.fight',
        0,
        CONFIG_LIMITS.maxVariation,
        problems,
      );
    }
    fight.targets = num(f, 'targets', 'config.fight', 1, CONFIG_LIMITS.maxTargets, problems, true);
    if (styleOk && fight.style === 'patchwerk' && f.targets !== 1)
      problems.push('config.fight.targets: patchwerk fights have exactly 1 target');
    if (styleOk && fight.style === 'adds') {
      if (f.targets !== 1)
        problems.push('config.fight.targets: adds fights have 1 main target (the adds come in waves)');
      fight.adds = parseAdds(f.adds, fight.durationSeconds, problems);
    } else if (f.adds !== undefined) problems.push('config.fight.adds: only for the "adds" style');
    if (typeof f.bloodlust === 'boolean') fight.bloodlust = f.bloodlust;
    else problems.push('config.fight.bloodlust: must be true or false');
  }

  const raidBuffs = defaultRaidBuffs();
  if (c.raidBuffs !== undefined) {
    if (!isObj(c.raidBuffs)) problems.push('config.raidBuffs: must be an object');
    else {
      const r = c.raidBuffs;
      checkKeys(r, [...RAID_BUFF_KEYS], 'config.raidBuffs', problems);
      for (const k of RAID_BUFF_KEYS) {
        if (r[k] === undefined) continue;
        if (typeof r[k] === 'boolean') raidBuffs[k] = r[k];
        else problems.push(`config.raidBuffs.${k}: must be true or false`);
      }
    }
  }

  const consumables = defaultConsumables();
  if (c.consumables !== undefined) {
    if (!isObj(c.consumables)) problems.push('config.consumables: must be an object');
    else {
      const k = c.consumables;
      checkKeys(k, ['flask', 'potion', 'augmentRune', 'food', 'weaponOil'], 'config.consumables', problems);
      const pick = (key: keyof typeof consumables, known: Readonly<Record<string, unknown>>) => {
        const v = k[key];
        if (v === undefined) return;
        if (typeof v === 'string' && (v === 'none' || Object.hasOwn(known, v))) consumables[key] = v;
        else
          problems.push(
            `config.consumables.${key}: must be "none" or one of ${Object.keys(known).join(', ')} (got ${JSON.stringify(v).slice(0, 64)})`,
          );
      };
      pick('flask', FLASKS);
      pick('potion', POTIONS);
      pick('augmentRune', AUGMENT_RUNES);
      pick('food', FOODS);
      pick('weaponOil', WEAPON_OILS);
    }
  }

  let race = 'none';
  if (c.race !== undefined) {
    if (isRace(c.race)) race = c.race;
    else
      problems.push(
        `config.race: must be one of ${RACES.join(', ')} (got ${JSON.stringify(c.race).slice(0, 64)})`,
      );
  }

  const setBonuses: string[] = [];
  // a bound on the work a stranger's list costs, with room to name a wrong entry or two
  const MAX_SET_BONUS_ENTRIES = 8;
  if (c.setBonuses !== undefined) {
    if (!Array.isArray(c.setBonuses) || c.setBonuses.length > MAX_SET_BONUS_ENTRIES)
      problems.push(`config.setBonuses: must be a list of at most ${MAX_SET_BONUS_ENTRIES} set bonus names`);
    else
      for (const [i, v] of (c.setBonuses as unknown[]).entries()) {
        const name = typeof v === 'string' ? setBonusName(v) : null;
        if (name === null)
          problems.push(
            `config.setBonuses[${i}]: must be one of ${SET_BONUSES.join(', ')} (got ${JSON.stringify(v)?.slice(0, 64) ?? 'nothing'})`,
          );
        else if (setBonuses.includes(name)) problems.push(`config.setBonuses[${i}]: ${name} is listed twice`);
        else setBonuses.push(name);
      }
  }
  // one order whatever the input's, so that equal configs hash alike
  setBonuses.sort((a, b) => SET_BONUSES.indexOf(a as SetBonus) - SET_BONUSES.indexOf(b as SetBonus));

  const gear = parseGear(c.gear, problems, legacyRadiantPower);
  const timing = parseTiming(c.timing, problems);

  let rotation = '';
  if (typeof c.rotation !== 'string') problems.push('config.rotation: must be the rotation text');
  else {
    rotation = c.rotation;
    try {
      parseRotation(rotation, spec ? specVocabulary(spec) : undefined);
    } catch (e) {
      if (e instanceof RotationError) for (const x of e.all) problems.push(`config.rotation: ${x.message}`);
      else throw e;
    }
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    engineVersion: ENGINE_VERSION,
    spec: spec!,
    player: { stats, talents: [...talents] },
    fight,
    raidBuffs,
    consumables,
    race,
    setBonuses,
    gear,
    timing,
    rotation,
  };
}
