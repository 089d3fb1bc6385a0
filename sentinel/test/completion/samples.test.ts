import { describe, expect, it } from 'vitest';
import { decodeSamples, encodeSamples } from 'wowlab-node/protocol';
import { decodeSamplesFast } from '../../src/completion/samples.ts';

describe('native sample decoding', () => {
  it('decodes exactly what the protocol decodes, at any length and buffer alignment', () => {
    for (const count of [0, 1, 2, 3, 5, 40, 511, 1000, 2001]) {
      const values = Array.from({ length: count }, (_, i) => (i % 3 === 0 ? -0 : Math.random() * 1e6));
      const text = encodeSamples(values);
      for (let k = 0; k < 3; k++) Buffer.from('x'.repeat(k + 1)); // moves the shared pool's offset
      const fast = decodeSamplesFast(text)!;
      expect(fast).toBeInstanceOf(Float64Array);
      expect(Array.from(fast)).toEqual(Array.from(decodeSamples(text)!));
    }
  });

  it('rejects everything the protocol decoder rejects', () => {
    const text = encodeSamples([1, 2, 3]);
    const bad = [
      text.slice(0, -1),
      encodeSamples([1]).slice(0, 8),
      text.replace('A', '+'),
      `${text}=`,
      `${text.slice(0, 4)} ${text.slice(4)}`,
      `${text.slice(0, 4)}\u00e9${text.slice(5)}`,
      encodeSamples([1]).slice(0, -1) + '9', // trailing bits set
      '[1, 2, 3]',
    ];
    for (const t of bad) {
      expect(decodeSamples(t), t).toBeNull();
      expect(decodeSamplesFast(t), t).toBeNull();
    }
  });
});
