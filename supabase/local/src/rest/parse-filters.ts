// Parser for PostgREST filters: `col=[not.]op.value`, `or=(...)`, `and=(...)` (nested logic trees),
// `order=`, `limit=`, `offset=`. Values stay strings; the SQL builder binds them as parameters.
import { parseError, unsupported } from './errors.ts';
import type { Filter, FilterOp, OrderTerm } from './query-types.ts';

const SUPPORTED_OPS = new Set<FilterOp>([
  'eq',
  'neq',
  'gt',
  'gte',
  'lt',
  'lte',
  'like',
  'ilike',
  'match',
  'imatch',
  'in',
  'is',
  'isdistinct',
  'cs',
  'cd',
  'ov',
]);
const KNOWN_UNSUPPORTED_OPS = new Set(['sl', 'sr', 'nxl', 'nxr', 'adj', 'fts', 'plfts', 'phfts', 'wfts']);
const IS_VALUES = new Set(['null', 'true', 'false', 'unknown', 'not_null']);
const MAX_IN_VALUES = 1000;
const MAX_LOGIC_DEPTH = 8;
const MAX_CONDITIONS = 100;

/** Splits `a,b(c,d),"e,f"` on top-level commas, honouring parentheses and double quotes. */
export function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\' && quoted) {
      i++;
      continue;
    }
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '(') depth++;
    else if (!quoted && ch === ')') {
      depth--;
      if (depth < 0) throw parseError(`unbalanced parentheses in "${text}"`);
    } else if (!quoted && depth === 0 && ch === ',') {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (depth !== 0 || quoted) throw parseError(`unbalanced parentheses or quotes in "${text}"`);
  parts.push(text.slice(start));
  return parts;
}

function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    return value.slice(1, -1).replace(/\\(.)/g, '$1');
  }
  return value;
}

function parseInList(raw: string, whole: string): string[] {
  if (!raw.startsWith('(') || !raw.endsWith(')')) {
    throw parseError(`failed to parse filter (${whole})`, 'in. expects a list like in.(a,b,c)');
  }
  const inner = raw.slice(1, -1);
  if (inner === '') return [];
  const values = splitTopLevel(inner).map((v) => unquote(v.trim()));
  if (values.length > MAX_IN_VALUES) throw parseError(`in. list has more than ${MAX_IN_VALUES} values`);
  return values;
}

/** Parses the right-hand side of a filter: `[not.]op.value`. */
export function parseCondition(column: string, expr: string, fromLogicTree: boolean): Filter {
  let rest = expr;
  let negate = false;
  if (rest.startsWith('not.')) {
    negate = true;
    rest = rest.slice(4);
  }
  const dot = rest.indexOf('.');
  if (dot < 0) throw parseError(`failed to parse filter (${expr})`, 'expected "operator.value"');
  const opText = rest.slice(0, dot);
  const rawValue = rest.slice(dot + 1);
  const bareOp = opText.replace(/\((any|all)\)$/, '');
  if (bareOp !== opText) throw unsupported(`filter modifier ${opText}`);
  if (KNOWN_UNSUPPORTED_OPS.has(bareOp)) throw unsupported(`filter operator "${bareOp}"`);
  if (!SUPPORTED_OPS.has(bareOp as FilterOp)) {
    throw parseError(`failed to parse filter (${expr})`, `unknown operator "${opText}"`);
  }
  const op = bareOp as FilterOp;
  if (op === 'in') return { kind: 'cond', column, op, negate, value: parseInList(rawValue, expr) };
  const value = fromLogicTree ? unquote(rawValue) : rawValue;
  if (op === 'is' && !IS_VALUES.has(value.toLowerCase())) {
    throw parseError(`failed to parse filter (${expr})`, 'is. accepts null, not_null, true, false, unknown');
  }
  return { kind: 'cond', column, op, negate, value };
}

function checkColumnName(column: string, where: string): void {
  if (column === '') throw parseError(`failed to parse logic tree (${where})`, 'missing column name');
  if (column.includes('->')) throw unsupported('JSON path filters (->, ->>)');
}

/** Parses the `(a.eq.1,b.in.(2,3),and(c.gt.1,d.is.null))` body of or=/and=. */
export function parseLogicTree(op: 'and' | 'or', negate: boolean, text: string, depth = 0): Filter {
  if (depth > MAX_LOGIC_DEPTH) throw parseError('logic tree nested too deeply');
  if (!text.startsWith('(') || !text.endsWith(')')) {
    throw parseError(`failed to parse logic tree (${text})`, 'expected "(" ... ")"');
  }
  const parts = splitTopLevel(text.slice(1, -1));
  if (parts.length > MAX_CONDITIONS)
    throw parseError(`logic tree has more than ${MAX_CONDITIONS} conditions`);
  const children = parts.map((part): Filter => {
    const m = /^(not\.)?(and|or)(\(.*\))$/s.exec(part);
    if (m) return parseLogicTree(m[2] as 'and' | 'or', m[1] !== undefined, m[3]!, depth + 1);
    const dot = part.indexOf('.');
    if (dot < 0) throw parseError(`failed to parse logic tree (${text})`, `"${part}" is not column.op.value`);
    const column = unquote(part.slice(0, dot));
    checkColumnName(column, text);
    if (column.includes('.')) throw unsupported('filters on embedded resources');
    return parseCondition(column, part.slice(dot + 1), true);
  });
  return { kind: 'logic', op, negate, children };
}

export function parseOrder(text: string): OrderTerm[] {
  return splitTopLevel(text).map((term) => {
    const parts = term.split('.');
    const column = parts[0] ?? '';
    if (column === '') throw parseError(`failed to parse order (${text})`);
    if (column.includes('->')) throw unsupported('ordering by JSON path');
    const out: OrderTerm = { column, direction: null, nulls: null };
    for (const word of parts.slice(1)) {
      if (word === 'asc' || word === 'desc') out.direction = word;
      else if (word === 'nullsfirst') out.nulls = 'first';
      else if (word === 'nullslast') out.nulls = 'last';
      else throw parseError(`failed to parse order (${text})`, `unexpected "${word}"`);
    }
    return out;
  });
}

export function parseNonNegativeInt(name: string, text: string): number {
  if (!/^\d{1,9}$/.test(text))
    throw parseError(`failed to parse ${name} (${text})`, 'expected a non-negative integer');
  return Number(text);
}
