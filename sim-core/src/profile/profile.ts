/**
 * SimulationCraft profile text in and out (sim-core/docs/profile-text.md): the lines players
 * paste (`hunter="Name"`, `spec=`, `gear_*=`, `main_hand=…,weapon=`, `actions…=`, fight options,
 * `profileset."name"+=…`) become a SimConfig; every config can be written back as such text.
 * Lines that are understood but not modelled are listed back as ignored, anything else is a
 * line-numbered error. Round trip: exportProfile → parseProfile gives the identical config.
 */
import { ConfigError, parseConfig } from '../config/parse-config.ts';
import { parseRotation } from '../apl/parser.ts';
import { RotationError } from '../apl/errors.ts';
import type { RotationWarning } from '../apl/ast.ts';
import { specData, specs, specVocabulary } from '../specs/registry.ts';
import { MAIL_SLOTS, sheetAgility } from './sheet-agility.ts';
import type { SimConfig, SpecId } from '../types.ts';
import {
  applyOption,
  isRotationLine,
  optionOfPath,
  PROFILESET,
  SPEC_TOKENS,
  STAT_KEYS,
  type OptionOut,
} from './options.ts';
import { setPieceLines, setPiecesNote } from './set-bonus.ts';
import { ITEM_SLOTS } from './simc-options.ts';
import { gearFromLines } from './gear-lines.ts';
import { itemLinesBySlot } from './item-lines.ts';
import { setBonusesFor } from '../specs/tier-sets.ts';
import {
  MAX_PROFILE_CHARS,
  ProfileError,
  type ParsedProfile,
  type ProfileLine,
  type ProfileLoadout,
} from './profile-types.ts';

export { exportProfile } from './export.ts';
export {
  MAX_PROFILE_CHARS,
  ProfileError,
  problemText,
  type ParsedProfile,
  type ProfileLine,
  type ProfileLoadout,
  type ProfileProblem,
} from './profile-types.ts';

/** SimC's addon: the item's name and level in a comment line above it, `# Yasahm the Riftbreaker (723)`. */
const ITEM_LEVEL_COMMENT = /^#\s*\S.*\((\d{3,4})\)$/;
/**
 * Reads profile text; throws ProfileError, every problem numbered by the line of the pasted text
 * (the rotation's too, with their column; a value out of range by the option that set it).
 */
