// Trust test helpers: a sentinel with replication on, registered / guest test nodes,
// cheating nodes, and the local reference result of a job.
import {
  CONFIG_LIMITS,
  mergeResults,
  simulate,
  specs,
  type ChunkResult,
  type JobResult,
  type SimConfig,
} from '@wowlab/sim-core';
import type pg from 'pg';
import type { ChunkAssignment } from 'wowlab-node/protocol';
import {
  addPermission,
  claimNode,
  createJob,
  createUser,
  getJob,
  testConfig,
  waitFor,
} from '../helpers/fixtures.ts';
import { startSentinel, type RunningSentinel } from '../helpers/sentinel.ts';
import { TestNode } from '../helpers/test-node.ts';

export const TRUST_ON: Record<string, string> = { TRUST_REPLICATION: 'on', TRUST_THRESHOLD: '10' };

export function startTrustSentinel(url: string, env: Record<string, string> = {}): Promise<RunningSentinel> {
  return startSentinel(url, { ...TRUST_ON, ...env });
}

/** The shortest fight sim-core accepts: chunks run fast. */
export function quickConfig(): SimConfig {
  return testConfig({ durationSeconds: CONFIG_LIMITS.minDurationSeconds, durationVariation: 0 });
}

/**
 * A cost bomb: BM against 20 targets for 20 minutes (±50 %), its rotation 499 lines that never
 * fire and a 1 ms wait, so every decision walks them all: minutes per chunk on a typical core,
 * far over the bound create_job's check holds every job to.
 */
export function costBomb(): SimConfig {
  const bomb = specs.find((s) => s.id === 'bm-hunter')!.defaultConfig();
  bomb.fight = { ...bomb.fight, style: 'cleave', targets: 20, durationSeconds: 1200, durationVariation: 0.5 };
  bomb.rotation =
    Array.from({ length: 499 }, () => 'actions+=/kill_command,if=focus>1000').join('\n') +
    '\nactions+=/wait,sec=0.001';
  return bomb;
}

/** The error a griefer node reports for every chunk it is given. */
export const GRIEFER_ERROR = 'no, says the griefer';

/**
 * `count` unclaimed nodes (no account: each its own owner) answering /chunks/fail to every
 * assignment, connected; the caller closes them.
 */
export async function guestGriefers(baseUrl: string, count: number, maxParallel = 1): Promise<TestNode[]> {
  const griefers: TestNode[] = [];
  for (let i = 0; i < count; i++) {
    const node = await TestNode.create(baseUrl, { mode: 'manual', maxParallel });
    node.onAssign = (chunk) => {
      void node.request('POST', '/chunks/fail', { chunkId: chunk.id, error: GRIEFER_ERROR });
    };
    await node.connect();
    griefers.push(node);
  }
  return griefers;
}

/** Until every chunk of the job was failed by `owners` owners, or the job ended. */
export async function failedByOwners(db: pg.Client, jobId: string, owners: number): Promise<void> {
  await waitFor(
    async () => {
      if (['completed', 'failed', 'cancelled'].includes((await getJob(db, jobId)).status)) return true;
      const { rows } = await db.query(
        `SELECT bool_and(cardinality(failed_owners) = $2) AS all FROM jobs_chunks WHERE job_id = $1`,
        [jobId, owners],
      );
      return (rows[0] as { all: boolean }).all;
    },
    30_000,
    'the griefers to fail every chunk',
  );
}

/**
 * What a test node does with the chunks it is given:
 * - `honest`: simulates each and sends the result (the default);
 * - a {@link Cheat}: simulates each, then sends that lie instead (see {@link makeCheater});
 * - `manual`: records its assignments and answers nothing (a staller, or a node the test drives);
 * - `griefer`: answers `/chunks/fail` to every assignment.
 */
export type NodeMode = 'honest' | Cheat | 'manual' | 'griefer';

export interface RegisteredNodeOptions {
  maxParallel?: number;
  /** Starts with this streak (earned trust). */
  trustStreak?: number;
  /** Marked a platform node (trusted by construction). */
  platform?: boolean;
  mode?: NodeMode;
  /** Called with every new assignment, after the mode's own handling. */
  onAssign?: (chunk: ChunkAssignment, node: TestNode) => void;
  /**
   * The work it allows besides its owner's own: public (the default), a `user` permission naming
   * that user, or `own` (no permission: its owner's jobs only).
   */
  allows?: 'public' | 'own' | { user: string };
}

