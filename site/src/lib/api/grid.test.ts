import { describe, expect, it } from 'vitest';
import { getGridStatus } from './grid';

const answer = (status: number, body: unknown) =>
  (async () => new Response(JSON.stringify(body), { status })) as unknown as typeof fetch;

describe('getGridStatus', () => {
  it('reads tabs, nodes and the pace from the sentinel status', async () => {
    const g = await getGridStatus(
      'http://127.0.0.1:8080/',
      answer(200, { nodes: { connected: 3, tabs: 2, headless: 1 }, grid: { iterationsPerSecond: 4200 } }),
    );
    expect(g).toEqual({ nodes: { connected: 3, tabs: 2, headless: 1 }, iterationsPerSecond: 4200 });
  });

  it('an unhealthy sentinel still reports its nodes; an unreachable one is null', async () => {
    expect((await getGridStatus('http://x', answer(503, { nodes: { connected: 1 } })))?.nodes.connected).toBe(
      1,
    );
    const failing = (async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch;
    expect(await getGridStatus('http://x', failing)).toBeNull();
    expect(await getGridStatus(undefined, failing)).toBeNull();
  });
});
