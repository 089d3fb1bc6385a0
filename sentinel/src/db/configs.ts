// jobs_configs reads.
import type { Queryable } from './pool.ts';

export async function fetchConfigs(db: Queryable, hashes: string[]): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>();
  if (hashes.length === 0) return out;
  const { rows } = await db.query('SELECT hash, config FROM jobs_configs WHERE hash = ANY($1::text[])', [
    hashes,
  ]);
  for (const r of rows as { hash: string; config: unknown }[]) out.set(r.hash, r.config);
  return out;
}

/**
 * The config, only if the node holds a running chunk of it or `late` (it was late on a chunk of it
 * and may still answer: the caller knows, scheduler/late-chunks.ts); bumps last_used_at.
 */
export async function fetchConfigForNode(
  db: Queryable,
  hash: string,
  nodeId: string,
  late = false,
): Promise<unknown | undefined> {
  const { rows } = await db.query(
    `UPDATE jobs_configs SET last_used_at = now()
     WHERE hash = $1 AND ($3::boolean OR EXISTS (
       SELECT 1 FROM jobs_chunks WHERE config_hash = $1 AND node_id = $2 AND status = 'running'))
     RETURNING config`,
    [hash, nodeId, late],
  );
  return rows.length ? (rows[0] as { config: unknown }).config : undefined;
}
