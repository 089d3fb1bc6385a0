import { describe, expect, it } from 'vitest';
import { canonicalJson, CanonicalJsonError } from './canonical-json.ts';

describe('canonicalJson (Postgres jsonb::text)', () => {
  it('orders keys shorter-first, then bytewise, with ", " and ": " separators', () => {
    expect(canonicalJson({ bb: 1, a: 2, c: 3, aaa: 4, ab: 5 })).toBe(
      '{"a": 2, "c": 3, "ab": 5, "bb": 1, "aaa": 4}',
    );
    expect(canonicalJson({ B: 1, a: 2, _: 3 })).toBe('{"B": 1, "_": 3, "a": 2}');
  });

  it('measures key length in UTF-8 bytes and compares bytes, not UTF-16 units', () => {
    // 'é' is 2 bytes: longer than 'z' (1 byte), same length as 'ab'; 0xC3 > 'a'.
    expect(canonicalJson({ é: 1, z: 2, ab: 3 })).toBe('{"z": 2, "ab": 3, "é": 1}');
    // U+FF5E (3 bytes EF BD 9E) vs U+1F600 (4 bytes): shorter first although UTF-16 order is reversed.
    expect(canonicalJson({ '😀': 1, '～': 2 })).toBe('{"～": 2, "😀": 1}');
    // Same byte length: '\uE000' (EE 80 80) sorts before '\uFFFD' (EF BF BD).
    expect(canonicalJson({ '\uFFFD': 1, '\uE000': 2 })).toBe('{"\uE000": 2, "\uFFFD": 1}');
  });

  it('formats nesting, arrays and empty containers like Postgres', () => {
    expect(canonicalJson({ list: [1, [2, {}], []], o: { y: null, x: true } })).toBe(
      '{"o": {"x": true, "y": null}, "list": [1, [2, {}], []]}',
    );
    expect(canonicalJson([])).toBe('[]');
    expect(canonicalJson({})).toBe('{}');
    expect(canonicalJson(false)).toBe('false');
  });

  it('escapes strings like escape_json and leaves other characters raw', () => {
    expect(canonicalJson('a"b\\c/d')).toBe('"a\\"b\\\\c/d"');
    expect(canonicalJson('\b\f\n\r\t')).toBe('"\\b\\f\\n\\r\\t"');
    expect(canonicalJson('\u0001\u001f\u007f')).toBe('"\\u0001\\u001f\u007f"');
    expect(canonicalJson('héllo — ünïcode 😀 \u2028')).toBe('"héllo — ünïcode 😀 \u2028"');
    expect(canonicalJson({ 'k"\n': 'v' })).toBe('{"k\\"\\n": "v"}');
  });

  it('copies strings that need no escape as they are, and escapes the rest wherever they are', () => {
    const plain = 'AZaz09-_'.repeat(2000);
    expect(canonicalJson({ samples: plain })).toBe(`{"samples": "${plain}"}`);
    expect(canonicalJson(`${plain}"`)).toBe(`"${plain}\\""`);
    expect(canonicalJson(`\u001f${plain}`)).toBe(`"\\u001f${plain}"`);
    expect(() => canonicalJson(`${plain}\u0000`)).toThrow(/u0000/);
    expect(() => canonicalJson(`${plain}\ud800`)).toThrow(/surrogate/);
  });

  it('prints plain numbers and rejects NaN, Infinity and exponent notation', () => {
    expect(canonicalJson([0, -0, 1.5, -2, 0.1, 123456789012, 0.000001])).toBe(
      '[0, 0, 1.5, -2, 0.1, 123456789012, 0.000001]',
    );
    for (const bad of [NaN, Infinity, -Infinity, 1e21, 1e-7, 5e-324]) {
      expect(() => canonicalJson({ x: bad })).toThrow(CanonicalJsonError);
    }
  });

  it('omits undefined members, turns undefined elements into null, rejects non-JSON values', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b": 1}');
    expect(canonicalJson([undefined])).toBe('[null]');
    expect(() => canonicalJson(undefined)).toThrow(CanonicalJsonError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(CanonicalJsonError);
    expect(() => canonicalJson({ d: new Map() })).toThrow(CanonicalJsonError);
    expect(() => canonicalJson(10n)).toThrow(CanonicalJsonError);
  });

  it('rejects what jsonb cannot store: NUL and lone surrogates', () => {
    expect(() => canonicalJson('a\u0000b')).toThrow(CanonicalJsonError);
    expect(() => canonicalJson('\ud800')).toThrow(CanonicalJsonError);
    expect(() => canonicalJson({ '\udc00x': 1 })).toThrow(CanonicalJsonError);
    expect(() => canonicalJson(['ok', 'x\ud83dy'])).toThrow(CanonicalJsonError);
    expect(() => canonicalJson({ a: ['\ude00'] })).toThrow(CanonicalJsonError);
    expect(canonicalJson(['\ud83d\ude00', -0, 1.5])).toBe('["\ud83d\ude00", 0, 1.5]');
  });

  it('prints long arrays of numbers like short ones, and rejects what needs an exponent in them', () => {
    const values = [1.5, -0, 0.1 + 0.2, 123456789.125, -42, 7, 8, 9, 10, 11, 1 / 3];
    const expected = '[' + values.map((v) => canonicalJson(v)).join(', ') + ']';
    expect(canonicalJson(values)).toBe(expected);
    expect(canonicalJson({ samples: values })).toBe(`{"samples": ${expected}}`);
    for (const bad of [1e21, 1e-7, NaN, Infinity])
      expect(() => canonicalJson([...values, bad])).toThrow(CanonicalJsonError);
    expect(canonicalJson([...values, null])).toBe(expected.slice(0, -1) + ', null]');
  });

  it('is independent of insertion order and bounded in depth', () => {
    expect(canonicalJson({ x: { b: 1, a: 2 }, y: 1 })).toBe(canonicalJson({ y: 1, x: { a: 2, b: 1 } }));
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(() => canonicalJson(deep)).toThrow(CanonicalJsonError);
  });
});
