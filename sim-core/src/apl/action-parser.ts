/** Parses one action of a line (`kill_command,if=...`, `variable,name=x,op=add,value=1`, ...). */
import type { AplAction, Expr, TargetIf, VariableOp } from './ast.ts';
import { APL_LIMITS, RotationError } from './errors.ts';
import { parseExpression } from './expression.ts';
import type { ParseContext } from './parse-context.ts';
import { nameTable } from '../name-table.ts';
import { CHANNEL_OPTIONS, HUNTER_CHANNELS, HUNTER_SPELLS, NOOP_ACTIONS } from './simc-names.ts';
import { PRECOMBAT_LIST, isListName, splitSegments } from './syntax.ts';
import { ON_USE_ITEMS } from '../specs/gear.ts';
import { POTION_ACTION } from '../specs/consumables.ts';
import { RACIAL_BUFFS } from '../specs/racials.ts';

const NAME = /^[a-z0-9_]+$/;
const NUMBER = /^-?[0-9]+(\.[0-9]+)?$/;

const ALLOWED: Readonly<Record<string, readonly string[]>> = nameTable({
  spell: ['if', 'line_cd', 'target_if', 'cycle_targets', 'use_off_gcd', 'precast_time', 'pre_pot_time'],
  /** `use_item` / `use_items` of a modelled on-use item: a spell's options and the item's choice. */
  item: [
    'if',
    'line_cd',
    'target_if',
    'cycle_targets',
    'use_off_gcd',
    'precast_time',
    'name',
    'slot',
    'slots',
    'check_existing',
  ],
  call_action_list: ['name', 'if'],
  run_action_list: ['name', 'if'],
  variable: ['name', 'op', 'value', 'value_else', 'condition', 'default', 'if'],
  wait: ['sec', 'if'],
  pool_resource: ['for_next', 'wait', 'extra_amount', 'if'],
});

const VARIABLE_OPS: ReadonlySet<string> = new Set<VariableOp>([
  'set',
  'add',
  'sub',
  'mul',
  'div',
  'min',
  'max',
  'floor',
  'ceil',
  'reset',
  'setif',
]);

interface Option {
  value: string;
  keyColumn: number;
  valueColumn: number;
}

class ActionOptions {
  constructor(
    private readonly options: Map<string, Option>,
    private readonly line: number,
    readonly ctx: ParseContext,
  ) {}

  has(key: string): boolean {
    return this.options.has(key);
  }

  expr(key: string): Expr | undefined {
    const o = this.options.get(key);
    return o === undefined ? undefined : parseExpression(o.value, this.line, o.valueColumn, this.ctx);
  }

  name(key: string, what: string): { name: string; column: number } | undefined {
    const o = this.options.get(key);
    if (o === undefined) return undefined;
    if (!NAME.test(o.value))
      throw this.error(`invalid ${what} '${o.value}' (use a-z, 0-9, _)`, o.valueColumn);
    if (o.value.length > APL_LIMITS.maxNameLength) {
      throw this.error(`${what} longer than ${APL_LIMITS.maxNameLength} characters`, o.valueColumn);
    }
    return { name: o.value, column: o.valueColumn };
  }

  number(key: string, min: number, max: number): number | undefined {
    const o = this.options.get(key);
    if (o === undefined) return undefined;
    const value = NUMBER.test(o.value) ? Number(o.value) : Number.NaN;
    if (!(value >= min && value <= max)) {
      throw this.error(`${key}= must be a plain number from ${min} to ${max}`, o.valueColumn);
    }
    return value;
  }

  raw(key: string): Option | undefined {
    return this.options.get(key);
  }

  column(key: string): number {
    return this.options.get(key)!.keyColumn;
  }

  error(message: string, column: number): RotationError {
    return new RotationError(message, this.line, column);
  }
}

