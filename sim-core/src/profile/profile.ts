/**
 * SimulationCraft profile text in and out (sim-core/docs/profile-text.md): the lines players
 * paste (`hunter="Name"`, `spec=`, `gear_*=`, `main_hand=…,weapon=`, `actions…=`, fight options,
 * `profileset."name"+=…`) become a SimConfig; every config can be written back as such text.
 * Lines that are understood but not modelled are listed back as ignored, anything else is a
 * line-numbered error. Round trip: exportProfile → parseProfile gives the identical config.
 */
import { ConfigError, parseConfig } from '../config/parse-config.ts';
import { specs } from '../specs/registry.ts';
import type { SimConfig, SpecId } from '../types.ts';
import { applyOption, isRotationLine, PROFILESET, SPEC_TOKENS } from './options.ts';
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
  type ParsedProfile,
  type ProfileLine,
  type ProfileLoadout,
} from './profile-types.ts';

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
