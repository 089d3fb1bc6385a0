/**
 * The property names of the expression language: turns a dotted path (`buff.bestial_wrath.up`)
 * into a NamedRef / GlobalRef, or throws a RotationError at the offending segment. Names that
 * exist in SimulationCraft but are not modelled here become constants, with a warning.
 */
import type { Expr, GlobalField, GlobalRef, NamedRef, NamedSource, NumberExpr } from './ast.ts';
import type { AplNameKind } from './context.ts';
import { RotationError } from './errors.ts';
import { nameTable } from '../name-table.ts';
import { SET_BONUSES } from '../specs/tier-sets.ts';
import type { ParseContext } from './parse-context.ts';
import {
  HUNTER_BUFFS,
  HUNTER_DEBUFFS,
  HUNTER_DOTS,
  HERO_TREE_KEYSTONES,
  HUNTER_HERO_TREES,
  HUNTER_PET_BUFFS,
  HUNTER_SPELLS,
  HUNTER_TALENTS,
  ITEM_BUFFS,
  MAX_PRIO_DAMAGE,
  NOOP_ACTIONS,
  OTHER_SET_BONUS,
  readSetBonusName,
  UNMODELLED_PREFIXES,
} from './simc-names.ts';
import {
  equipped,
  firstTrinket,
  MODELLED_TRINKET_SLOT,
  trinketProperty,
  type CooldownRef,
} from './trinket-properties.ts';

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
  'time_to_die',
  'time_to_die.remains',
]);

const AURA_FIELDS = ['up', 'down', 'remains', 'stack', 'react', 'at_max_stacks', 'max_stack', 'duration'];

/**
 * Player buffs whose periodic ticks the engine models, for `buff.X.tick_time_remains`: Withering
 * Fire grants Deathblow every 4 s for Beast Mastery (specs/hero/dark-ranger.ts; it does not tick
 * for Marksmanship, where it reads 0). Any other buff reads 0, with a warning.
 */
const TICKING_BUFFS: ReadonlySet<string> = new Set(['withering_fire']);

/** Fields per named source; '' means the bare form (`talent.X`, `variable.X`). */
export const NAMED_FIELDS: Readonly<Record<NamedSource, readonly string[]>> = {
  buff: [...AURA_FIELDS, 'tick_time_remains'],
  debuff: AURA_FIELDS,
  petBuff: AURA_FIELDS,
  dot: ['ticking', 'up', 'down', 'remains', 'refreshable', 'stack'],
  cooldown: [
    'ready',
    'up',
    'down',
    'remains',
    'charges',
    'charges_fractional',
    'full_recharge_time',
    'duration',
    'remains_guess',
    'remains_expected',
  ],
  talent: ['', 'enabled', 'rank'],
  action: [
    'cast_time',
    'execute_time',
    'cost',
    'ready',
    'in_flight',
    'in_flight_to_target',
    'in_flight_count',
    'in_flight_to_target_count',
    'cooldown_react',
    'cast_regen',
  ],
  prevGcd: [''],
  prev: [''],
  variable: [''],
  spellTargets: [''],
  setBonus: [''],
  equipped: [''],
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
  prev: 'actions',
  spellTargets: 'actions',
  variable: undefined,
  setBonus: undefined,
  equipped: undefined,
};

/** Names SimulationCraft knows for each kind (simc-names.ts): not modelled here, but not misspelt. */
const REAL_NAMES: Readonly<Record<AplNameKind, (name: string) => boolean>> = {
  actions: (n) => HUNTER_SPELLS.has(n),
  buffs: (n) => HUNTER_BUFFS.has(n) || n in ITEM_BUFFS,
  debuffs: (n) => HUNTER_DEBUFFS.has(n),
  dots: (n) => HUNTER_DOTS.has(n),
  cooldowns: (n) => HUNTER_SPELLS.has(n) || n in NOOP_ACTIONS,
  talents: (n) => HUNTER_TALENTS.has(n),
  petBuffs: (n) => HUNTER_PET_BUFFS.has(n),
};

