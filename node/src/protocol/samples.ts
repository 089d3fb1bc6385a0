// Per-iteration DPS samples on the wire: the little-endian IEEE-754 doubles, base64url without
// padding. Exact (every bit of every double), ~10.7 characters per sample instead of ~19 as
// JSON numbers, and the sentinel neither parses nor prints a thousand numbers per result: the
// canonical text of a result carries this string as it is. Browser-safe.
import { fromBase64url, toBase64url } from './encoding.ts';

const SAMPLE_BYTES = 8;
/** Typed arrays use the platform's byte order; on little-endian ones (all that run us) they are the wire. */
const LITTLE_ENDIAN = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;

/** Length of the encoding of `count` samples. */
export function encodedSamplesLength(count: number): number {
  return Math.ceil((count * SAMPLE_BYTES * 4) / 3);
}

export function encodeSamples(samples: ArrayLike<number>): string {
  if (LITTLE_ENDIAN) return toBase64url(new Uint8Array(Float64Array.from(samples).buffer));
  const bytes = new Uint8Array(samples.length * SAMPLE_BYTES);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < samples.length; i++) view.setFloat64(i * SAMPLE_BYTES, samples[i]!, true);
  return toBase64url(bytes);
}

/** The samples of an encoding, or null unless it is exactly what encodeSamples produces. */
export function decodeSamples(text: string): Float64Array | null {
  const bytes = fromBase64url(text);
  if (!bytes || bytes.length % SAMPLE_BYTES !== 0) return null;
  if (LITTLE_ENDIAN) return new Float64Array(bytes.buffer, bytes.byteOffset, bytes.length / SAMPLE_BYTES);
  const out = new Float64Array(bytes.length / SAMPLE_BYTES);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat64(i * SAMPLE_BYTES, true);
  return out;
}
