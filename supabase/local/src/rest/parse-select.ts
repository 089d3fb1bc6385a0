// Parser for PostgREST's `select=` parameter: columns, `alias:column`, `column::cast`, `*`, and
// one level of embedded resources `relation(...)`, `alias:relation!hint(...)`, `relation!inner(...)`.
import { parseError, unsupported } from './errors.ts';
import type { SelectItem } from './query-types.ts';

const MAX_SELECT_LENGTH = 4096;
const MAX_ITEMS = 200;
// Casts are interpolated into SQL, so only these exact type names are accepted.
export const ALLOWED_CASTS = new Set([
  'text',
  'int',
  'int4',
  'integer',
  'bigint',
  'int8',
  'smallint',
  'numeric',
  'float8',
  'float4',
  'real',
  'double precision',
  'boolean',
  'bool',
  'json',
  'jsonb',
  'uuid',
  'date',
  'timestamptz',
  'timestamp',
]);

class Cursor {
  pos = 0;
  constructor(readonly text: string) {}
  peek(): string {
    return this.text[this.pos] ?? '';
  }
  eof(): boolean {
    return this.pos >= this.text.length;
  }
  fail(expected: string): never {
    throw parseError(
      `"failed to parse select parameter (${this.text})" (line 1, column ${this.pos + 1})`,
      `unexpected ${this.eof() ? 'end of input' : `"${this.peek()}"`} expecting ${expected}`,
    );
  }
}

function readName(c: Cursor): string {
  if (c.peek() === '"') {
    c.pos++;
    let out = '';
    while (!c.eof() && c.peek() !== '"') {
      out += c.peek();
      c.pos++;
    }
    if (c.peek() !== '"') c.fail('closing quote');
    c.pos++;
    if (out === '') c.fail('a name');
    return out;
  }
  const start = c.pos;
  while (!c.eof() && !/[,():!."\s]/.test(c.peek()) && !(c.peek() === '-' && c.text[c.pos + 1] === '>'))
    c.pos++;
  if (c.pos === start) c.fail('a column or relation name');
  return c.text.slice(start, c.pos);
}

function parseItems(c: Cursor, depth: number, count: { n: number }): SelectItem[] {
  const items: SelectItem[] = [];
  for (;;) {
    if (++count.n > MAX_ITEMS) throw parseError(`select has more than ${MAX_ITEMS} items`);
    items.push(parseItem(c, depth, count));
    if (c.peek() === ',') {
      c.pos++;
      continue;
    }
    return items;
  }
}

function parseItem(c: Cursor, depth: number, count: { n: number }): SelectItem {
  while (c.peek() === ' ') c.pos++;
  if (c.peek() === '*') {
    c.pos++;
    return { kind: 'star' };
  }
  if (c.text.startsWith('...', c.pos)) throw unsupported('spread embedding (...relation)');
  let alias: string | null = null;
  let name = readName(c);
  if (c.peek() === ':' && c.text[c.pos + 1] !== ':') {
    c.pos++;
    alias = name;
    name = readName(c);
  }
  if (c.text.startsWith('->', c.pos)) throw unsupported('JSON path selection (->, ->>)');
  if (c.peek() === '.') throw unsupported('aggregate functions in select (column.count(), ...)');
  if (c.peek() === '!' || c.peek() === '(') {
    let hint: string | null = null;
    let inner = false;
    while (c.peek() === '!') {
      c.pos++;
      const word = readName(c);
      if (word === 'inner') inner = true;
      else if (word === 'left') inner = false;
      else if (hint === null) hint = word;
      else c.fail('"(" after a single hint');
    }
    if (c.peek() !== '(') c.fail('"("');
    if (depth >= 1) throw unsupported('nested embedding deeper than one level');
    c.pos++;
    const select = c.peek() === ')' ? [] : parseItems(c, depth + 1, count);
    if (c.peek() !== ')') c.fail('")"');
    c.pos++;
    return { kind: 'embed', relation: name, alias, hint, inner, select };
  }
  let cast: string | null = null;
  if (c.text.startsWith('::', c.pos)) {
    c.pos += 2;
    const start = c.pos;
    while (!c.eof() && /[a-z0-9 ]/i.test(c.peek())) c.pos++;
    cast = c.text.slice(start, c.pos).trim().toLowerCase();
    if (!ALLOWED_CASTS.has(cast)) throw parseError(`unsupported cast "${cast}" in select`);
  }
  return { kind: 'column', name, alias, cast };
}

export function parseSelect(text: string | null): SelectItem[] {
  if (text === null || text.trim() === '') return [{ kind: 'star' }];
  if (text.length > MAX_SELECT_LENGTH) throw parseError('select parameter is too long');
  // PostgREST ignores whitespace outside quoted names (supabase-js strips it too).
  const compact = text.replace(/\s+(?=(?:[^"]*"[^"]*")*[^"]*$)/g, '');
  const c = new Cursor(compact);
  const items = parseItems(c, 0, { n: 0 });
  if (!c.eof()) c.fail('"," or end of input');
  return items;
}
