import { describe, expect, it } from 'vitest';
import { parseChannelMessage, type SharedStatus } from './channel';

const status: SharedStatus = {
  phase: 'contributing',
  pauseReason: null,
  nodeId: '11111111-2222-4333-8444-555555555555',
  ownerId: null,
  workers: 4,
  chunksRunning: 2,
  chunksDone: 10,
  iterationsPerSecond: 1234.5,
  lastError: null,
};

describe('tab channel messages', () => {
  it('accepts the messages tabs send', () => {
    expect(parseChannelMessage({ type: 'status', status })).toEqual({ type: 'status', status });
    expect(parseChannelMessage({ type: 'hello' })).toEqual({ type: 'hello' });
    expect(parseChannelMessage({ type: 'leader-gone', extra: 1 })).toEqual({ type: 'leader-gone' });
  });

  it('rejects anything malformed', () => {
    expect(parseChannelMessage(null)).toBeNull();
    expect(parseChannelMessage('status')).toBeNull();
    expect(parseChannelMessage({ type: 'status' })).toBeNull();
    expect(parseChannelMessage({ type: 'status', status: { ...status, phase: 'hacking' } })).toBeNull();
    expect(parseChannelMessage({ type: 'status', status: { ...status, nodeId: 'x' } })).toBeNull();
    expect(parseChannelMessage({ type: 'status', status: { ...status, workers: -1 } })).toBeNull();
    expect(parseChannelMessage({ type: 'status', status: { ...status, chunksDone: Infinity } })).toBeNull();
    expect(
      parseChannelMessage({ type: 'status', status: { ...status, lastError: 'x'.repeat(501) } }),
    ).toBeNull();
    expect(parseChannelMessage({ type: 'status', status: { ...status, pauseReason: 'bored' } })).toBeNull();
  });

  it('copies only known fields', () => {
    const msg = parseChannelMessage({ type: 'status', status: { ...status, evil: '<script>' } });
    expect(msg && msg.type === 'status' && Object.keys(msg.status).sort()).toEqual(
      Object.keys(status).sort(),
    );
  });
});
