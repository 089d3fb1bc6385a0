// Digest of a chunk result: sha-256 hex of its canonical JSON (sim-core's canonicalJson, the
// same text as Postgres `result::text`). sim-core is deterministic, so two honest runs of a
// chunk give the same digest on any machine and JS engine.
import { createHash } from 'node:crypto';
import { canonicalJson } from '@wowlab/sim-core';

export function resultDigest(result: unknown): string {
  return createHash('sha256').update(canonicalJson(result), 'utf8').digest('hex');
}
