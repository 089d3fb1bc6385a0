// One seeded world shared by the handler tests (they only read it).
import pg from 'pg';
import { createTestDatabase } from '@wowlab/db';
import type { CommandContext, SchedulerControl } from '../../src/discord/context.ts';
import { insertChunks, insertConfig, insertJob, insertNode, insertUser, jobResult } from './seed.ts';
import type { ChunkSeed } from './seed.ts';

export const NOW = new Date('2026-03-01T12:00:00.000Z');
export const ago = (ms: number): Date => new Date(NOW.getTime() - ms);
export const MIN = 60_000;

export const DISCORD = {
  alice: '111111111111111111',
  bob: '222222222222222222',
  stranger: '333333333333333333',
  admin: '999999999999999999',
} as const;

/** An in-memory scheduler control that records what the bot asked. */
export class RecordingScheduler implements SchedulerControl {
  paused = false;
  drained: string[] = [];
  /** Nodes drain() reports as gone (deleted after the bot's lookup). */
  vanished = new Set<string>();
  pause(): void {
    this.paused = true;
  }
  resume(): void {
    this.paused = false;
  }
  isPaused(): boolean {
    return this.paused;
  }
  async drain(nodeId: string): Promise<boolean> {
    this.drained.push(nodeId);
    return !this.vanished.has(nodeId);
  }
}