const PREFIXES: Readonly<Record<string, NamedSource>> = nameTable({
  buff: 'buff',
  debuff: 'debuff',
  dot: 'dot',
  cooldown: 'cooldown',
  talent: 'talent',
  action: 'action',
  variable: 'variable',
  spell_targets: 'spellTargets',
  prev: 'prev',
});

/**
 * Action-scoped shorthands: inside a spell's options, `cast_time` means `action.SPELL.cast_time`;
 * the value names the source and, where SimC's name differs from the long form's field, the field
 * (SimC action_t::create_expression: a bare `cooldown` is `cooldown_duration()`, the seconds
 * `cooldown.SPELL.duration` reads).
 */
const SHORTHANDS: Readonly<Record<string, readonly [NamedSource, string]>> = nameTable({
  cast_time: ['action', 'cast_time'],
  execute_time: ['action', 'execute_time'],
  cost: ['action', 'cost'],
  in_flight: ['action', 'in_flight'],
  in_flight_to_target: ['action', 'in_flight_to_target'],
  in_flight_count: ['action', 'in_flight_count'],
  in_flight_to_target_count: ['action', 'in_flight_to_target_count'],
  cooldown_react: ['action', 'cooldown_react'],
  cast_regen: ['action', 'cast_regen'],
  charges: ['cooldown', 'charges'],
  charges_fractional: ['cooldown', 'charges_fractional'],
  full_recharge_time: ['cooldown', 'full_recharge_time'],
  cooldown: ['cooldown', 'duration'],
  remains: ['dot', 'remains'],
  ticking: ['dot', 'ticking'],
  refreshable: ['dot', 'refreshable'],
});

export const MAX_PREV_GCD = 3;

const num = (value: number, line: number, column: number): NumberExpr => ({
  kind: 'number',
  value,
  line,
  column,
});

/** What a property of a name that is not modelled reads: never up, never taken, never on cooldown. */
function unmodelledValue(source: NamedSource, field: string): number {
  if (source === 'cooldown') return field === 'ready' || field === 'up' ? 1 : 0;
  return field === 'down' ? 1 : 0;
}

/**
 * Parses a property path starting at (line, column). With a vocabulary, the name must be in the
 * matching list, or be a real SimulationCraft name (then the property is a constant and a warning
 * is added). Variable names are checked later, against the whole rotation.
 */