export function parseProfile(text: string, engineVersion: string): ParsedProfile {
  if (text.length > MAX_PROFILE_CHARS)
    throw new ProfileError([{ line: 0, message: `a profile has at most ${MAX_PROFILE_CHARS} characters` }]);
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const problems: ProfileError['problems'] = [];
  let spec: SpecId = specs[0]!.id;
  let specLine = -1; // the first spec= line, 0-based
  lines.forEach((raw, i) => {
    const m = /^spec\s*=\s*(.*)$/i.exec(raw.trim());
    if (!m) return;
    if (specLine < 0) specLine = i;
    const id = SPEC_TOKENS[m[1]!.trim().toLowerCase()];
    if (id) spec = id;
    else
      problems.push({ line: i + 1, message: `spec=${m[1]} is not modelled (beast_mastery or marksmanship)` });
  });
  const config: SimConfig = { ...specs.find((x) => x.id === spec)!.defaultConfig(), engineVersion };
  const out: OptionOut = {
    name: null,
    options: {},
    ignored: [],
    loadouts: [],
    warnings: [],
    setBonusLines: [],
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
  const warnings = checkRotation(config.rotation, spec, from, lines, problems);
  out.warnings = warnings; // the options' (a set_bonus= of another season) join the rotation's
  // the set pieces worn give the set bonuses, as in SimC; set_bonus= lines (read below) win
  const inRotation = (i: number) => from >= 0 && i >= from && i <= to;
  // the items worn: each slot's last line of the base profile (not the rotation's or a profileset's)
  const worn = itemLinesBySlot(
    lines,
    (i) => inRotation(i) || PROFILESET.test(lines[i]!.trim()),
    new Set(ITEM_SLOTS),
  );
  const pieces = setPieceLines(worn);
  config.setBonuses = setBonusesFor(pieces.length);
  const gear = gearFromLines(worn);
  // the weapon's enchant comes from its main_hand= line (options.ts); without one, the config's stays
  config.gear = { ...gear.gear, weaponEnchant: config.gear?.weaponEnchant ?? 'none' };
  out.gearNotes = gear.notes;
  const optionLines = new Map<string, number>();
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
    optionLines.set(key, line);
    let value = t.slice(eq + 1).trim();
    // SimC's addon writes each item's level in the comment above it (`# Name (723)`), not as ilevel=;
    // only for an item line (id=): another comment ending in a number in brackets is not read
    if (key === 'main_hand' && /(^|,)id=\d/.test(value) && !/(^|,)(ilevel|weapon)=/.test(value)) {
      const above = ITEM_LEVEL_COMMENT.exec(lines[i - 1]?.trim() ?? '');
      if (above) value = `${value},ilevel=${above[1]}`;
    }
    if (!applyOption(config, key, value, line, out, problems))
      problems.push({ line, message: `unknown option "${key.slice(0, 40)}"` });
  });
  const piecesNote = setPiecesNote(pieces, config.setBonuses, out.setBonusLines ?? []);
  if (piecesNote !== null)
    warnings.push({ line: pieces[0]!, text: shortLine(lines[pieces[0]! - 1]!), reason: piecesNote });
  warnings.push(...gearSummary(lines, optionLines, config, out, problems));
  // said at the first spec= line (else the first line)
  warnings.push(...missingStats(lines[Math.max(0, specLine)]!, Math.max(0, specLine), optionLines, config));
  // gear_agility is the items' agility, as in SimC: the config's is the character sheet's
  const baseGear = optionLines.has('gear_agility') ? config.player.stats.agility : undefined;
  toSheet(config, baseGear, optionLines);
  if (problems.length > 0) throw inTextOrder(problems, warnings);
  const base = checked(config, optionLines, warnings);
  /** Each profileset's own option lines (its problems are reported at them). */
  const setKeys = new Map<string, Map<string, number>>();
  const profilesets = [...sets].map(([name, setLines]) => {
    const variant = JSON.parse(JSON.stringify(base)) as SimConfig;
    const ignored: ProfileLine[] = [];
    const loadouts: ProfileLoadout[] = [];
    const own = new Map<string, number>();
    setKeys.set(name, own);
    for (const l of setLines) {
      const eq = l.text.indexOf('=');
      const key = eq > 0 ? l.text.slice(0, eq).trim().toLowerCase() : '';
      own.set(key, l.line);
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
          { ...out, ignored, loadouts, profileset: name, setBonusLines: undefined },
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
    // the set's own gear_agility, else the base's (its race may differ): to the sheet's, with the
    // armour slots of both
    const gear = own.has('gear_agility') ? variant.player.stats.agility : baseGear;
    toSheet(variant, gear, new Map([...optionLines, ...own]));
    return { name, config: variant };
  });
  if (problems.length > 0) throw inTextOrder(problems, warnings);
  for (const p of profilesets)
    p.config = checked(p.config, setKeys.get(p.name)!, warnings, `profileset "${p.name}": `);
  return {
    name: out.name,
    config: base,
    options: out.options,
    ignored: out.ignored,
    warnings: byLine(warnings),
    profilesets,
    loadouts: out.loadouts,
  };
}

/**
 * The rotation block (its first line at `from`, 0-based) against the spec's names: its problems
 * go to `problems` and its warnings are returned, both at the pasted text's line numbers.
 */
function checkRotation(
  rotation: string,
  spec: SpecId,
  from: number,
  lines: readonly string[],
  problems: ProfileError['problems'],
): ProfileLine[] {
  if (from < 0) return [];
  let warnings: readonly RotationWarning[];
  try {
    warnings = parseRotation(rotation, specVocabulary(spec)).warnings;
  } catch (e) {
    if (!(e instanceof RotationError)) throw e;
    for (const x of e.all) problems.push({ line: from + x.line, column: x.column, message: x.reason });
    warnings = e.warnings; // those of the lines read, shown with the problems
  }
  return warnings.map((w) => ({
    line: from + w.line,
    text: shortLine(lines[from + w.line - 1]!),
    reason: w.reason,
  }));
}

/** A pasted line as the lists show it: trimmed and cut at 60 characters. */
function shortLine(raw: string): string {
  const t = raw.trim();
  return t.length > 60 ? `${t.slice(0, 59)}…` : t;
}

/**
 * parseConfig of a profile's config; a value it rejects (out of range) is a ProfileError at the
 * line of the option that set it, named as written there (`max_time`, not a config path).
 */
