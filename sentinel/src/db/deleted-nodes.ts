// Nodes deleted (by their owner, with their owner's account, or as stale guests) whose results
// accepted on trust must be recomputed: the delete kept them (private.deleted_nodes and
// jobs_chunks.deleted_node_id, migration 20261206060000; sentinel/docs/trust.md).
import type { DbClient, Queryable } from './pool.ts';

export interface DeletedNode {
  id: string;
  userId: string | null;
}

/** The oldest deleted nodes still to recompute, at most `limit`. */
export async function deletedNodesToRecompute(db: Queryable, limit: number): Promise<DeletedNode[]> {
  const { rows } = await db.query(
    'SELECT id, user_id FROM private.deleted_nodes ORDER BY deleted_at, id LIMIT $1',
    [limit],
  );
  return (rows as { id: string; user_id: string | null }[]).map((r) => ({ id: r.id, userId: r.user_id }));
}

/** Done with a deleted node (in the transaction that recomputed it); false if another did it first. */
export async function forgetDeletedNode(client: DbClient, id: string): Promise<boolean> {
  const { rowCount } = await client.query('DELETE FROM private.deleted_nodes WHERE id = $1', [id]);
  return (rowCount ?? 0) > 0;
}
