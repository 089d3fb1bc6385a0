/**
 * The property names of the expression language: turns a dotted path (`buff.bestial_wrath.up`)
 * into a NamedRef / GlobalRef, or throws a RotationError at the offending segment.
 */
import type { GlobalField, GlobalRef, NamedRef, NamedSource } from './ast.ts';
import type { AplNameKind, AplVocabulary } from './context.ts';
import { RotationError } from './errors.ts';

const GLOBAL_FIELDS: ReadonlySet<string> = new Set<GlobalField>([
  'focus',
  'focus.deficit',
  'focus.time_to_max',
  'focus.max',
  'focus.regen',
  'focus.pct',
  'gcd',
  'gcd.remains',
  'gcd.max',
  'time',
  'fight_remains',
  'active_enemies',
  'spell_targets',
  'target.health.pct',
  'target.time_to_die',
]);

const AURA_FIELDS = ['up', 'down', 'remains', 'stack', 'react'];

/** Fields per named source; '' means the bare form (`talent.X`, `variable.X`). */
export const NAMED_FIELDS: Readonly<Record<NamedSource, readonly string[]>> = {
  buff: AURA_FIELDS,
  debuff: AURA_FIELDS,
  petBuff: AURA_FIELDS,
  dot: ['ticking', 'up', 'down', 'remains', 'refreshable', 'stack'],
  cooldown: ['ready', 'up', 'down', 'remains', 'charges', 'charges_fractional', 'full_recharge_time'],
  talent: ['', 'enabled', 'rank'],
  action: ['cast_time', 'execute_time', 'cost', 'ready'],
  prevGcd: [''],
  variable: [''],
  spellTargets: [''],
};

/** Which vocabulary list names of a source belong to (variables are checked against the rotation itself). */
export const SOURCE_KIND: Readonly<Record<NamedSource, AplNameKind | undefined>> = {
  buff: 'buffs',
  debuff: 'debuffs',
  petBuff: 'petBuffs',
  dot: 'dots',
  cooldown: 'cooldowns',
  talent: 'talents',
  action: 'actions',
  prevGcd: 'actions',
  spellTargets: 'actions',
  variable: undefined,
};

const PREFIXES: Record<string, NamedSource> = {
  buff: 'buff',
  debuff: 'debuff',
  dot: 'dot',
  cooldown: 'cooldown',
  talent: 'talent',
  action: 'action',
  variable: 'variable',
  spell_targets: 'spellTargets',
};

export const MAX_PREV_GCD = 3;

/**
 * Parses a property path starting at (line, column). With a vocabulary, the name must be in the
 * matching list. Variable names are checked later, against the whole rotation.
 */
export function parseProperty(
  path: string,
  line: number,
  column: number,
  vocabulary: AplVocabulary | undefined,
): NamedRef | GlobalRef {
  if (GLOBAL_FIELDS.has(path)) return { kind: 'global', field: path as GlobalField, line, column };
  const parts = path.split('.');
  const cols: number[] = [];
  let c = column;
  for (const p of parts) {
    cols.push(c);
    c += p.length + 1;
  }
  let source: NamedSource | undefined;
  let nameIdx = 1;
  let n = 0;
  if (parts[0] === 'pet') {
    if (parts[1] !== 'main')
      throw new RotationError(`unknown pet '${parts[1] ?? ''}' (only pet.main)`, line, cols[1] ?? c);
    if (parts[2] !== 'buff')
      throw new RotationError(
        `unknown pet property '${parts[2] ?? ''}' (only pet.main.buff.X)`,
        line,
        cols[2] ?? c,
      );
    source = 'petBuff';
    nameIdx = 3;
  } else if (parts[0] === 'prev_gcd') {
    const nText = parts[1] ?? '';
    n = /^[0-9]$/.test(nText) ? Number(nText) : 0;
    if (n < 1 || n > MAX_PREV_GCD)
      throw new RotationError(`prev_gcd needs a number 1..${MAX_PREV_GCD}`, line, cols[1] ?? c);
    source = 'prevGcd';
    nameIdx = 2;
  } else {
    source = PREFIXES[parts[0]!];
    if (source === undefined) throw new RotationError(`unknown property '${path}'`, line, column);
  }
  const name = parts[nameIdx];
  if (name === undefined) {
    throw new RotationError(
      `'${path}' needs a name after '${parts.slice(0, nameIdx).join('.')}.'`,
      line,
      c - 1,
    );
  }
  const rest = parts.slice(nameIdx + 1);
  const field = rest.join('.');
  const fields = NAMED_FIELDS[source];
  if (!fields.includes(field)) {
    const where = rest.length > 0 ? cols[nameIdx + 1]! : cols[nameIdx]!;
    const expected = fields.filter((f) => f !== '').join(', ') || 'nothing';
    throw new RotationError(`unknown property '${path}' (after the name expected: ${expected})`, line, where);
  }
  const kind = SOURCE_KIND[source];
  if (vocabulary !== undefined && kind !== undefined && !vocabulary[kind].includes(name)) {
    throw new RotationError(`unknown ${describeKind(kind)} '${name}'`, line, cols[nameIdx]!);
  }
  return { kind: 'named', source, name, nameColumn: cols[nameIdx]!, field, n, line, column };
}

export function describeKind(kind: AplNameKind): string {
  switch (kind) {
    case 'actions':
      return 'action';
    case 'buffs':
      return 'buff';
    case 'debuffs':
      return 'debuff';
    case 'dots':
      return 'dot';
    case 'cooldowns':
      return 'cooldown';
    case 'talents':
      return 'talent';
    case 'petBuffs':
      return 'pet buff';
  }
}
