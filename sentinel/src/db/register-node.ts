// POST /nodes/register: insert or refresh the node row for a public key (idempotent per key).
import type { RegisterRequest } from 'wowlab-node/protocol';
import type { Queryable } from './pool.ts';

const CLAIM_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * Claim code lengths, 5 bits a character. A headless node's code is typed by a person from its
 * terminal: 8 characters (40 bits). A tab's is never typed (the tab claims its node itself, for
 * the signed-in player or guest, site/src/lib/contribute): 26 characters (130 bits). claim_node has
 * no attempt limit (a miss raises, which rolls back anything it could record), and every visitor's
 * tab left unclaimed was a short code open to guessing; now only headless nodes waiting for their
 * owner are, a handful at a time.
 */
export const CLAIM_CODE_LENGTH = { headless: 8, browser: 26 } as const;

/** `length` characters from an unambiguous alphabet (no 0/O, 1/I); 256 is a multiple of 32: unbiased. */
export function generateClaimCode(length: number = CLAIM_CODE_LENGTH.headless): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  let code = '';
  for (const b of bytes) code += CLAIM_ALPHABET[b % CLAIM_ALPHABET.length];
  return code;
}

export interface RegisteredNode {
  id: string;
  userId: string | null;
  claimCode: string | null;
}

const SQL = `
INSERT INTO nodes (public_key, name, kind, max_parallel, total_cores, platform, version, engine_version,
                   status, last_seen_at, claim_code)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'online', now(), $9)
ON CONFLICT (public_key) DO UPDATE SET
  total_cores = EXCLUDED.total_cores,
  platform = EXCLUDED.platform,
  version = EXCLUDED.version,
  engine_version = EXCLUDED.engine_version,
  kind = EXCLUDED.kind,
  -- an unclaimed node's settings follow the node; once claimed, the owner's settings win
  name = CASE WHEN nodes.user_id IS NULL THEN EXCLUDED.name ELSE nodes.name END,
  max_parallel = CASE WHEN nodes.user_id IS NULL THEN EXCLUDED.max_parallel ELSE nodes.max_parallel END,
  claim_code = CASE WHEN nodes.user_id IS NULL THEN coalesce(nodes.claim_code, EXCLUDED.claim_code) ELSE NULL END,
  status = CASE WHEN nodes.status = 'draining' THEN 'draining' ELSE 'online' END,
  last_seen_at = now()
RETURNING id, user_id, claim_code`;

export async function registerNode(
  db: Queryable,
  publicKey: string,
  req: RegisterRequest,
): Promise<RegisteredNode> {
  for (let attempt = 0; ; attempt++) {
    try {
      const { rows } = await db.query(SQL, [
        publicKey,
        req.name,
        req.kind,
        req.maxParallel,
        req.totalCores,
        req.platform,
        req.version,
        req.engineVersion,
        generateClaimCode(CLAIM_CODE_LENGTH[req.kind]),
      ]);
      const row = rows[0] as { id: string; user_id: string | null; claim_code: string | null };
      return { id: row.id, userId: row.user_id, claimCode: row.claim_code };
    } catch (err) {
      // A claim-code collision (unique violation on claim_code): draw another code.
      const e = err as { code?: string; constraint?: string };
      if (e.code === '23505' && e.constraint?.includes('claim_code') && attempt < 5) continue;
      throw err;
    }
  }
}
