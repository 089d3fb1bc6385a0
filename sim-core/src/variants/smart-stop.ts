/**
 * Smart sims: when to stop each run of a job (the base and its variants) that asks for a target
 * error instead of a fixed iteration count. Runs advance in stages: stage L is reached once every
 * run still going has its first L chunks (in seed order). At each stage, in this order:
 *
 * 1. a run whose merged 95 % error (z₉₅ · population σ / √n, as mergeResults prints it) is at
 *    most `target` × its |mean| stops (`target`), from MIN_TARGET_CHUNKS chunks on;
 * 2. a run that has all its chunks stops (`cap`: the job's iterations are the cap);
 * 3. with elimination (variants compared, not stat weights): a run still going whose upper
 *    bound (mean + error) is below the lower bound of the best run (highest mean) stops
 *    (`eliminated`), from MIN_TARGET_CHUNKS chunks on — Raidbots' staged smart sim.
 *
 * Decisions depend only on the chunks of each prefix, so the same seed stops every run at the
 * same chunk whatever nodes computed them and in whatever order they arrived; replaying the
 * accepted chunks (aggregation) gives the same stops and reasons.
 */
import { Z95 } from '../stats/confidence.ts';

/** Fewest chunks a run takes before it may stop (an error estimate from fewer is noise). */
export const MIN_TARGET_CHUNKS = 2;

/** Target errors a smart sim may ask for, as fractions of the mean (create_job checks the same). */
export const TARGET_ERROR_RANGE = { min: 0.0001, max: 0.1 } as const;

/** Iterations per run at most when a smart sim does not say (the CLI's cap). */
export const SMART_DEFAULT_CAP = 100_000;

export type StopReason = 'target' | 'cap' | 'eliminated';

/** One chunk's statistics: iterations, mean DPS and the sum of squared deviations. */
export interface ChunkStats {
  n: number;
  mean: number;
  m2: number;
}

export interface RunProgress {
  /** Chunks merged so far (the prefix). */
  chunks: number;
  n: number;
  mean: number;
  m2: number;
  stopped: StopReason | null;
}

export interface RunStop {
  run: number;
  chunks: number;
  reason: StopReason;
}

export class SmartStop {
  readonly runs: RunProgress[];
  /** Chunks received in seed order per run, not yet merged (they wait for the stage). */
  private readonly waiting: ChunkStats[][];
  private stage = 0;

  /**
   * @param runCount the base and its variants
   * @param target relative 95 % error to reach (0.001 = ±0.1 %)
   * @param chunksPerRun chunks of each run at the cap
   */
  constructor(
    runCount: number,
    readonly target: number,
    readonly chunksPerRun: number,
    readonly eliminate: boolean,
  ) {
    this.runs = Array.from({ length: runCount }, () => ({ chunks: 0, n: 0, mean: 0, m2: 0, stopped: null }));
    this.waiting = Array.from({ length: runCount }, () => []);
  }

  /** Chunks of `run` received so far (merged or waiting): the seed order position of the next. */
  received(run: number): number {
    return this.runs[run]!.chunks + this.waiting[run]!.length;
  }

  /** The next chunk of `run` in seed order; ignored once the run stopped. */
  push(run: number, chunk: ChunkStats): void {
    if (this.runs[run]!.stopped === null) this.waiting[run]!.push(chunk);
  }

  get done(): boolean {
    return this.runs.every((r) => r.stopped !== null);
  }

  /** Merges every stage whose chunks are all in; returns the runs it stopped. */
  advance(): RunStop[] {
    const stops: RunStop[] = [];
    for (;;) {
      const going = this.runs.flatMap((r, i) => (r.stopped === null ? [i] : []));
      if (going.length === 0 || going.some((i) => this.waiting[i]!.length === 0)) return stops;
      this.stage++;
      for (const i of going) add(this.runs[i]!, this.waiting[i]!.shift()!);
      for (const i of going) {
        const r = this.runs[i]!;
        if (r.stopped !== null) continue;
        if (r.chunks >= MIN_TARGET_CHUNKS && relativeError(r) <= this.target) stop(r, i, 'target', stops);
        else if (r.chunks >= this.chunksPerRun) stop(r, i, 'cap', stops);
      }
      if (this.eliminate && this.stage >= MIN_TARGET_CHUNKS) this.eliminateBelowBest(stops);
      for (const s of stops) this.waiting[s.run]!.length = 0;
    }
  }

  private eliminateBelowBest(stops: RunStop[]): void {
    let best = -1;
    for (let i = 0; i < this.runs.length; i++)
      if (best < 0 || this.runs[i]!.mean > this.runs[best]!.mean) best = i;
    const b = this.runs[best]!;
    const floor = b.mean - error(b);
    this.runs.forEach((r, i) => {
      if (r.stopped === null && i !== best && r.mean + error(r) < floor) stop(r, i, 'eliminated', stops);
    });
  }
}

function stop(r: RunProgress, run: number, reason: StopReason, stops: RunStop[]): void {
  r.stopped = reason;
  stops.push({ run, chunks: r.chunks, reason });
}

/** Merges chunk statistics (Chan et al.) in seed order. */
function add(r: RunProgress, c: ChunkStats): void {
  r.chunks++;
  const n = r.n + c.n;
  if (n === 0) return;
  const d = c.mean - r.mean;
  r.mean += (d * c.n) / n;
  r.m2 += c.m2 + (d * d * r.n * c.n) / n;
  r.n = n;
}

/** 95 % half-width of the run's mean. */
function error(r: RunProgress): number {
  return r.n === 0 ? Infinity : (Z95 * Math.sqrt(r.m2 / r.n)) / Math.sqrt(r.n);
}

/** The run's 95 % error as a fraction of its mean. */
export function relativeError(r: RunProgress): number {
  if (r.n === 0 || r.mean === 0) return Infinity;
  return error(r) / Math.abs(r.mean);
}
