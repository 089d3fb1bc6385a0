// Nodes: mine (with permissions and chunks done) and those shared with me, fetched in batches.
import { loadOrError } from '$lib/api/load';
import { countChunksDone, listMyNodes, listNodesSharedWithMe, listPermissions } from '$lib/api/nodes';
import { getProfiles } from '$lib/api/profiles';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent, depends }) => {
  depends('app:nodes');
  const { userId } = await parent();
  return loadOrError(async () => {
    const [mine, shared] = await Promise.all([listMyNodes(userId), listNodesSharedWithMe(userId)]);
    const ids = mine.map((n) => n.id);
    const [permissions, chunks] = await Promise.all([
      listPermissions(ids),
      countChunksDone([...ids, ...shared.map((n) => n.id)]),
    ]);
    const userTargets = permissions
      .filter((p) => p.access_type === 'user' && p.target_id)
      .map((p) => p.target_id!);
    const profiles = await getProfiles([...userTargets, ...shared.map((n) => n.user_id ?? '')]);
    const handles = new Map<string, string>();
    for (const [id, p] of profiles) if (p.handle) handles.set(id, p.handle);
    return { mine, shared, permissions, chunks, handles };
  });
};
