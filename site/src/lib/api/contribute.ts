// The in-tab node's calls to the portal API: claim it for the signed-in player (claim_node),
// let it take public work too, and keep its max_parallel in step with the worker slider.
import { run, supabase } from './client';
import { claimNode, updateNode } from './nodes';
import type { NodeRow } from './types';

/** Claims this tab's node for the signed-in user and lets it run public jobs as well. */
export async function claimTabNode(code: string, name: string, maxParallel: number): Promise<NodeRow> {
  const node = await claimNode(code, name, maxParallel);
  await allowPublicWork(node.id);
  return node;
}

/** Adds the `public` permission to an own node unless it has it already. */
export async function allowPublicWork(nodeId: string): Promise<void> {
  const existing = await run<Array<{ id: string }>>(
    supabase()
      .from('nodes_permissions')
      .select('id')
      .eq('node_id', nodeId)
      .eq('access_type', 'public')
      .limit(1),
  );
  if (existing.length > 0) return;
  await run(
    supabase().from('nodes_permissions').insert({ node_id: nodeId, access_type: 'public', target_id: null }),
  );
}

export async function setTabNodeParallel(nodeId: string, name: string, maxParallel: number): Promise<void> {
  await updateNode(nodeId, { name, max_parallel: maxParallel });
}
