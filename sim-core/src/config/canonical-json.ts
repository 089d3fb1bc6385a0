/**
 * Canonical JSON text identical to Postgres `value::jsonb::text`:
 * - object keys ordered shorter-first (UTF-8 byte length), then bytewise (UTF-8), last duplicate wins;
 * - `", "` between members/elements and `": "` after keys, no other whitespace;
 * - strings escaped like Postgres `escape_json` (`\"`, `\\`, `\b \f \n \r \t`, other controls as
 *   `\u00xx`, everything else raw);
 * - numbers in plain notation only (NaN, Infinity and anything JS would print with an exponent
 *   are rejected, as they would not round-trip through numeric); `-0` prints as `0`.
 * `undefined` members are omitted and `undefined` array elements become `null`, as in JSON.stringify.
 */

export class CanonicalJsonError extends Error {
  override name = 'CanonicalJsonError';
}

const MAX_DEPTH = 64;

/** UTF-8 bytes of a string; throws on lone surrogates (Postgres cannot store them). */
export function utf8Bytes(s: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (c > 0xdbff || d < 0xdc00 || d > 0xdfff) throw new CanonicalJsonError('lone surrogate in string');
      c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
      i++;
    }
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

function compareKeys(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

const HEX = '0123456789abcdef';

/** A UTF-16 surrogate that is not half of a pair (in `u` mode a pair is one code point). */
const LONE_SURROGATE = /\p{Cs}/u;

/** A character escapeString would not copy as it is. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what it finds
const NEEDS_ESCAPE = /["\\\u0000-\u001f]/;

function escapeString(s: string): string {
  if (LONE_SURROGATE.test(s)) throw new CanonicalJsonError('lone surrogate in string');
  // Long strings (encoded samples, ~11 KB in a chunk result) mostly need no escape at all.
  if (!NEEDS_ESCAPE.test(s)) return '"' + s + '"';
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    const c = s.charCodeAt(i);
    if (c === 0) throw new CanonicalJsonError('\\u0000 cannot be stored in jsonb');
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (c === 8) out += '\\b';
    else if (c === 12) out += '\\f';
    else if (c === 10) out += '\\n';
    else if (c === 13) out += '\\r';
    else if (c === 9) out += '\\t';
    else if (c < 0x20) out += '\\u00' + HEX[c >> 4]! + HEX[c & 15]!;
    else out += ch;
  }
  return out + '"';
}

/** Plain-notation text of a number, or an error message when it has none. */
export function plainNumberProblem(n: number): string | null {
  if (!Number.isFinite(n)) return `${String(n)} is not a finite number`;
  if (String(n).includes('e')) return `${String(n)} needs exponent notation; use a plain number`;
  return null;
}

function allFinite(values: unknown[]): boolean {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) return false;
  }
  return true;
}

/** Plain-notation text of a number (String(-0) is already "0"); throws when it has none. */
function numberText(n: number): string {
  const text = String(n);
  if (!Number.isFinite(n) || text.includes('e')) throw new CanonicalJsonError(plainNumberProblem(n)!);
  return text;
}

function write(value: unknown, depth: number): string {
  if (depth > MAX_DEPTH) throw new CanonicalJsonError(`nesting deeper than ${MAX_DEPTH}`);
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return numberText(value);
    case 'string':
      return escapeString(value);
    case 'object':
      break;
    default:
      throw new CanonicalJsonError(`${typeof value} is not JSON`);
  }
  if (Array.isArray(value)) {
    // Results carry arrays of a thousand numbers: JSON.stringify prints finite numbers exactly
    // as String() does (-0 as 0), so only the separator differs; exponents fall through to
    // numberText, which rejects them.
    if (value.length > 8 && allFinite(value)) {
      const text = JSON.stringify(value);
      if (!text.includes('e')) return text.replaceAll(',', ', ');
    }
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (i > 0) out += ', ';
      out +=
        typeof item === 'number' ? numberText(item) : item === undefined ? 'null' : write(item, depth + 1);
    }
    return out + ']';
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null)
    throw new CanonicalJsonError('only plain objects are JSON');
  const entries: Array<{ key: string; bytes: Uint8Array; value: unknown }> = [];
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined) continue;
    entries.push({ key, bytes: utf8Bytes(key), value: v });
  }
  entries.sort((a, b) => compareKeys(a.bytes, b.bytes));
  const parts: string[] = [];
  for (const e of entries) parts.push(escapeString(e.key) + ': ' + write(e.value, depth + 1));
  return '{' + parts.join(', ') + '}';
}

/** The text Postgres prints for `value::jsonb` (see module doc). Throws CanonicalJsonError. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) throw new CanonicalJsonError('undefined is not JSON');
  return write(value, 0); // strings and keys with lone surrogates were rejected on the way
}