function readOptions(
  type: string,
  segments: { text: string; column: number }[],
  line: number,
  ctx: ParseContext,
): ActionOptions {
  const allowed = ALLOWED[type]!;
  const options = new Map<string, Option>();
  for (const seg of segments) {
    const eq = seg.text.indexOf('=');
    const key = (eq < 0 ? seg.text : seg.text.slice(0, eq)).trim();
    const keyColumn = seg.column + seg.text.indexOf(key.length > 0 ? key[0]! : '=');
    if (eq < 0) throw new RotationError(`expected 'option=value' but found '${seg.text}'`, line, seg.column);
    if (type === 'spell' && key in CHANNEL_OPTIONS) {
      if (!HUNTER_CHANNELS.has(ctx.action ?? '')) {
        throw new RotationError(
          `${key}= is an option of a channelled spell (${[...HUNTER_CHANNELS].join(', ')}); ${ctx.action ?? 'this action'} is not channelled`,
          line,
          keyColumn,
        );
      }
    } else if (!allowed.includes(key)) {
      const label = type === 'spell' ? 'an action' : type;
      throw new RotationError(
        `unknown option '${key}' for ${label} (allowed: ${allowed.join(', ')})`,
        line,
        key === '' ? seg.column : keyColumn,
      );
    }
    if (options.has(key)) throw new RotationError(`option '${key}' given twice`, line, keyColumn);
    const valueText = seg.text.slice(eq + 1);
    const lead = valueText.length - valueText.trimStart().length;
    const value = valueText.trim();
    const valueColumn = seg.column + eq + 1 + lead;
    if (value === '') throw new RotationError(`option '${key}' has no value`, line, valueColumn);
    options.set(key, { value, keyColumn, valueColumn });
  }
  return new ActionOptions(options, line, ctx);
}

/**
 * The channel options of a channelled spell (CHANNEL_OPTIONS): flags must be 0 or 1, expressions
 * well-formed (their names are not looked up: they are never evaluated). One warning for the line.
 */
function ignoreChannelOptions(opts: ActionOptions, name: string, line: number): void {
  const given = Object.keys(CHANNEL_OPTIONS)
    .filter((k) => opts.has(k))
    .sort((a, b) => opts.column(a) - opts.column(b));
  if (given.length === 0) return;
  const syntax: ParseContext = { ...opts.ctx, syntaxOnly: true };
  for (const key of given) {
    if (CHANNEL_OPTIONS[key] === 'flag') opts.number(key, 0, 1);
    else parseExpression(opts.raw(key)!.value, line, opts.raw(key)!.valueColumn, syntax);
  }
  opts.ctx.warnings.add(
    line,
    opts.column(given[0]!),
    `${given.map((k) => `${k}=`).join(', ')} ignored: ${name} is always channelled to its end here (never interrupted, cancelled or chained)`,
  );
}

function readTargetIf(opts: ActionOptions, line: number): TargetIf | undefined {
  const o = opts.raw('target_if');
  if (o === undefined) return undefined;
  const m = /^(min|max|first):/.exec(o.value);
  const mode = m === null ? 'first' : (m[1] as TargetIf['mode']);
  const skip = m === null ? 0 : m[0].length;
  const expr = parseExpression(o.value.slice(skip), line, o.valueColumn + skip, opts.ctx);
  return { mode, expr };
}

/** Why an action does nothing here, or undefined when it is one the spec models (or a list/variable/...). */
function noopReason(name: string, ctx: ParseContext): string | undefined {
  if (ctx.vocabulary?.actions.includes(name) ?? false) return undefined;
  const reason = NOOP_ACTIONS[name];
  if (reason !== undefined) return reason;
  if (ctx.vocabulary !== undefined && HUNTER_SPELLS.has(name))
    return 'a hunter spell this spec does not have here';
  return undefined;
}

/**
 * Options of a no-op action: any `key=value`; `if=` and `target_if=` must be well-formed
 * expressions, but the names in them are not looked up (the action never runs).
 */
function checkNoopOptions(
  segments: { text: string; column: number }[],
  line: number,
  ctx: ParseContext,
): void {
  const syntax: ParseContext = { ...ctx, syntaxOnly: true };
  for (const seg of segments) {
    const eq = seg.text.indexOf('=');
    const key = eq < 0 ? '' : seg.text.slice(0, eq).trim();
    if (eq < 0 || !NAME.test(key)) {
      throw new RotationError(`expected 'option=value' but found '${seg.text}'`, line, seg.column);
    }
    const value = seg.text.slice(eq + 1);
    if (key !== 'if' && key !== 'target_if') continue;
    const m = key === 'target_if' ? /^\s*(min|max|first):/.exec(value) : null;
    const skip = m === null ? 0 : m[0].length;
    parseExpression(value.slice(skip), line, seg.column + eq + 1 + skip, syntax);
  }
}

type Base = { line: number; column: number; condition?: Expr };

