// decodeSamples (wowlab-node/protocol) with Node's native base64 codec: the sentinel decodes
// the samples of every completion and of every chunk it aggregates. Exactly as strict: Node's
// decoder skips characters it does not know, so the bytes must encode back to the same text.
import { endianness } from 'node:os';
import { decodeSamples } from 'wowlab-node/protocol';

const NATIVE = endianness() === 'LE';

export function decodeSamplesFast(text: string): Float64Array | null {
  if (!NATIVE) return decodeSamples(text);
  const bytes = Buffer.from(text, 'base64url');
  if (bytes.length % 8 !== 0 || bytes.toString('base64url') !== text) return null;
  // small buffers are slices of a shared pool, at any offset; a Float64Array needs 8-byte alignment
  if (bytes.byteOffset % 8 === 0) return new Float64Array(bytes.buffer, bytes.byteOffset, bytes.length / 8);
  return new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
}
