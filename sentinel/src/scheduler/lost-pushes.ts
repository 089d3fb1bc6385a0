// A heartbeat lists the chunks the node holds (running, queued or being reported: a node lets
// go of a chunk only once the sentinel answered its report). A chunk this instance pushed to
// the node a while ago that the list lacks never reached it, or the node dropped the message.
// Nothing else would ever repeat that push: the sentinel would count the chunk as held by the
// node until it reconnects, and give a full node no other work. So it is pushed again (the
// node ignores ids it already holds).
import type { Queryable } from '../db/pool.ts';
import { runningChunksOfNodes, toAssignment } from '../db/node-chunks.ts';
import type { NodeHub } from './node-hub.ts';

/** Pushes again what `nodeId` should hold but does not list; returns how many chunks. */
export async function repushLost(
  db: Queryable,
  hub: NodeHub,
  nodeId: string,
  listed: readonly string[],
  olderThanMs: number,
): Promise<number> {
  const node = hub.get(nodeId);
  if (!node) return 0;
  const holds = new Set(listed);
  if (!lacksAny(node.held.keys(), holds)) return 0;
  // pushed recently: may still be on its way (or was pushed after the heartbeat left the node)
  const lost = (await runningChunksOfNodes(db, [nodeId], olderThanMs)).filter(
    (c) => c.jobActive && !holds.has(c.id) && node.held.has(c.id),
  );
  if (lost.length === 0 || hub.get(nodeId) !== node) return 0;
  hub.assign(nodeId, lost.map(toAssignment));
  return lost.length;
}

function lacksAny(ids: Iterable<string>, holds: ReadonlySet<string>): boolean {
  for (const id of ids) if (!holds.has(id)) return true;
  return false;
}