function parseVariable(opts: ActionOptions, base: Base, line: number, col: number): AplAction {
  const name = opts.name('name', 'variable name');
  if (name === undefined) throw new RotationError('variable needs name=NAME', line, col);
  const opOpt = opts.raw('op');
  const op = (opOpt?.value ?? 'set') as VariableOp;
  if (!VARIABLE_OPS.has(op)) {
    throw new RotationError(
      `unknown variable op '${op}' (allowed: ${[...VARIABLE_OPS].join(', ')})`,
      line,
      opOpt!.valueColumn,
    );
  }
  const needsValue = op !== 'reset' && op !== 'floor' && op !== 'ceil';
  if (!needsValue && opts.has('value')) {
    throw new RotationError(`op=${op} takes no value=`, line, opts.column('value'));
  }
  if (needsValue && !opts.has('value')) throw new RotationError(`variable op=${op} needs value=`, line, col);
  if (op !== 'setif') {
    for (const key of ['condition', 'value_else']) {
      if (opts.has(key)) throw new RotationError(`${key}= is only for op=setif`, line, opts.column(key));
    }
  } else if (!opts.has('condition')) {
    throw new RotationError('variable op=setif needs condition=', line, col);
  }
  const value = opts.expr('value');
  const valueElse = opts.expr('value_else');
  const setCondition = opts.expr('condition');
  return {
    ...base,
    type: 'variable',
    name: name.name,
    nameColumn: name.column,
    op,
    defaultValue: opts.number('default', -1e9, 1e9) ?? 0,
    ...(value !== undefined && { value }),
    ...(valueElse !== undefined && { valueElse }),
    ...(setCondition !== undefined && { setCondition }),
  };
}

/**
 * Spells SimulationCraft does not count as harmful (`harmful = false`: sc_hunter.cpp's
 * call_of_the_wild_t and dire_beast_summon_t; the potion and the racials' buffs in its engine).
 * In `actions.precombat` only harmful spells are cast (the first ready one, at the pull:
 * CompiledRotation.precombatCast); these keep a warning and are left out.
 */
const PRECOMBAT_HARMLESS: ReadonlySet<string> = new Set([
  'call_of_the_wild',
  'dire_beast',
  POTION_ACTION.key,
  ...RACIAL_BUFFS.map((b) => b.key),
]);

/**
 * Parses one action of list `list` whose text starts at (line, column). Returns null for an action
 * with nothing to model (`summon_pet`, `use_items`, a spell the spec does not have, ...), after
 * adding a warning that says so.
 */
export function parseAction(
  text: string,
  line: number,
  column: number,
  ctx: ParseContext,
  list: string,
): AplAction | null {
  const segments = splitSegments(text, column, ',');
  const head = segments.shift()!;
  const lead = head.text.length - head.text.trimStart().length;
  const name = head.text.trim();
  const col = head.column + lead;
  if (name === '') throw new RotationError('empty action', line, col);
  if (!NAME.test(name)) throw new RotationError(`invalid action name '${name}'`, line, col);
  if (name.length > APL_LIMITS.maxNameLength) {
    throw new RotationError(`action name longer than ${APL_LIMITS.maxNameLength} characters`, line, col);
  }
  const type = name in ALLOWED && name !== 'spell' && name !== 'item' ? name : 'spell';
  const vocabulary = ctx.vocabulary;
  if ((name === 'use_item' || name === 'use_items') && list === PRECOMBAT_LIST) {
    checkNoopOptions(segments, line, ctx);
    ctx.warnings.add(line, col, `${name} in actions.precombat is not used before the pull here; ignored`);
    return null;
  }
  const item = type === 'spell' ? itemOfUse(name, segments, line, col, ctx) : null;
  if (item !== null) {
    const opts = readOptions('item', segments, line, { ...ctx, action: item, trinket: item });
    const condition = opts.expr('if');
    const base: Base = { line, column: col, ...(condition !== undefined && { condition }) };
    return spellAction(opts, base, item, line);
  }
  if (type === 'spell') {
    const reason = noopReason(name, ctx);
    if (reason !== undefined) {
      checkNoopOptions(segments, line, ctx);
      ctx.warnings.add(line, col, `${name} is not modelled (${reason}); ignored`);
      return null;
    }
    if (vocabulary !== undefined && !vocabulary.actions.includes(name)) {
      throw new RotationError(`unknown action '${name}'`, line, col);
    }
  }
  // a harmless spell in actions.precombat: its options are still checked, then it is left out
  const harmless = type === 'spell' && list === PRECOMBAT_LIST && PRECOMBAT_HARMLESS.has(name);
  if (harmless)
    ctx.warnings.add(line, col, `${name} in actions.precombat is not cast before the pull here; ignored`);
  const opts = readOptions(type, segments, line, type === 'spell' ? { ...ctx, action: name } : ctx);
  const condition = opts.expr('if');
  if (harmless) return null;
  const base: Base = { line, column: col, ...(condition !== undefined && { condition }) };
  switch (type) {
    case 'call_action_list':
    case 'run_action_list': {
      const list = opts.name('name', 'list name');
      if (list === undefined) throw new RotationError(`${type} needs name=LIST`, line, col);
      if (!isListName(list.name))
        throw new RotationError(`invalid list name '${list.name}'`, line, list.column);
      return { ...base, type, list: list.name, listColumn: list.column };
    }
    case 'variable':
      return parseVariable(opts, base, line, col);
    case 'wait': {
      const sec = opts.expr('sec') ?? { kind: 'number', value: 1, line, column: col };
      return { ...base, type: 'wait', sec };
    }
    case 'pool_resource': {
      const forNextOpt = opts.number('for_next', 0, 1);
      const wait = opts.expr('wait');
      if (forNextOpt === 1 && wait !== undefined) {
        throw new RotationError(
          `pool_resource takes for_next=1 or wait=, not both`,
          line,
          opts.column('wait'),
        );
      }
      const forNext = wait === undefined;
      if (forNextOpt === 0 && wait === undefined) {
        throw new RotationError('pool_resource,for_next=0 needs wait=SECONDS', line, opts.column('for_next'));
      }
      const extraAmount = opts.expr('extra_amount');
      return {
        ...base,
        type: 'pool_resource',
        forNext,
        ...(wait !== undefined && { wait }),
        ...(extraAmount !== undefined && { extraAmount }),
      };
    }
    default:
      return spellAction(opts, base, name, line);
  }
}