/** A node claimed by `userId` that allows public work (or `opts.allows`), connected, doing `opts.mode`. */
export async function registeredNode(
  db: pg.Client,
  baseUrl: string,
  userId: string,
  opts: RegisteredNodeOptions = {},
): Promise<TestNode> {
  const mode = opts.mode ?? 'honest';
  const maxParallel = opts.maxParallel ?? 1;
  const node = await TestNode.create(baseUrl, {
    maxParallel,
    mode: mode === 'manual' || mode === 'griefer' ? 'manual' : 'auto',
  });
  await claimNode(db, userId, node.claimCode!, maxParallel);
  const allows = opts.allows ?? 'public';
  if (allows === 'public') await addPermission(db, node.nodeId, 'public');
  else if (allows !== 'own') await addPermission(db, node.nodeId, 'user', allows.user);
  if (opts.trustStreak)
    await db.query('UPDATE nodes SET trust_streak = $2 WHERE id = $1', [node.nodeId, opts.trustStreak]);
  if (opts.platform) await db.query('UPDATE nodes SET platform_node = true WHERE id = $1', [node.nodeId]);
  if (mode === 'scaled' || mode === 'random' || mode === 'copy') makeCheater(node, mode);
  const hooks: Array<(chunk: ChunkAssignment) => void> = [];
  if (mode === 'griefer')
    hooks.push((chunk) => {
      // given the chunk again (it came back to this node), it fails it again, as a real node would
      node.forget(chunk.id);
      void node.request('POST', '/chunks/fail', { chunkId: chunk.id, error: GRIEFER_ERROR });
    });
  if (opts.onAssign) hooks.push((chunk) => opts.onAssign!(chunk, node));
  if (hooks.length > 0)
    node.onAssign = (chunk) => {
      for (const hook of hooks) hook(chunk);
    };
  await node.connect();
  return node;
}

/** An unclaimed (guest) node, connected: it runs public jobs. */
export async function guestNode(baseUrl: string): Promise<TestNode> {
  const node = await TestNode.create(baseUrl, { maxParallel: 1 });
  await node.connect();
  return node;
}

export async function newUsers(db: pg.Client, n: number): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(await createUser(db));
  return out;
}

export type Cheat = 'scaled' | 'random' | 'copy';

function statsOf(samples: number[]): Pick<ChunkResult, 'n' | 'mean' | 'm2' | 'min' | 'max'> {
  let sum = 0;
  for (const s of samples) sum += s;
  const mean = sum / samples.length;
  let m2 = 0;
  for (const s of samples) m2 += (s - mean) * (s - mean);
  return { n: samples.length, mean, m2, min: Math.min(...samples), max: Math.max(...samples) };
}

/** Plausible but wrong results: they pass every structural check, only replication catches them. */
export function tamper(kind: Cheat, honest: ChunkResult, other: () => ChunkResult): ChunkResult {
  if (kind === 'scaled') {
    const samples = honest.samples.map((s) => s * 1.1);
    const abilities = Object.fromEntries(
      Object.entries(honest.abilities).map(([k, a]) => [k, { ...a, damage: a.damage * 1.1 }]),
    );
    return { ...honest, ...statsOf(samples), samples, abilities };
  }
  if (kind === 'random') {
    const samples = honest.samples.map(() => 1000 + Math.random() * 50_000);
    return { ...honest, ...statsOf(samples), samples };
  }
  // a copy of another chunk's result, relabelled as this chunk
  const copied = other();
  return { ...copied, seedOffset: honest.seedOffset, iterations: honest.iterations };
}

/** A queue hog's 20 public jobs of 10 chunks each (the most one account may have running). */
export async function hogJobs(db: pg.Client, owner: string, config: SimConfig): Promise<string[]> {
  const hog: string[] = [];
  for (let i = 0; i < 20; i++)
    hog.push(await createJob(db, owner, { iterations: 10_000, access: 'public', seed: 100 + i, config }));
  return hog;
}

