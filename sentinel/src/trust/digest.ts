// Digest of a chunk result: sha-256 hex of its canonical JSON (sim-core's canonicalJson: key
// order and number format fixed, whatever the sender's serialisation). sim-core is
// deterministic, so two honest runs of a chunk give the same digest on any machine and JS
// engine. The canonical text is also what jobs_chunks.result stores, so
// `encode(sha256(convert_to(result, 'UTF8')), 'hex') = digest` holds in the database.
import { canonicalJson } from '@wowlab/sim-core';
import { sha256HexOfText } from '../auth/crypto.ts';

export interface CanonicalResult {
  text: string;
  digest: string;
}

export function canonicalResult(result: unknown): CanonicalResult {
  const text = canonicalJson(result);
  return { text, digest: sha256HexOfText(text) };
}
