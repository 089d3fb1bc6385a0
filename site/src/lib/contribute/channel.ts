// What the contributing tab tells the other tabs of the origin (BroadcastChannel), and the
// strict reader for it: a message from another tab is data, checked before use.

export type Phase =
  'off' | 'starting' | 'connecting' | 'contributing' | 'reconnecting' | 'paused' | 'stopping' | 'unavailable';

export const PHASES: readonly Phase[] = [
  'off',
  'starting',
  'connecting',
  'contributing',
  'reconnecting',
  'paused',
  'stopping',
  'unavailable',
];

export interface SharedStatus {
  phase: Phase;
  pauseReason: 'user' | 'battery' | null;
  nodeId: string | null;
  /** The node's owner (null: a guest node, public work only). */
  ownerId: string | null;
  workers: number;
  chunksRunning: number;
  chunksDone: number;
  iterationsPerSecond: number;
  lastError: string | null;
}

/** The status fields of `s` (the contributing tab's state), the error cut to what a reader takes. */
export function sharedStatus(s: SharedStatus): SharedStatus {
  return {
    phase: s.phase,
    pauseReason: s.pauseReason,
    nodeId: s.nodeId,
    ownerId: s.ownerId,
    workers: s.workers,
    chunksRunning: s.chunksRunning,
    chunksDone: s.chunksDone,
    iterationsPerSecond: s.iterationsPerSecond,
    lastError: s.lastError?.slice(0, 500) ?? null,
  };
}

export type ChannelMessage =
  { type: 'status'; status: SharedStatus } | { type: 'hello' } | { type: 'leader-gone' };

export const CHANNEL_NAME = 'wowlab-contribute';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const nonNegative = (v: unknown, max: number): v is number =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= max;
const idOrNull = (v: unknown): v is string | null => v === null || (typeof v === 'string' && UUID.test(v));

export function parseChannelMessage(data: unknown): ChannelMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Record<string, unknown>;
  if (m.type === 'hello' || m.type === 'leader-gone') return { type: m.type };
  if (m.type !== 'status' || typeof m.status !== 'object' || m.status === null) return null;
  const s = m.status as Record<string, unknown>;
  if (!PHASES.includes(s.phase as Phase)) return null;
  if (s.pauseReason !== null && s.pauseReason !== 'user' && s.pauseReason !== 'battery') return null;
  if (!idOrNull(s.nodeId) || !idOrNull(s.ownerId)) return null;
  if (!nonNegative(s.workers, 1024) || !nonNegative(s.chunksRunning, 1e6)) return null;
  if (!nonNegative(s.chunksDone, 1e12) || !nonNegative(s.iterationsPerSecond, 1e12)) return null;
  if (s.lastError !== null && (typeof s.lastError !== 'string' || s.lastError.length > 500)) return null;
  return { type: 'status', status: sharedStatus(s as unknown as SharedStatus) };
}

/**
 * Joins the channel of this origin's tabs: `receive` gets each message (checked; null when
 * malformed), and the returned function sends one. Without BroadcastChannel, nothing is sent.
 */
export function openChannel(receive: (msg: ChannelMessage | null) => void): (msg: ChannelMessage) => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const channel = new BroadcastChannel(CHANNEL_NAME);
  channel.onmessage = (ev) => receive(parseChannelMessage(ev.data));
  return (msg) => {
    try {
      channel.postMessage(msg);
    } catch {
      // channel closed
    }
  };
}