/** How many chunks of the jobs are completed. */
export async function completedChunks(db: pg.Client, jobIds: readonly string[]): Promise<number> {
  const { rows } = await db.query(
    `SELECT count(*)::int AS n FROM jobs_chunks WHERE job_id = ANY($1::uuid[]) AND status = 'completed'`,
    [jobIds],
  );
  return (rows[0] as { n: number }).n;
}

/** The chunk a node was given, whichever copy of it (original, replica, arbiter). */
export const keyOf = (c: ChunkAssignment): string => `${c.jobId}:${c.seedOffset}`;

/** Makes `node` send ×1.1 on the chunks `lies` says, its honest run on the others. */
export function lieWhen(node: TestNode, lies: (c: ChunkAssignment) => boolean): void {
  const honestRun = node.run.bind(node);
  node.run = async (chunk) => {
    const honest = await honestRun(chunk);
    return lies(chunk) ? tamper('scaled', honest, () => honest) : honest;
  };
}

/** Makes a test node cheat on every chunk it runs (its honest run, then the lie). */
export function makeCheater(node: TestNode, kind: Cheat): void {
  const honestRun = node.run.bind(node);
  node.run = async (chunk: ChunkAssignment) => {
    const honest = await honestRun(chunk);
    return tamper(kind, honest, () => {
      const cfg = (node as unknown as { configs: Map<string, SimConfig> }).configs.get(chunk.configHash)!;
      return simulate(cfg, {
        seed: chunk.seed,
        seedOffset: chunk.seedOffset + 1_000_000,
        iterations: chunk.iterations,
      });
    });
  };
}

/**
 * Where a smart sim of `config` (seed, up to `cap`, target error `target`) stops when run locally:
 * the first prefix of 1,000-iteration chunks (≥ 2) whose error is within the target, and its chunks.
 */
export function localSmartStop(
  config: SimConfig,
  seed: number,
  cap: number,
  target: number,
): { end: number; chunks: ChunkResult[] } {
  const chunks: ChunkResult[] = [];
  for (let offset = 0; offset < cap; offset += 1000) {
    chunks.push(simulate(config, { seed, seedOffset: offset, iterations: 1000 }));
    const r = mergeResults(chunks);
    if (chunks.length >= 2 && r.dpsError / r.mean <= target) return { end: offset + 1000, chunks };
  }
  return { end: cap, chunks };
}

/** mergeResults of a local run of the job's chunks (1,000 iterations each, as create_job splits). */
export function localJobResult(config: SimConfig, seed: number, iterations: number): JobResult {
  const chunks: ChunkResult[] = [];
  for (let offset = 0; offset < iterations; offset += 1000)
    chunks.push(
      simulate(config, { seed, seedOffset: offset, iterations: Math.min(1000, iterations - offset) }),
    );
  return mergeResults(chunks);
}

export interface ChunkRow {
  id: string;
  node_id: string | null;
  replica_of: string | null;
  replica_role: string;
  status: string;
  verdict: string | null;
  iterations: number;
  seed_offset: number;
  exclude_owners: string[];
}

export async function chunkRows(db: pg.Client, jobId: string): Promise<ChunkRow[]> {
  const { rows } = await db.query(
    `SELECT id, node_id, replica_of, replica_role, status, verdict, iterations, seed_offset,
            exclude_owners::text[] AS exclude_owners
     FROM jobs_chunks WHERE job_id = $1 ORDER BY seed_offset, created_at`,
    [jobId],
  );
  return rows as ChunkRow[];
}

/** Replicated iterations ÷ useful iterations of one job. */
export function overheadOf(rows: ChunkRow[]): number {
  let copies = 0;
  let useful = 0;
  for (const r of rows) {
    if (r.replica_of !== null && r.status === 'completed') copies += r.iterations;
    if (r.replica_of === null) useful += r.iterations;
  }
  return copies / useful;
}

export async function nodeTrust(
  db: pg.Client,
  nodeId: string,
): Promise<{ trust_streak: number; mismatches: number; quarantined: boolean; credited_iterations: number }> {
  const { rows } = await db.query(
    `SELECT trust_streak, mismatches, quarantined_at IS NOT NULL AS quarantined, credited_iterations::int AS credited_iterations
     FROM nodes WHERE id = $1`,
    [nodeId],
  );
  return rows[0] as {
    trust_streak: number;
    mismatches: number;
    quarantined: boolean;
    credited_iterations: number;
  };
}
