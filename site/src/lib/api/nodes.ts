// Nodes: mine + shared with me, claim by code (RPC), edit, permissions (clear + insert), delete.
import { run, supabase } from './client';
import type { NodePermission, NodeRow } from './types';

// one literal: supabase-js types the rows from the select string
const NODE_COLUMNS =
  'id,user_id,name,kind,max_parallel,total_cores,platform,version,engine_version,status,last_seen_at,created_at,trust_streak,mismatches,quarantined_at,credited_iterations,platform_node';

export interface NodeWithDetails extends NodeRow {
  permissions: NodePermission[];
  chunksDone: number | null;
}

export async function listMyNodes(userId: string): Promise<NodeRow[]> {
  return run<NodeRow[]>(
    supabase().from('nodes').select(NODE_COLUMNS).eq('user_id', userId).order('created_at').limit(200),
  );
}

/** Nodes of other users whose permissions name me. */
export async function listNodesSharedWithMe(userId: string): Promise<NodeRow[]> {
  const perms = await run<Array<{ node_id: string }>>(
    supabase()
      .from('nodes_permissions')
      .select('node_id')
      .eq('access_type', 'user')
      .eq('target_id', userId)
      .limit(500),
  );
  const ids = [...new Set(perms.map((p) => p.node_id))];
  if (ids.length === 0) return [];
  const nodes = await run<NodeRow[]>(supabase().from('nodes').select(NODE_COLUMNS).in('id', ids));
  return nodes.filter((n) => n.user_id !== userId);
}

export async function listPermissions(nodeIds: string[]): Promise<NodePermission[]> {
  if (nodeIds.length === 0) return [];
  return run<NodePermission[]>(
    supabase().from('nodes_permissions').select('id,node_id,access_type,target_id').in('node_id', nodeIds),
  );
}

/** Completed chunks per node, counted in one query; null when not readable. */
export async function countChunksDone(nodeIds: string[]): Promise<Map<string, number> | null> {
  const out = new Map<string, number>();
  if (nodeIds.length === 0) return out;
  try {
    const rows = await run<Array<{ node_id: string }>>(
      supabase()
        .from('jobs_chunks')
        .select('node_id')
        .in('node_id', nodeIds)
        .eq('status', 'completed')
        .limit(100000),
    );
    for (const r of rows) out.set(r.node_id, (out.get(r.node_id) ?? 0) + 1);
    return out;
  } catch {
    return null;
  }
}

/** Claims a node; a null name or max parallel keeps the node's own (its announced cores). */
export async function claimNode(
  code: string,
  name: string | null,
  maxParallel: number | null,
): Promise<NodeRow> {
  const data = await run<NodeRow | NodeRow[]>(
    supabase().rpc('claim_node', { code, name, max_parallel: maxParallel }),
  );
  return Array.isArray(data) ? (data[0] as NodeRow) : data;
}

export async function updateNode(id: string, patch: { name: string; max_parallel: number }): Promise<void> {
  await run(supabase().from('nodes').update(patch).eq('id', id));
}

/** Replaces a node's permissions: clear, then insert the new set in one request. */
export async function replacePermissions(nodeId: string, rows: NodePermission[]): Promise<void> {
  await run(supabase().from('nodes_permissions').delete().eq('node_id', nodeId));
  if (rows.length > 0) await run(supabase().from('nodes_permissions').insert(rows));
}

export async function deleteNode(id: string): Promise<void> {
  await run(supabase().from('nodes').delete().eq('id', id));
}