/** A spell line's action from its options (`name`: the spell). */
function spellAction(opts: ActionOptions, base: Base, name: string, line: number): AplAction {
  const lineCd = opts.number('line_cd', 0, 3600) ?? 0;
  const targetIf = readTargetIf(opts, line);
  const cycleTargets = opts.number('cycle_targets', 0, 1) === 1;
  if (cycleTargets && targetIf !== undefined) {
    throw new RotationError(
      'cycle_targets=1 and target_if= cannot be combined',
      line,
      opts.column('cycle_targets'),
    );
  }
  // Checked, with nothing to do: the engine decides whenever the player is free, and an
  // off-GCD spell is then used before the next GCD; precombat spells are not cast.
  opts.number('use_off_gcd', 0, 1);
  opts.number('precast_time', 0, 60);
  opts.number('pre_pot_time', 0, 60); // the potion's precombat timing (precombat is not cast)
  if (opts.has('check_existing')) opts.number('check_existing', 0, 1);
  ignoreChannelOptions(opts, name, line);
  return {
    ...base,
    type: 'spell',
    name,
    lineCd,
    cycleTargets,
    ...(targetIf !== undefined && { targetIf }),
  };
}

/**
 * The modelled on-use item (specs/gear.ts ON_USE_ITEMS, an action of the spec) a `use_item` or
 * `use_items` line uses, or null (then the line is a no-op like any other): `use_item,name=NAME`
 * that item; `use_item,slot=trinket1` the modelled trinket (it counts as trinket 1,
 * properties.ts MODELLED_TRINKET_SLOT); `use_items` (SimC: every on-use item of the slots) the
 * modelled one, with a warning that others are not.
 */
function itemOfUse(
  name: string,
  segments: { text: string; column: number }[],
  line: number,
  column: number,
  ctx: ParseContext,
): string | null {
  if (name !== 'use_item' && name !== 'use_items') return null;
  const items = Object.keys(ON_USE_ITEMS).filter((i) => ctx.vocabulary?.actions.includes(i) ?? true);
  if (items.length === 0) return null;
  const option = (key: string) => {
    const seg = segments.find((x) => x.text.trim().startsWith(`${key}=`));
    return seg === undefined ? undefined : seg.text.slice(seg.text.indexOf('=') + 1).trim();
  };
  if (name === 'use_items') {
    ctx.warnings.add(
      line,
      column,
      `use_items uses ${items.join(', ')} when worn; the other on-use items are not modelled`,
    );
    return items[0]!;
  }
  const itemName = option('name');
  if (itemName !== undefined) return items.includes(itemName) ? itemName : null;
  return option('slot') === 'trinket1' ? items[0]! : null;
}
