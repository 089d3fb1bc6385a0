/**
 * SimulationCraft's trinket properties (`equipped.X`, `this_trinket.*`, `trinket.1.*`,
 * `this_trinket_slot`) for the modelled on-use items (specs/gear.ts ON_USE_ITEMS); properties.ts
 * dispatches to them.
 */
import type { Expr } from './ast.ts';
import { RotationError } from './errors.ts';
import type { ParseContext } from './parse-context.ts';
import { EQUIPPABLE_ITEMS, ON_USE_ITEMS } from '../specs/gear.ts';

/** `cooldown.ITEM.FIELD` as properties.ts resolves it (the action's cooldown). */
export type CooldownRef = (item: string, field: string, path: string) => Expr;

const num = (value: number, line: number, column: number): Expr => ({ kind: 'number', value, line, column });

/**
 * The trinket slot the modelled on-use trinket counts as (`this_trinket_slot`, `trinket.1.*`): the
 * other slot reads as a trinket without a use (`trinket.2.*`, `other_trinket.*` read 0). SimC's
 * default lists decide the same whichever slot it is in, as they compare the two slots' properties.
 */
export const MODELLED_TRINKET_SLOT = 1;

/** `equipped.NAME`: 1 when the config wears the item (AplResolver.equipped), folded at compile time. */
export function equipped(parts: string[], line: number, column: number, ctx: ParseContext): Expr {
  const name = parts[1];
  const nameColumn = column + 'equipped.'.length;
  if (name === undefined || parts.length !== 2)
    throw new RotationError(`equipped needs one item name (equipped.NAME)`, line, column);
  if (!EQUIPPABLE_ITEMS.includes(name)) {
    ctx.warnings.add(
      line,
      nameColumn,
      `item '${name}' is not modelled here; equipped.${name} reads 0 (modelled: ${EQUIPPABLE_ITEMS.join(', ')})`,
    );
    return num(0, line, column);
  }
  return { kind: 'named', source: 'equipped', name, nameColumn, field: '', n: 0, line, column };
}

const TRINKET_COOLDOWN_FIELDS: ReadonlySet<string> = new Set(['remains', 'duration', 'ready', 'up', 'down']);

/**
 * What SimC's trinket property `FIELD` (`rest`, after `this_trinket.` or `trinket.1.`) reads for the
 * on-use item `item` (specs/gear.ts ON_USE_ITEMS): `is.NAME`, `has_use_buff`, `has_use_damage`,
 * `has_cooldown`, `has_use`, `cast_time`, `cooldown.remains|duration|ready|up|down`; any other
 * property reads 0 with a warning.
 */
export function trinketProperty(
  item: string,
  rest: string[],
  path: string,
  line: number,
  column: number,
  ctx: ParseContext,
  cooldown: CooldownRef,
): Expr {
  const info = ON_USE_ITEMS[item]!;
  const field = rest.join('.');
  if (rest[0] === 'is' && rest.length === 2) return num(rest[1] === item ? 1 : 0, line, column);
  if (field === 'has_use_buff') return num(info.hasUseBuff, line, column);
  if (field === 'has_use_damage') return num(info.hasUseDamage, line, column);
  if (field === 'has_cooldown' || field === 'has_use') return num(1, line, column);
  if (field === 'cast_time') return num(0, line, column);
  if (rest[0] === 'cooldown' && rest.length === 2 && TRINKET_COOLDOWN_FIELDS.has(rest[1]!))
    return cooldown(item, rest[1]!, path);
  ctx.warnings.add(line, column, `${path} reads 0 (not modelled for ${item})`);
  return num(0, line, column);
}

/**
 * `trinket.1.FIELD`: the modelled on-use trinket's property when the config wears it, else 0
 * (equipped × the property; MODELLED_TRINKET_SLOT).
 */
export function firstTrinket(
  parts: string[],
  path: string,
  line: number,
  column: number,
  ctx: ParseContext,
  cooldown: CooldownRef,
): Expr {
  const item = Object.keys(ON_USE_ITEMS)[0]!;
  const worn: Expr = {
    kind: 'named',
    source: 'equipped',
    name: item,
    nameColumn: column,
    field: '',
    n: 0,
    line,
    column,
  };
  const value = trinketProperty(item, parts.slice(2), path, line, column, ctx, cooldown);
  return { kind: 'binary', op: '*', left: worn, right: value, line, column };
}
