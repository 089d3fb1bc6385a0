import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import {
  ChunkResultInputSchema,
  ChunkResultSchema,
  normaliseResult,
  decodeSamples,
  encodedSamplesLength,
  encodeSamples,
  MAX_CHUNK_ITERATIONS,
  toWireResult,
} from './index.ts';

describe('samples on the wire', () => {
  it('are the little-endian doubles in base64url, bit for bit', () => {
    expect(encodeSamples([1])).toBe('AAAAAAAA8D8'); // 0x3ff0000000000000
    expect(encodeSamples([])).toBe('');
    const values = [0, -0, 1.5, 1234.5678, Number.MIN_VALUE, Number.MAX_VALUE, 1 / 3, 2 ** 53 + 2];
    const text = encodeSamples(values);
    const view = new DataView(new ArrayBuffer(values.length * 8));
    values.forEach((v, i) => view.setFloat64(i * 8, v, true));
    expect(text).toBe(Buffer.from(view.buffer).toString('base64url'));
    expect(text).toHaveLength(encodedSamplesLength(values.length));
    const back = decodeSamples(text)!;
    expect(Array.from(back)).toEqual(values);
    expect(Object.is(back[1], -0)).toBe(true);
  });

  it('round-trip any count, from arrays and typed arrays alike', () => {
    for (const count of [1, 2, 3, 7, 100, 1001]) {
      const values = Array.from({ length: count }, () => Math.random() * 1e5);
      const text = encodeSamples(values);
      expect(encodeSamples(Float64Array.from(values))).toBe(text);
      expect(text).toHaveLength(encodedSamplesLength(count));
      expect(Array.from(decodeSamples(text)!)).toEqual(values);
    }
  });

  it('reject anything encodeSamples would not produce', () => {
    const text = encodeSamples([1, 2]);
    expect(decodeSamples(text.slice(0, -1))).toBeNull(); // not whole doubles
    expect(decodeSamples(encodeSamples([1]).slice(0, 8))).toBeNull(); // 6 bytes
    expect(decodeSamples(text.replace('A', '+'))).toBeNull(); // base64, not base64url
    expect(decodeSamples(`${text}=`)).toBeNull(); // padding
    expect(decodeSamples(text.slice(0, -1) + 'B')).toBeNull(); // trailing bits set
    expect(decodeSamples('[1, 2]')).toBeNull();
  });

  it('toWireResult replaces the samples array and keeps everything else', () => {
    const result = {
      engineVersion: 'x',
      seedOffset: 0,
      iterations: 2,
      n: 2,
      mean: 1.5,
      m2: 0.5,
      min: 1,
      max: 2,
      samples: [1, 2],
      abilities: { bolt: { damage: 3, casts: 2, hits: 2, crits: 0 } },
    };
    const wire = toWireResult(result);
    expect(wire).toEqual({ ...result, samples: encodeSamples([1, 2]) });
    expect(Value.Check(ChunkResultSchema, wire)).toBe(true);
    expect(Value.Check(ChunkResultSchema, result)).toBe(false); // arrays are not the wire format
    // ... but the completion request still takes them (older nodes), normalised to the same form
    expect(Value.Check(ChunkResultInputSchema, result)).toBe(true);
    expect(Value.Check(ChunkResultInputSchema, wire)).toBe(true);
    expect(Value.Check(ChunkResultInputSchema, { ...result, samples: [1, '2'] })).toBe(false);
    expect(normaliseResult(result)).toEqual(wire);
    expect(normaliseResult(wire)).toBe(wire);
  });

  it('bounds the encoded length by the largest chunk', () => {
    const wire = toWireResult({
      engineVersion: 'x',
      seedOffset: 0,
      iterations: 1,
      n: 1,
      mean: 1,
      m2: 0,
      min: 1,
      max: 1,
      samples: new Float64Array(MAX_CHUNK_ITERATIONS + 1),
      abilities: {},
    });
    expect(Value.Check(ChunkResultSchema, wire)).toBe(false);
    expect(
      Value.Check(ChunkResultSchema, {
        ...wire,
        samples: wire.samples.slice(0, encodedSamplesLength(MAX_CHUNK_ITERATIONS)),
      }),
    ).toBe(true);
  });
});