function checked(
  config: SimConfig,
  optionLines: ReadonlyMap<string, number>,
  warnings: ProfileLine[],
  prefix = '',
): SimConfig {
  try {
    return parseConfig(config);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    throw inTextOrder(
      err.problems.map((p) => {
        const m = /^config\.([\w.[\]]+): (.*)$/.exec(p);
        if (!m) return { line: 0, message: prefix + p };
        const key = optionOfPath(m[1]!);
        // the sheet's agility is checked, computed from gear_agility: say so rather than "you entered"
        const what = m[2]!.replace(
          /\(got ([^)]*)\)$/,
          m[1] === 'player.stats.agility' && optionLines.has('gear_agility')
            ? "(the character sheet's agility it gives: $1)"
            : '(you entered $1)',
        );
        return key === null
          ? { line: 0, message: prefix + what }
          : { line: optionLines.get(key) ?? 0, message: `${prefix}${key}: ${what}` };
      }),
      warnings,
    );
  }
}

/**
 * A ProfileError of `problems` sorted by line and column (the rotation's are found first), with the
 * warnings found so far.
 */
function inTextOrder(problems: ProfileError['problems'], warnings: ProfileLine[]): ProfileError {
  return new ProfileError(
    [...problems].sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0)),
    byLine(warnings),
  );
}

/** Warnings in text order. */
function byLine(warnings: ProfileLine[]): ProfileLine[] {
  return [...warnings].sort((a, b) => a.line - b.line);
}

/** `# gear_agility=76043`: a stat line of the `# Gear Summary` comment block SimulationCraft writes. */
const SUMMARY_STAT = /^#\s*(gear_[a-z_]+)\s*=\s*([0-9.]+)\s*$/;

/**
 * The stats of SimulationCraft's `# Gear Summary` comments (the sums of the profile's items, which
 * are not modelled here), for each stat no uncommented `gear_*=` line sets: without them a pasted
 * profile would run on the spec's default stats. Each one read is returned as a warning (and
 * its line noted in `optionLines`).
 */
function gearSummary(
  lines: readonly string[],
  optionLines: Map<string, number>,
  config: SimConfig,
  out: OptionOut,
  problems: ProfileError['problems'],
): ProfileLine[] {
  const read: ProfileLine[] = [];
  lines.forEach((raw, i) => {
    const m = SUMMARY_STAT.exec(raw.trim());
    if (!m || STAT_KEYS[m[1]!] === undefined || optionLines.has(m[1]!)) return;
    applyOption(config, m[1]!, m[2]!, i + 1, out, problems);
    optionLines.set(m[1]!, i + 1); // a value out of range is reported here
    read.push({
      line: i + 1,
      text: raw.trim(),
      reason: `read from the Gear Summary comment (the items are not modelled; their summed stats are). A ${m[1]}= line without # sets it instead`,
    });
  });
  return read;
}

/**
 * The stats a profile gives neither by a `gear_*=` line nor in its Gear Summary: the sim uses the
 * spec's defaults for them, which is a different character than the player's. SimulationCraft's
 * addon writes the items alone (their stats come from item data, which is not read here), so a
 * pasted character gets one warning that says so, at its `spec=` line (the defaults are the
 * spec's; the item lines are listed as ignored already).
 */
function missingStats(
  specText: string,
  specLine: number,
  optionLines: ReadonlyMap<string, number>,
  config: SimConfig,
): ProfileLine[] {
  const missing = Object.keys(STAT_KEYS).filter((k) => !optionLines.has(k));
  if (missing.length === 0) return [];
  const stats = config.player.stats;
  const value = (k: string) => {
    const v = Math.round(stats[STAT_KEYS[k]!]).toLocaleString('en-US');
    return k === 'gear_agility'
      ? `agility ${v} (the character sheet's)`
      : `${k.slice(5).replace('_', ' ')} ${v}`;
  };
  const spec = specData(config.spec).name;
  return [
    {
      line: specLine + 1,
      text: shortLine(specText),
      reason:
        `no ${missing.join(', ')} in this profile (items are not read here, only gear_*= lines and the ` +
        `Gear Summary): the sim uses ${spec}'s defaults, ${missing.map(value).join(', ')}. ` +
        `Add ${missing.length === 1 ? 'that line' : 'those lines'} with your character's values`,
    },
  ];
}

/**
 * Sets `config`'s agility to the character sheet's from SimC's `gear_agility` (`gear`; undefined:
 * none given, the config's stays), with Mail Specialization when the keys (`keys`: the profile's
 * options) fill every armour slot, as SimC does (profile-text.md § Agility).
 */
function toSheet(config: SimConfig, gear: number | undefined, keys: ReadonlyMap<string, number>): void {
  if (gear === undefined || !Number.isFinite(gear)) return;
  const mail = MAIL_SLOTS.every((slot) => slot.some((k) => keys.has(k)));
  config.player.stats.agility = sheetAgility(gear, config.race ?? 'none', mail);
}
