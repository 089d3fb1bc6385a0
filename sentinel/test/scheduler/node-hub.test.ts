// Two sockets of one node (a quick reconnect, or a second process with the same key) set up
// concurrently: their setups (database reads) may finish in either order, and the newest
// socket must win either way — an older one finishing last used to evict it.
import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { NodeHub, type ConnectedNode } from '../../src/scheduler/node-hub.ts';

const NODE = '00000000-0000-4000-8000-000000000001';

function connection(hub: NodeHub): ConnectedNode {
  return {
    id: NODE,
    socket: {} as WebSocket,
    info: {
      id: NODE,
      userId: null,
      name: 'n',
      maxParallel: 1,
      engineVersion: '0.1.0',
      status: 'online',
      claimCode: null,
      permissions: [],
    },
    held: new Map(),
    alive: true,
    accepting: true,
    sequence: hub.nextSequence(), // numbered when the socket arrives
  };
}

describe('NodeHub.add', () => {
  it('a newer connection replaces the registered one', () => {
    const hub = new NodeHub();
    const older = connection(hub);
    const newer = connection(hub);
    expect(hub.add(older)).toEqual({ added: true, previous: undefined });
    expect(hub.add(newer)).toEqual({ added: true, previous: older });
    expect(hub.get(NODE)).toBe(newer);
  });

  it('an older connection whose setup finishes last is refused, the newer one stays', () => {
    const hub = new NodeHub();
    const older = connection(hub);
    const newer = connection(hub);
    expect(hub.add(newer).added).toBe(true);
    expect(hub.add(older)).toEqual({ added: false });
    expect(hub.get(NODE)).toBe(newer);
  });

  it('an older connection is registered when the newer one is gone already', () => {
    const hub = new NodeHub();
    const older = connection(hub);
    const newer = connection(hub);
    hub.add(newer);
    expect(hub.remove(NODE, newer.socket)).toBe(true);
    expect(hub.add(older)).toEqual({ added: true, previous: undefined });
  });
});
