// Smart sims: a job with a target error stops each of its runs (the base and every variant) at
// the first stage where sim-core's SmartStop says so — its own error within the target, or (with
// elimination) clearly below the best run; in a stat-weights job a variant stops on the error of
// its paired Δ vs the base, and the base waits for the variants it pairs with. Stages are prefixes of the chunks in seed order, so
// the job stops at the same chunks and publishes the same result whatever nodes ran them and in
// which order. Checked after each accepted chunk of such a job, one check at a time per job here;
// each instance keeps where it got to, so a check reads only the chunks accepted since. Two
// instances stopping one run stop it at the same point; the second finds the rows dropped.
import { SmartStop, smartRule, type ChunkStats } from '@wowlab/sim-core';
import type { ChunkResultWire } from 'wowlab-node/protocol';
import {
  acceptedFrom,
  jobRunning,
  smartJob,
  stopRunsAt,
  type DroppedChunk,
  type SmartJob,
} from '../db/target-error.ts';
import { withTransaction, type Db } from '../db/pool.ts';
import { aggregateJob, type Aggregation } from './aggregate.ts';
import { decodeSamplesFast } from './samples.ts';

interface Progress {
  stopper: SmartStop;
  /** Per run: the seed offset of the next chunk to read, and the end offset after each chunk read. */
  next: number[];
  ends: number[][];
}

const CACHE_MAX = 10_000;
const settings = new Map<string, SmartJob | null>();
const progress = new Map<string, Progress>();
/** Checks of one job run one after the other in this process (they share its progress). */
const queues = new Map<string, Promise<unknown>>();

/** What a check stopped: the aggregation when the job is now complete, and the dropped chunks nodes still run. */
export interface SmartStopOutcome {
  aggregation: Aggregation | null;
  dropped: DroppedChunk[];
}

const NOTHING: SmartStopOutcome = { aggregation: null, dropped: [] };

/**
 * After a chunk of `jobId` was accepted: stops the runs that reached their stopping point, and
 * aggregates the job when nothing else is left to count. Nothing when the job is not a smart sim
 * (or nothing stopped).
 */
export async function checkTargetError(db: Db, jobId: string): Promise<SmartStopOutcome> {
  let smart = settings.get(jobId);
  if (smart === undefined) {
    const s = await smartJob(db, jobId);
    if (s === undefined) return NOTHING;
    if (settings.size >= CACHE_MAX) settings.clear();
    settings.set(jobId, (smart = s));
  }
  if (smart === null) return NOTHING;
  const job = smart;
  const before = queues.get(jobId) ?? Promise.resolve();
  const run = before.catch(() => undefined).then(() => check(db, jobId, job));
  queues.set(jobId, run);
  try {
    return await run;
  } finally {
    if (queues.get(jobId) === run) queues.delete(jobId);
  }
}

async function check(db: Db, jobId: string, smart: SmartJob): Promise<SmartStopOutcome> {
  try {
    return await withTransaction(db, async (client) => {
      if (!(await jobRunning(client, jobId))) {
        progress.delete(jobId);
        return NOTHING;
      }
      let p = progress.get(jobId);
      if (!p) {
        if (progress.size >= CACHE_MAX) progress.clear();
        const rule = smartRule(smart.variants, smart.eliminate);
        p = {
          stopper: new SmartStop(smart.runs, smart.target, smart.chunksPerRun, rule),
          next: new Array<number>(smart.runs).fill(0),
          ends: Array.from({ length: smart.runs }, () => []),
        };
        progress.set(jobId, p);
      }
      const going = p.stopper.runs.flatMap((r, i) => (r.stopped === null ? [i] : []));
      if (going.length === 0) return NOTHING;
      const from = Math.min(...going.map((i) => p.next[i]!));
      const gap = new Set<number>();
      for (const r of await acceptedFrom(client, jobId, going, from)) {
        // a gap in a run: its prefix ends here for now
        if (gap.has(r.run) || r.seedOffset !== p.next[r.run] || r.text === null) {
          gap.add(r.run);
          continue;
        }
        p.stopper.push(r.run, chunkStats(r.text, p.stopper.rule === 'paired'));
        p.next[r.run]! += r.iterations;
        p.ends[r.run]!.push(p.next[r.run]!);
      }
      const stops = p.stopper.advance();
      if (stops.length === 0) return NOTHING;
      const { last, running } = await stopRunsAt(
        client,
        jobId,
        stops.map((s) => s.run),
        stops.map((s) => p.ends[s.run]![s.chunks - 1]!),
      );
      if (p.stopper.done) progress.delete(jobId);
      return { aggregation: last ? await aggregateJob(client, jobId) : null, dropped: running };
    });
  } catch (err) {
    progress.delete(jobId); // read again from the database next time
    throw err;
  }
}

/** A stored result's statistics; with `samples`, its per-iteration DPS too (a paired rule needs them). */
function chunkStats(text: string, samples: boolean): ChunkStats {
  const r = JSON.parse(text) as ChunkResultWire | (Omit<ChunkResultWire, 'samples'> & { samples: number[] });
  if (!samples) return { n: r.n, mean: r.mean, m2: r.m2 };
  // results stored before samples were encoded hold an array of numbers
  const decoded = Array.isArray(r.samples) ? r.samples : decodeSamplesFast(r.samples);
  if (!decoded) throw new Error(`a stored chunk result (seedOffset ${r.seedOffset}) has undecodable samples`);
  return { n: r.n, mean: r.mean, m2: r.m2, samples: decoded };
}