export function parseProperty(path: string, line: number, column: number, ctx: ParseContext): Expr {
  if (ctx.syntaxOnly === true) return num(0, line, column);
  if (GLOBAL_FIELDS.has(path))
    return { kind: 'global', field: path as GlobalField, line, column } satisfies GlobalRef;
  if (path === 'max_prio_damage') return num(MAX_PRIO_DAMAGE, line, column);
  if (path === 'this_trinket_slot') {
    if (ctx.trinket !== undefined) return num(MODELLED_TRINKET_SLOT, line, column);
    ctx.warnings.add(line, column, `this_trinket_slot reads 0 outside a use_items / use_item line`);
    return num(0, line, column);
  }
  const parts = path.split('.');
  const head = parts[0]!;
  if (head === 'howl_summon') {
    const howl = howlSummon(parts, line, column, ctx);
    if (howl !== null) return howl;
  }
  if (head === 'set_bonus') return setBonus(parts, line, column, ctx);
  if (head === 'equipped') return equipped(parts, line, column, ctx);
  const cooldown: CooldownRef = (item, field, p) =>
    named('cooldown', item, column, field, 0, p, line, column, ctx);
  if (head === 'this_trinket' && ctx.trinket !== undefined)
    return trinketProperty(ctx.trinket, parts.slice(1), path, line, column, ctx, cooldown);
  if (head === 'trinket' && parts[1] === '1' && parts.length > 2)
    return firstTrinket(parts, path, line, column, ctx, cooldown);
  const reason = UNMODELLED_PREFIXES[head];
  if (reason !== undefined && parts.length > 1) {
    ctx.warnings.add(line, column, `${path} reads 0 (${reason})`);
    return num(0, line, column);
  }
  if (head === 'hero_tree') return heroTree(parts, line, column, ctx);
  const short = SHORTHANDS[path];
  if (short !== undefined) {
    const [source, field] = short;
    if (ctx.action === undefined) {
      throw new RotationError(
        `'${path}' belongs to an action: use it in a spell's options or write ${source}.NAME.${field}`,
        line,
        column,
      );
    }
    return named(source, ctx.action, column, field, 0, path, line, column, ctx);
  }
  const cols: number[] = [];
  let c = column;
  for (const p of parts) {
    cols.push(c);
    c += p.length + 1;
  }
  let source: NamedSource | undefined;
  let nameIdx = 1;
  let n = 0;
  if (head === 'pet') {
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
  } else if (head === 'prev_gcd') {
    const nText = parts[1] ?? '';
    n = /^[0-9]$/.test(nText) ? Number(nText) : 0;
    if (n < 1 || n > MAX_PREV_GCD)
      throw new RotationError(`prev_gcd needs a number 1..${MAX_PREV_GCD}`, line, cols[1] ?? c);
    source = 'prevGcd';
    nameIdx = 2;
  } else {
    source = PREFIXES[head];
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
  return named(source, name, cols[nameIdx]!, field, n, path, line, column, ctx);
}

/**
 * SimulationCraft's fields that read what another field of ours reads:
 * - `cooldown.X.remains_guess` / `remains_expected` (engine/sim/cooldown.cpp: the remaining time
 *   stretched by how much the cooldown was reduced since it started, for cooldowns that random
 *   events reduce): the exact remaining time here, `cooldown.X.remains`.
 * - `action.X.cooldown_react` (engine/action/action.cpp: `cooldown->up() && cooldown->reset_react
 *   <= now`, a reset by a proc counts only after a reaction time): `cooldown.X.ready`; a reset
 *   counts at once here.
 */
function alias(source: NamedSource, field: string): { source: NamedSource; field: string } {
  if (source === 'cooldown' && (field === 'remains_guess' || field === 'remains_expected'))
    return { source, field: 'remains' };
  if (source === 'action' && field === 'cooldown_react') return { source: 'cooldown', field: 'ready' };
  return { source, field };
}

/** A named property after its shape was checked: resolved, or a constant for a real name not modelled. */
function named(
  givenSource: NamedSource,
  name: string,
  nameColumn: number,
  givenField: string,
  n: number,
  path: string,
  line: number,
  column: number,
  ctx: ParseContext,
): Expr {
  const { source, field } = alias(givenSource, givenField);
  const kind = SOURCE_KIND[source];
  const vocabulary = ctx.vocabulary;
  if (vocabulary !== undefined && kind !== undefined && !vocabulary[kind].includes(name)) {
    if (!REAL_NAMES[kind](name)) {
      throw new RotationError(`unknown ${describeKind(kind)} '${name}'`, line, nameColumn);
    }
    if (source === 'spellTargets') return { kind: 'global', field: 'active_enemies', line, column };
    const value = unmodelledValue(source, field);
    const item = kind === 'buffs' ? ITEM_BUFFS[name] : undefined;
    const hint =
      source === 'buff' && vocabulary.petBuffs.includes(name)
        ? ` (the pet's buff is pet.main.buff.${name})`
        : '';
    ctx.warnings.add(
      line,
      nameColumn,
      item !== undefined
        ? `buff '${name}' is an item's (${item}); items are not modelled here, ${path} reads ${value}`
        : `${describeKind(kind)} '${name}' is not modelled here; ${path} reads ${value}${hint}`,
    );
    return num(value, line, column);
  }
  if (source === 'buff' && field === 'tick_time_remains' && !TICKING_BUFFS.has(name)) {
    ctx.warnings.add(line, column, `${path} reads 0 (the buff does not tick here)`);
    return num(0, line, column);
  }
  return { kind: 'named', source, name, nameColumn, field, n, line, column } satisfies NamedRef;
}

/**
 * SimC's `howl_summon.ready` (a Pack Leader beast is ready) and `howl_summon.ready.X` (X = wyvern,
 * boar, bear): the ready auras `buff.howl_of_the_pack_leader_X.up` (specs/hero/pack-leader.ts),
 * when the spec has them; null otherwise (`howl_summon.next.X` and other specs read 0 with a warning).
 */
function howlSummon(parts: string[], line: number, column: number, ctx: ParseContext): Expr | null {
  if (parts[1] !== 'ready' || parts.length > 3) return null;
  const beasts = parts.length === 3 ? [parts[2]!] : ['wyvern', 'boar', 'bear'];
  const names = beasts.map((b) => `howl_of_the_pack_leader_${b}`);
  if (ctx.vocabulary !== undefined && !names.every((n) => ctx.vocabulary!.buffs.includes(n))) return null;
  const refs: Expr[] = names.map((name) => ({
    kind: 'named',
    source: 'buff',
    name,
    nameColumn: column,
    field: 'up',
    n: 0,
    line,
    column,
  }));
  return refs.reduce((left, right) => ({ kind: 'binary', op: '|', left, right, line, column }));
}

/**
 * `set_bonus.NAME`: 1 when the config wears the set bonus (full or short name, AplResolver.setBonus),
 * folded at compile time; `tww3_<hero tree>_Npc` is the bonus and `hero_tree.<hero tree>`. A name of
 * SimC's shape for another set or season reads 0 with a warning at the name; any other shape is an
 * error there.
 */
function setBonus(parts: string[], line: number, column: number, ctx: ParseContext): Expr {
  const nameColumn = column + 'set_bonus.'.length;
  const name = parts[1] ?? '';
  const read = parts.length === 2 ? readSetBonusName(name) : null;
  if (read === null) {
    throw new RotationError(
      `'${parts.join('.')}' is not a set bonus: write set_bonus.NAME_2pc or set_bonus.NAME_4pc (${SET_BONUSES.join(', ')}; short: tww3_2pc, tww3_4pc)`,
      line,
      name === '' ? column : nameColumn,
    );
  }
  if (read.bonus === null) {
    ctx.warnings.add(
      line,
      nameColumn,
      `set bonus '${name}' is not modelled here; set_bonus.${name} reads 0 (${OTHER_SET_BONUS})`,
    );
    return num(0, line, column);
  }
  const bonus: Expr = {
    kind: 'named',
    source: 'setBonus',
    name: read.bonus,
    nameColumn,
    field: '',
    n: 0,
    line,
    column,
  };
  if (read.heroTree === undefined) return bonus;
  const tree = heroTree(['hero_tree', read.heroTree], line, column, ctx, nameColumn);
  return { kind: 'binary', op: '&', left: bonus, right: tree, line, column };
}

/** `hero_tree.X`: the tree's keystone talent (or the talent X) when the spec models it, else 0 with a warning. */
function heroTree(
  parts: string[],
  line: number,
  column: number,
  ctx: ParseContext,
  nameColumn = column + 'hero_tree.'.length,
): Expr {
  const name = parts[1];
  if (name === undefined || parts.length !== 2) {
    throw new RotationError(`hero_tree needs one name (hero_tree.NAME)`, line, column);
  }
  const talents = ctx.vocabulary?.talents;
  const key = HERO_TREE_KEYSTONES[name] ?? name;
  if (talents === undefined || talents.includes(key)) {
    return { kind: 'named', source: 'talent', name: key, nameColumn, field: '', n: 0, line, column };
  }
  if (!HUNTER_HERO_TREES.has(name)) throw new RotationError(`unknown hero tree '${name}'`, line, nameColumn);
  ctx.warnings.add(line, nameColumn, `hero tree '${name}' is not modelled here; hero_tree.${name} reads 0`);
  return num(0, line, column);
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
