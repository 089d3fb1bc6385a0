// Smart sims: a job with a target error stops at the first prefix of its chunks, in seed order,
// whose merged 95 % error is at most target × mean DPS (the error mergeResults prints: z₉₅ ·
// population σ / √n). The prefix depends only on the seed, so the job stops at the same chunk
// and publishes the same result whatever nodes ran it and in which order. Checked after each
// accepted chunk of such a job, one check at a time per job here; each instance keeps where it
// got to, so a check reads only the chunks accepted since. Two instances stopping one job stop
// it at the same point; the second finds it completed.
import { Z95 } from '@wowlab/sim-core';
import { acceptedFrom, jobTargetError, runningTarget, stopJobAt } from '../db/target-error.ts';
import { withTransaction, type Db } from '../db/pool.ts';
import { aggregateJob, type Aggregation } from './aggregate.ts';

/** Fewest chunks a smart sim runs before it may stop (an error estimate from fewer is noise). */
export const MIN_TARGET_CHUNKS = 2;

interface Progress {
  /** Iterations of the contiguous prefix merged so far (next chunk's seed offset). */
  end: number;
  chunks: number;
  n: number;
  mean: number;
  m2: number;
}

const CACHE_MAX = 10_000;
const targets = new Map<string, number | null>();
const progress = new Map<string, Progress>();
/** Checks of one job run one after the other in this process (they share its progress). */
const queues = new Map<string, Promise<unknown>>();

/** Merges chunk statistics (Chan et al.), as mergeResults does, in seed order. */
function add(p: Progress, c: { n: number; mean: number; m2: number }): void {
  const n = p.n + c.n;
  const d = c.mean - p.mean;
  p.mean += (d * c.n) / n;
  p.m2 += c.m2 + (d * d * p.n * c.n) / n;
  p.n = n;
}

/** The relative 95 % error of the merged prefix. */
function relativeError(p: Progress): number {
  if (p.n === 0 || p.mean === 0) return Infinity;
  return (Z95 * Math.sqrt(p.m2 / p.n)) / Math.sqrt(p.n) / Math.abs(p.mean);
}

/**
 * After a chunk of `jobId` was accepted: stops and aggregates the job when its prefix reached the
 * target. Null when the job has no target (or nothing happened).
 */
export async function checkTargetError(db: Db, jobId: string): Promise<Aggregation | null> {
  let target = targets.get(jobId);
  if (target === undefined) {
    const t = await jobTargetError(db, jobId);
    if (t === undefined) return null;
    if (targets.size >= CACHE_MAX) targets.clear();
    targets.set(jobId, (target = t));
  }
  if (target === null) return null;
  const goal = target;
  const before = queues.get(jobId) ?? Promise.resolve();
  const run = before.catch(() => undefined).then(() => check(db, jobId, goal));
  queues.set(jobId, run);
  try {
    return await run;
  } finally {
    if (queues.get(jobId) === run) queues.delete(jobId);
  }
}

async function check(db: Db, jobId: string, goal: number): Promise<Aggregation | null> {
  return withTransaction(db, async (client) => {
    if ((await runningTarget(client, jobId)) === null) {
      progress.delete(jobId);
      return null;
    }
    const p = { ...(progress.get(jobId) ?? { end: 0, chunks: 0, n: 0, mean: 0, m2: 0 }) };
    for (const r of await acceptedFrom(client, jobId, p.end)) {
      if (r.seedOffset !== p.end || r.text === null) break; // a gap: the prefix ends here for now
      add(p, JSON.parse(r.text) as { n: number; mean: number; m2: number });
      p.end += r.iterations;
      p.chunks++;
      if (p.chunks >= MIN_TARGET_CHUNKS && relativeError(p) <= goal) {
        progress.delete(jobId);
        await stopJobAt(client, jobId, p.end, p.chunks);
        return aggregateJob(client, jobId);
      }
    }
    if (progress.size >= CACHE_MAX) progress.clear();
    progress.set(jobId, p);
    return null;
  });
}
