// `wowlab-node run` as a child process against the fake sentinel: claim code, config.ini and
// key files, results reported, SIGTERM/SIGINT graceful stop, second SIGINT immediate.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hashConfig, specs } from '@wowlab/sim-core';
import { FakeSentinel } from '../support/fake-sentinel.ts';
import { NodeProcess } from '../support/node-process.ts';
import { runCli } from '../support/run-cli.ts';
import { HAND_BACK_ERROR } from '../../src/client/work-loop.ts';

const JOB = '11111111-2222-4333-8444-555555555555';
const config = specs.find((s) => s.id === 'bm-hunter')!.defaultConfig();
let hash: string;
let sentinel: FakeSentinel;
let dir: string;
let node: NodeProcess | null;

beforeEach(async () => {
  hash = await hashConfig(config);
  sentinel = new FakeSentinel();
  sentinel.configs.set(hash, config);
  await sentinel.start();
  dir = await mkdtemp(join(tmpdir(), 'wowlab-node-run-'));
  node = null;
});
afterEach(async () => {
  if (node) {
    node.kill('SIGKILL');
    await node.exited;
  }
  await sentinel.stop();
  await rm(dir, { recursive: true, force: true });
});

function start(): NodeProcess {
  node = new NodeProcess([
    '--sentinel',
    sentinel.url,
    '--config-dir',
    dir,
    '--cores',
    '1',
    '--name',
    'cli-test',
  ]);
  return node;
}

/**
 * Pushes a chunk and waits until the node has taken it: it answers an assignment with its free
 * slots, and starts the chunk right after when it holds the config (SIGINT then finds it running).
 */
async function assignAndWaitTaken(c: ReturnType<typeof chunk>): Promise<void> {
  const slotsBefore = sentinel.slotsSent().length;
  sentinel.assign([c]);
  await vi.waitFor(() => expect(sentinel.slotsSent().length).toBeGreaterThan(slotsBefore), {
    timeout: 10_000,
  });
  await new Promise((r) => setTimeout(r, 100));
}

function chunk(i: number, iterations: number) {
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    jobId: JOB,
    configHash: hash,
    iterations,
    seedOffset: i * 1000,
    seed: 3,
  };
}

describe('wowlab-node run', () => {
  it('prints the claim code, writes config.ini and a 0600 key, and stops on SIGTERM', async () => {
    const n = start();
    const claim = await n.waitForLog((l) => l.msg.startsWith('claim this node'), 'claim code');
    expect(claim.msg).toContain('ABCD-1234');
    expect(claim.msg).toContain('Nodes');
    await n.waitForLog((l) => l.msg === 'state: waiting-for-claim', 'waiting for claim');
    // the node id is saved right after registering, without blocking the run: wait for it
    const ini = await vi.waitFor(
      async () => {
        const text = await readFile(join(dir, 'config.ini'), 'utf8').catch(() => '');
        // written empty at start, then with the id once registered
        expect(text).toMatch(/^node_id = \S/m);
        return text;
      },
      { timeout: 5000, interval: 25 },
    );
    expect(ini).toContain(`node_id = ${sentinel.nodeId}`);
    expect(ini).toContain(`sentinel_url = ${sentinel.url}`);
    expect(ini).toContain('name = cli-test');
    expect(ini).toContain('max_parallel = 1');
    expect((await stat(join(dir, 'node.key'))).mode & 0o777).toBe(0o600);
    expect(sentinel.callsTo('POST /nodes/register')[0]!.body).toMatchObject({
      kind: 'headless',
      name: 'cli-test',
      maxParallel: 1,
    });
    n.kill('SIGTERM');
    expect(await n.exited).toBe(0);
    await n.waitForLog((l) => l.msg === 'stopped', 'stopped log');

    // `status` signs a heartbeat with the stored key and shows what the sentinel says.
    const status = await runCli(['status', '--json', '--config-dir', dir]);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({
      configured: true,
      nodeId: sentinel.nodeId,
      name: 'cli-test',
      sentinelUrl: sentinel.url,
      sentinel: 'registered',
      remote: { claimed: false, claimCode: 'ABCD-1234' },
    });
    const text = await runCli(['status', '--config-dir', dir]);
    expect(text.stdout).toContain('claim code  ABCD-1234');
    await sentinel.stop();
    const down = await runCli(['status', '--config-dir', dir]);
    expect(down.code).toBe(1);
    expect(down.stdout).toContain('unreachable');
    await sentinel.start(); // afterEach stops it again
  });

  it('runs assigned chunks with sim-core and reports them; SIGINT lets the running chunk finish', async () => {
    sentinel.claimCode = null;
    const n = start();
    await n.waitForLog((l) => l.msg === 'connected to the sentinel', 'connected');
    sentinel.assign([chunk(1, 50), chunk(2, 50)]);
    // Each line follows the sentinel's answer to that report, so both reports are recorded
    // once both lines are out (in either order: chunk 1's report may still be in flight
    // when chunk 2 finishes).
    await n.waitForLogs((l) => l.msg === 'chunk completed', 2, 'chunk completed');
    const results = sentinel
      .callsTo('POST /chunks/complete')
      .map((c) => c.body as { chunkId: string; result: { n: number; seedOffset: number } })
      .sort((a, b) => a.result.seedOffset - b.result.seedOffset);
    expect(results.map((r) => [r.chunkId, r.result.n, r.result.seedOffset])).toEqual([
      [chunk(1, 50).id, 50, 1000],
      [chunk(2, 50).id, 50, 2000],
    ]);

    await assignAndWaitTaken(chunk(3, 400)); // its config is cached: running, not queued
    n.kill('SIGINT');
    await n.waitForLog((l) => l.msg.startsWith('SIGINT: stopping'), 'graceful stop log');
    expect(await n.exited).toBe(0);
    expect(
      sentinel.callsTo('POST /chunks/complete').map((c) => (c.body as { chunkId: string }).chunkId),
    ).toContain(chunk(3, 400).id);
    expect(sentinel.callsTo('POST /chunks/fail')).toHaveLength(0);
  });

  it('a second SIGINT stops at once and hands the running chunk back', async () => {
    sentinel.claimCode = null;
    const n = start();
    await n.waitForLog((l) => l.msg === 'connected to the sentinel', 'connected');
    await assignAndWaitTaken(chunk(1, 50_000)); // minutes of work on one thread
    n.kill('SIGINT');
    await n.waitForLog((l) => l.msg.startsWith('SIGINT: stopping'), 'first SIGINT');
    const t0 = Date.now();
    n.kill('SIGINT');
    expect(await n.exited).toBe(0);
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(sentinel.callsTo('POST /chunks/fail').map((c) => c.body)).toEqual([
      { chunkId: chunk(1, 50_000).id, reason: 'handed-back', error: HAND_BACK_ERROR },
    ]);
    expect(sentinel.callsTo('POST /chunks/complete')).toHaveLength(0);
  });
});