export async function seedScenario(db: pg.Pool) {
  const alice = await insertUser(db, DISCORD.alice);
  const bob = await insertUser(db, DISCORD.bob);
  const bm = await insertConfig(db, 'bm-hunter');
  const mm = await insertConfig(db, 'mm-hunter');

  const aliceOnline = await insertNode(db, {
    userId: alice,
    name: 'alice-desktop',
    kind: 'headless',
    status: 'online',
    totalCores: 8,
    maxParallel: 4,
    lastSeenAt: ago(5_000),
  });
  const aliceOffline = await insertNode(db, {
    userId: alice,
    name: 'alice-laptop',
    kind: 'browser',
    status: 'offline',
    totalCores: 4,
    maxParallel: 2,
    lastSeenAt: ago(3 * 3600_000),
  });
  const bobOnline = await insertNode(db, {
    userId: bob,
    name: 'bob-server',
    kind: 'headless',
    status: 'online',
    totalCores: 16,
    maxParallel: 16,
    lastSeenAt: ago(1_000),
  });
  const anonymous = await insertNode(db, {
    userId: null,
    name: 'tab',
    kind: 'browser',
    status: 'draining',
    totalCores: 2,
    maxParallel: 1,
    lastSeenAt: ago(20_000),
  });

  // Alice: a completed job (30-40 min ago), a running one, a failed one, a public completed one.
  const completed = await insertJob(db, {
    userId: alice,
    configHash: bm,
    status: 'completed',
    totalIterations: 1000,
    completedIterations: 1000,
    chunksTotal: 5,
    chunksCompleted: 5,
    result: jobResult(123_456.7, 67.4),
    createdAt: ago(45 * MIN),
    completedAt: ago(30 * MIN),
  });
  const running = await insertJob(db, {
    userId: alice,
    configHash: mm,
    status: 'running',
    totalIterations: 1000,
    completedIterations: 400,
    chunksTotal: 10,
    chunksCompleted: 4,
    createdAt: ago(15 * MIN),
  });
  const failed = await insertJob(db, {
    userId: alice,
    configHash: bm,
    status: 'failed',
    totalIterations: 100,
    completedIterations: 0,
    chunksTotal: 1,
    chunksCompleted: 0,
    error: 'invalid config: rotation line 3',
    createdAt: ago(20 * MIN),
  });
  const publicJob = await insertJob(db, {
    userId: alice,
    configHash: bm,
    status: 'completed',
    totalIterations: 500,
    completedIterations: 500,
    accessType: 'public',
    chunksTotal: 1,
    chunksCompleted: 1,
    // a smart sim comparing variants (profilesets), as the sentinel stores it: best first, each
    // run with its iterations and why it stopped
    result: {
      ...jobResult(99_000, 120),
      stopped: 'target',
      variants: [
        {
          name: 'Crit +500',
          dps: 99_990,
          dpsError: 120,
          delta: 990,
          deltaError: 15,
          deltaFraction: 0.01,
          iterations: 500,
          stopped: 'target',
        },
        {
          name: 'Same',
          dps: 99_000,
          dpsError: 120,
          delta: 0,
          deltaError: 0,
          deltaFraction: 0,
          iterations: 500,
          stopped: 'target',
        },
        {
          name: 'No lust',
          dps: 97_020,
          dpsError: 118,
          delta: -1980,
          deltaError: 20,
          deltaFraction: -0.02,
          iterations: 200,
          stopped: 'eliminated',
        },
      ],
    },
    createdAt: ago(5 * 3600_000),
    completedAt: ago(4 * 3600_000),
  });
  // Bob: completed two hours ago (outside the stats window).
  const bobOld = await insertJob(db, {
    userId: bob,
    configHash: mm,
    status: 'completed',
    totalIterations: 200,
    completedIterations: 200,
    chunksTotal: 1,
    chunksCompleted: 1,
    result: jobResult(80_000, 90),
    createdAt: ago(150 * MIN),
    completedAt: ago(120 * MIN),
  });

  const chunks: ChunkSeed[] = [];
  // completed job: 5 × 200 iterations on alice-desktop, 10/20/30/40/50 s each.
  for (let i = 0; i < 5; i++) {
    const completedAt = ago(31 * MIN + i * MIN);
    chunks.push({
      jobId: completed,
      configHash: bm,
      nodeId: aliceOnline,
      iterations: 200,
      seedOffset: i * 200,
      status: 'completed',
      claimedAt: new Date(completedAt.getTime() - (i + 1) * 10_000),
      completedAt,
    });
  }
  // running job: 4 completed on bob-server (2 s each), 2 running (one per online node), 4 pending.
  for (let i = 0; i < 10; i++) {
    const status = i < 4 ? 'completed' : i < 6 ? 'running' : 'pending';
    const nodeId = i < 4 ? bobOnline : i === 4 ? aliceOnline : i === 5 ? bobOnline : null;
    const completedAt = i < 4 ? ago(10 * MIN) : undefined;
    chunks.push({
      jobId: running,
      configHash: mm,
      nodeId,
      iterations: 100,
      seedOffset: i * 100,
      status,
      claimedAt: completedAt
        ? new Date(completedAt.getTime() - 2_000)
        : status === 'running'
          ? ago(MIN)
          : undefined,
      completedAt,
    });
  }
  chunks.push({
    jobId: failed,
    configHash: bm,
    nodeId: null,
    iterations: 100,
    seedOffset: 0,
    status: 'failed',
  });
  chunks.push({
    jobId: publicJob,
    configHash: bm,
    nodeId: bobOnline,
    iterations: 500,
    seedOffset: 0,
    status: 'completed',
    claimedAt: ago(4 * 3600_000 + 60_000),
    completedAt: ago(4 * 3600_000),
  });
  chunks.push({
    jobId: bobOld,
    configHash: mm,
    nodeId: bobOnline,
    iterations: 200,
    seedOffset: 0,
    status: 'completed',
    claimedAt: ago(121 * MIN),
    completedAt: ago(120 * MIN),
  });
  await insertChunks(db, chunks);

  return {
    users: { alice, bob },
    nodes: { aliceOnline, aliceOffline, bobOnline, anonymous },
    jobs: { completed, running, failed, publicJob, bobOld },
  };
}

export type Scenario = Awaited<ReturnType<typeof seedScenario>>;

export async function openScenario() {
  const database = await createTestDatabase();
  const pool = new pg.Pool({ connectionString: database.url, max: 4 });
  const scenario = await seedScenario(pool);
  return {
    url: database.url,
    pool,
    scenario,
    async close() {
      await pool.end();
      await database.drop();
    },
  };
}

export function makeContext(
  pool: pg.Pool,
  scheduler: SchedulerControl,
  callerDiscordId: string,
  overrides: Partial<CommandContext> = {},
): CommandContext {
  return {
    db: pool,
    scheduler,
    now: NOW,
    isAdmin: callerDiscordId === DISCORD.admin,
    callerDiscordId,
    version: '0.1.0',
    engineVersion: '0.1.0',
    startedAt: ago(26 * 3600_000 + 3 * MIN + 4_000),
    ...overrides,
  };
}
