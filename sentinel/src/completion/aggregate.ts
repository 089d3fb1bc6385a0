// A job whose every chunk has its accepted result gets the merged result, exactly once: the
// job row is locked and must still be running with all chunks counted. Runs inside the
// completion's transaction (slow path), in its own after a one-statement completion, and from
// maintenance for a job whose aggregation was lost (the sentinel died in between).
import {
  compareVariants,
  mergeResults,
  runSamples,
  SmartStop,
  smartRule,
  type MergeableChunk,
  type StopReason,
} from '@wowlab/sim-core';
import type { ChunkResultWire } from 'wowlab-node/protocol';
import { decodeSamplesFast } from './samples.ts';
import { completeJob, correctJobResult, lockJobToAggregate, lockJobToCorrect } from '../db/complete-chunk.ts';
import { failJobs } from '../db/fail-jobs.ts';
import { withTransaction, type Db, type DbClient } from '../db/pool.ts';
import type { SentinelEvents } from '../events.ts';
import { loadAcceptedResults, type AcceptedResult } from '../db/trust-results.ts';

export interface Aggregation {
  jobCompleted: boolean;
  /** The error the job failed with, when merging failed. */
  failed: string | null;
  /** A recheck changed the published result of the completed job. */
  corrected?: boolean;
}

/** Aggregations this process runs now, by job. */
const aggregating = new Map<string, Promise<Aggregation>>();

/** Whether this process is aggregating the job now (a completion need not look whether it is full). */
export function aggregatingHere(jobId: string): boolean {
  return aggregating.has(jobId);
}

/**
 * aggregateJob in its own transaction, one at a time per job in this process. Completions that
 * find the job full while its aggregation runs here answer at once instead of queueing on the
 * job row lock behind it (a merge holds it for a whole job's results): the running one completes
 * the job. Should it fail, the first of them runs it again in the background (announced like
 * any other); maintenance merges a job whose every attempt was lost.
 */
export async function aggregateOnce(
  deps: { db: Db; events: SentinelEvents },
  jobId: string,
): Promise<Aggregation> {
  const running = aggregating.get(jobId);
  if (running) {
    void running.then(undefined, () =>
      aggregateOnce(deps, jobId).then(
        (a) => announceAggregation(deps.events, jobId, a),
        () => {},
      ),
    );
    return { jobCompleted: false, failed: null };
  }
  const run = withTransaction(deps.db, (c) => aggregateJob(c, jobId));
  aggregating.set(jobId, run);
  try {
    return await run;
  } finally {
    aggregating.delete(jobId);
  }
}

export async function aggregateJob(client: DbClient, jobId: string): Promise<Aggregation> {
  const job = await lockJobToAggregate(client, jobId);
  if (!job) return { jobCompleted: false, failed: null };
  const accepted = await loadAcceptedResults(client, jobId);
  let merged: unknown;
  try {
    merged = mergeJob(accepted, job.variants, job.smart);
  } catch (err) {
    const error = `aggregation failed: ${err instanceof Error ? err.message : String(err)}`;
    await failJobs(client, [{ jobId, error }]);
    return { jobCompleted: false, failed: error };
  }
  return { jobCompleted: await completeJob(client, jobId, merged), failed: null };
}

/**
 * A recheck of one of a completed job's published results was judged (docs/trust.md): once
 * every chunk has its accepted result again (other rechecks may still run), the job is merged
 * anew; a different result replaces the published one and the job is marked corrected. Runs in
 * the recheck's completion transaction, which holds the job row. True when corrected.
 */
export async function correctJob(client: DbClient, jobId: string): Promise<boolean> {
  const job = await lockJobToCorrect(client, jobId);
  if (!job) return false;
  const accepted = await loadAcceptedResults(client, jobId);
  if (accepted.length !== job.chunksTotal || accepted.some((r) => r.text === null)) return false;
  let merged: unknown;
  try {
    merged = mergeJob(accepted, job.variants, job.smart);
  } catch {
    return false; // the published result stands: it merged once, a recheck cannot unmerge it
  }
  return correctJobResult(client, jobId, merged);
}

/**
 * The job's result: the base config's chunks merged exactly (mergeResults), and for a job with
 * variants, `variants`: each variant's DPS and its difference from the base with 95 % errors
 * from paired iterations (same seeds), best first, with the iterations each ran. A smart sim
 * also says why each run stopped (`stopped`: its target error, eliminated below the best, or the
 * cap), replaying its stopping rule over the same chunks.
 */
export function mergeJob(
  accepted: readonly AcceptedResult[],
  variants: readonly string[],
  smart: { target: number; eliminate: boolean } | null = null,
): unknown {
  const runs: MergeableChunk[][] = Array.from({ length: variants.length + 1 }, () => []);
  for (const r of accepted) {
    const run = runs[r.variant];
    if (!run)
      throw new Error(`a chunk result belongs to variant ${r.variant}, the job has ${variants.length}`);
    run.push(storedResult(r.text));
  }
  const stopped = smart ? stopReasons(runs, variants, smart) : null;
  const base = mergeResults(runs[0]!);
  const head = stopped ? { ...base, stopped: stopped[0]! } : base;
  if (variants.length === 0) return head;
  const comparison = compareVariants(
    { samples: runSamples(runs[0]!) },
    variants.map((name, k) => ({ name, samples: runSamples(runs[k + 1]!) })),
  );
  const index = new Map(variants.map((name, k) => [name, k + 1]));
  return {
    ...head,
    variants: comparison.map((c) => (stopped ? { ...c, stopped: stopped[index.get(c.name)!]! } : c)),
  };
}

/** Why each run of a smart sim stopped: its stopping rule replayed over its chunks in seed order. */
function stopReasons(
  runs: MergeableChunk[][],
  variants: readonly string[],
  smart: { target: number; eliminate: boolean },
): StopReason[] {
  const stopper = new SmartStop(runs.length, smart.target, Infinity, smartRule(variants, smart.eliminate));
  // loadAcceptedResults gives each run's chunks in seed order already
  runs.forEach((chunks, i) => {
    for (const c of chunks) stopper.push(i, { n: c.n, mean: c.mean, m2: c.m2, samples: c.samples });
  });
  stopper.advance();
  return stopper.runs.map((r) => r.stopped ?? 'cap');
}

/** Tells listeners (metrics, the bot) what an aggregation did to its job. */
export function announceAggregation(events: SentinelEvents, jobId: string, a: Aggregation): void {
  if (a.jobCompleted) events.emit('jobCompleted', { jobId });
  if (a.failed) events.emit('jobFailed', { jobId, error: a.failed });
  if (a.corrected) events.emit('jobCorrected', { jobId });
}

/** A stored chunk result (its canonical JSON, samples encoded as on the wire), samples decoded. */
function storedResult(text: string | null): MergeableChunk {
  if (text === null) throw new Error('a chunk result was dropped before its job was merged');
  const wire = JSON.parse(text) as
    ChunkResultWire | (Omit<ChunkResultWire, 'samples'> & { samples: number[] });
  // results stored before samples were encoded hold an array of numbers
  const samples = Array.isArray(wire.samples) ? wire.samples : decodeSamplesFast(wire.samples);
  if (!samples)
    throw new Error(`a stored chunk result (seedOffset ${wire.seedOffset}) has undecodable samples`);
  return { ...wire, samples };
}
