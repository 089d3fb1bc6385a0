// Node rows as the scheduler and the node API see them.
import type { Queryable } from './pool.ts';

export interface NodeRow {
  id: string;
  userId: string | null;
  name: string;
  maxParallel: number;
  engineVersion: string;
  status: 'online' | 'offline' | 'draining';
  claimCode: string | null;
  /** A browser tab or a headless node (optional: rows built by tests may leave it out). */
  kind?: 'browser' | 'headless';
  /** `access_type:target_id` of every permission row. */
  permissions: Array<{ accessType: 'public' | 'user' | 'discord'; targetId: string | null }>;
  /**
   * The node owner's Discord account (auth.identities), or null: a `discord` permission offers the
   * node to a server only when this account is a member of it (scheduler/match.ts). Optional:
   * rows built by tests may leave it out (none).
   */
  ownerDiscordId?: string | null;
}

const SELECT_NODES = `
SELECT n.id, n.user_id, n.name, n.max_parallel, n.engine_version, n.status, n.claim_code, n.kind,
       coalesce(p.perms, '[]'::json) AS permissions, d.provider_id AS owner_discord_id
FROM nodes n
LEFT JOIN LATERAL (
  SELECT json_agg(json_build_object('accessType', access_type, 'targetId', target_id)) AS perms
  FROM nodes_permissions WHERE node_id = n.id
) p ON true
LEFT JOIN LATERAL (
  SELECT i.provider_id FROM auth.identities i
  WHERE i.user_id = n.user_id AND i.provider = 'discord' LIMIT 1
) d ON true
WHERE n.id = ANY($1::uuid[])`;

interface RawNode {
  id: string;
  user_id: string | null;
  name: string;
  max_parallel: number;
  engine_version: string;
  status: NodeRow['status'];
  claim_code: string | null;
  kind: 'browser' | 'headless';
  permissions: NodeRow['permissions'];
  owner_discord_id: string | null;
}

function toNode(r: RawNode): NodeRow {
  return {
    id: r.id,
    userId: r.user_id,
    name: r.name,
    maxParallel: r.max_parallel,
    engineVersion: r.engine_version,
    status: r.status,
    claimCode: r.claim_code,
    kind: r.kind,
    permissions: r.permissions,
    ownerDiscordId: r.owner_discord_id,
  };
}

/** Nodes with their permissions, in one query. */
export async function loadNodes(db: Queryable, ids: string[]): Promise<NodeRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query(SELECT_NODES, [ids]);
  return (rows as RawNode[]).map(toNode);
}

export async function findNodeIdByKey(db: Queryable, publicKey: string): Promise<string | null> {
  const { rows } = await db.query('SELECT id FROM nodes WHERE public_key = $1', [publicKey]);
  return rows.length ? (rows[0] as { id: string }).id : null;
}

/** Heartbeat / socket open: the node is seen now; returns its row. */
export async function touchNode(
  db: Queryable,
  nodeId: string,
  patch: { version?: string; engineVersion?: string } = {},
): Promise<NodeRow | null> {
  await db.query(
    `UPDATE nodes SET last_seen_at = now(), disconnected_at = NULL,
       status = CASE WHEN status = 'draining' THEN 'draining' ELSE 'online' END,
       version = coalesce($2, version), engine_version = coalesce($3, engine_version)
     WHERE id = $1`,
    [nodeId, patch.version ?? null, patch.engineVersion ?? null],
  );
  const [node] = await loadNodes(db, [nodeId]);
  return node ?? null;
}

/** Marks nodes seen now (the nodes connected to this instance), in one statement. */
export async function touchNodes(db: Queryable, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.query(
    // SKIP LOCKED: a node row locked by a completion (trust credit) is seen on the next tick
    // instead of waiting in a lock cycle.
    `UPDATE nodes SET last_seen_at = now(), disconnected_at = NULL,
       status = CASE WHEN status = 'draining' THEN 'draining' ELSE 'online' END
     WHERE id IN (SELECT id FROM nodes WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE SKIP LOCKED)`,
    [ids],
  );
}

/**
 * Socket closed: remember when, in database time, so a reconnect elsewhere is visible; and say
 * so to the job pages (disconnected_at, cleared when the node is seen again) until the grace ends.
 */
export async function markDisconnected(db: Queryable, nodeId: string): Promise<string | null> {
  const { rows } = await db.query(
    `UPDATE nodes SET last_seen_at = now(), disconnected_at = now() WHERE id = $1
     RETURNING last_seen_at::text AS seen`,
    [nodeId],
  );
  // text keeps the microseconds a JS Date would drop
  return rows.length ? (rows[0] as { seen: string }).seen : null;
}

export async function setDraining(db: Queryable, nodeId: string): Promise<boolean> {
  const { rowCount } = await db.query(`UPDATE nodes SET status = 'draining' WHERE id = $1`, [nodeId]);
  return (rowCount ?? 0) > 0;
}

/** Whether a key belongs to a node its owner deleted (private.deleted_node_keys). */
export async function isDeletedNodeKey(db: Queryable, publicKey: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM private.deleted_node_keys WHERE public_key = $1', [
    publicKey,
  ]);
  return rows.length > 0;
}
