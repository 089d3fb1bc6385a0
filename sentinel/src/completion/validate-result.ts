// Shape is checked by the route schema; this checks that a chunk result is plausible for
// the chunk it claims to complete. Returns the first problem, or null.
import type { ChunkResultWire } from 'wowlab-node/protocol';
import { decodeSamplesFast } from './samples.ts';

export interface ChunkExpectation {
  iterations: number;
  seedOffset: number;
  engineVersion: string;
}

const REL_TOLERANCE = 1e-9;

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= REL_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Identity checks against the chunk row: iterations, seed offset, engine version. */
export function checkAgainstChunk(result: ChunkResultWire, expected: ChunkExpectation): string | null {
  if (result.engineVersion !== expected.engineVersion)
    return `engineVersion ${result.engineVersion} does not match the job's ${expected.engineVersion}`;
  if (result.iterations !== expected.iterations)
    return `iterations ${result.iterations} does not match the chunk's ${expected.iterations}`;
  if (result.seedOffset !== expected.seedOffset)
    return `seedOffset ${result.seedOffset} does not match the chunk's ${expected.seedOffset}`;
  return null;
}

export function checkChunkResult(result: ChunkResultWire, expected: ChunkExpectation): string | null {
  return checkAgainstChunk(result, expected) ?? checkResultPlausible(result);
}

/** Internal consistency: counts, finite numbers, min <= mean <= max, statistics match the samples. */
export function checkResultPlausible(result: ChunkResultWire): string | null {
  if (result.n !== result.iterations) return 'n must equal iterations';
  const samples = decodeSamplesFast(result.samples);
  if (!samples) return 'samples must be base64url (no padding) of little-endian float64 values';
  if (samples.length !== result.iterations) return 'samples must hold one value per iteration';
  const scalars = [result.mean, result.m2, result.min, result.max];
  if (!scalars.every(Number.isFinite)) return 'mean, m2, min and max must be finite';
  if (!(result.min <= result.mean && result.mean <= result.max)) return 'min <= mean <= max does not hold';
  if (result.min < 0) return 'DPS cannot be negative';
  let sum = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of samples) {
    if (!Number.isFinite(s)) return 'samples must be finite';
    sum += s;
    if (s < lo) lo = s;
    if (s > hi) hi = s;
  }
  if (lo !== result.min || hi !== result.max) return 'min/max do not match the samples';
  const mean = sum / result.n;
  if (!close(mean, result.mean)) return 'mean does not match the samples';
  let m2 = 0;
  for (const s of samples) m2 += (s - mean) * (s - mean);
  if (Math.abs(m2 - result.m2) > 1e-6 * Math.max(1, m2, result.m2)) return 'm2 does not match the samples';
  for (const [key, a] of Object.entries(result.abilities)) {
    if (!Number.isFinite(a.damage)) return `ability ${key}: damage must be finite`;
    if (a.crits > a.hits) return `ability ${key}: crits <= hits does not hold`;
  }
  return null;
}
