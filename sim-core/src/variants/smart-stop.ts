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
 * Stat weights (rule `paired`) replace step 1, since what a weight needs is the error of its
 * Δ, not of the variant's own DPS, and with common random numbers the paired differences
 * (variant − base, iteration by iteration over the same seeds) vary far less than either DPS:
 *
 * 1a. a variant stops (`target`) from MIN_TARGET_CHUNKS chunks on once the 95 % error of its
 *     paired Δ over the stage's prefix (z₉₅ · population σ of the differences / √n, as
 *     compareVariants prints it) is at most `target` × |the base's mean over the same prefix|;
 * 1b. the base stops (`target`) once its own error is within the target, as in step 1, and no
 *     variant is still going: every variant is paired with the base over the iterations it ran,
 *     so the base runs at least as far as the furthest variant. A variant therefore never stops
 *     later than the base, and each stage's base chunk (same seeds) is always there to pair with.
 *
 * Decisions depend only on the chunks of each prefix, so the same seed stops every run at the
 * same chunk whatever nodes computed them and in whatever order they arrived; replaying the
 * accepted chunks (aggregation) gives the same stops and reasons.
 */
import { Z95 } from '../stats/confidence.ts';
import { isStatWeightVariants } from './stat-weights.ts';

/** Fewest chunks a run takes before it may stop (an error estimate from fewer is noise). */
export const MIN_TARGET_CHUNKS = 2;

/** Target errors a smart sim may ask for, as fractions of the mean (create_job checks the same). */
export const TARGET_ERROR_RANGE = { min: 0.0001, max: 0.1 } as const;

/** Iterations per run at most when a smart sim does not say (the CLI's cap). */
export const SMART_DEFAULT_CAP = 100_000;

export type StopReason = 'target' | 'cap' | 'eliminated';

/**
 * How a smart sim's runs stop: `each` on its own DPS error; `eliminate` also drops variants
 * clearly below the best; `paired` (stat weights) stops each variant on the error of its Δ vs
 * the base (see above).
 */
export type SmartRule = 'each' | 'eliminate' | 'paired';

/**
 * The rule of a smart sim with these variants (names in order) that asked for elimination or
 * not: stat weights are paired (every weight is needed, so none is eliminated), other variants
 * are eliminated when asked. The sentinel, its aggregation and the CLI all decide it here.
 */
export function smartRule(variantNames: readonly string[], eliminate: boolean): SmartRule {
  if (variantNames.length > 0 && isStatWeightVariants(variantNames)) return 'paired';
  return eliminate && variantNames.length > 0 ? 'eliminate' : 'each';
}

/**
 * One chunk's statistics: iterations, mean DPS and the sum of squared deviations; with the
 * `paired` rule also its per-iteration DPS in iteration order (the pairing needs them).
 */
export interface ChunkStats {
  n: number;
  mean: number;
  m2: number;
  samples?: ArrayLike<number>;
}

/** Merged moments of a prefix: count, mean and sum of squared deviations. */
export interface Moments {
  n: number;
  mean: number;
  m2: number;
}

export interface RunProgress extends Moments {
  /** Chunks merged so far (the prefix). */
  chunks: number;
  /** `paired` rule, variants only: Δ = variant − base per iteration over the prefix. */
  delta: Moments | null;
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
   * @param runCount the base (run 0) and its variants
   * @param target relative 95 % error to reach (0.001 = ±0.1 %)
   * @param chunksPerRun chunks of each run at the cap
   * @param rule how runs stop (smartRule)
   */
  constructor(
    runCount: number,
    readonly target: number,
    readonly chunksPerRun: number,
    readonly rule: SmartRule,
  ) {
    const paired = rule === 'paired';
    this.runs = Array.from({ length: runCount }, (_, i) => ({
      chunks: 0,
      n: 0,
      mean: 0,
      m2: 0,
      delta: paired && i > 0 ? { n: 0, mean: 0, m2: 0 } : null,
      stopped: null,
    }));
    this.waiting = Array.from({ length: runCount }, () => []);
  }

  /** Chunks of `run` received so far (merged or waiting): the seed order position of the next. */
  received(run: number): number {
    return this.runs[run]!.chunks + this.waiting[run]!.length;
  }

  /** The next chunk of `run` in seed order; ignored once the run stopped. */
  push(run: number, chunk: ChunkStats): void {
    if (this.rule === 'paired' && chunk.samples?.length !== chunk.n)
      throw new RangeError("a stat-weights smart sim needs each chunk's samples");
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
      const chunks = going.map((i) => this.waiting[i]!.shift()!);
      going.forEach((i, k) => add(this.runs[i]!, chunks[k]!));
      if (this.rule === 'paired') this.stopPaired(going, chunks, stops);
      else
        for (const i of going) {
          const r = this.runs[i]!;
          if (r.chunks >= MIN_TARGET_CHUNKS && relativeError(r) <= this.target) stop(r, i, 'target', stops);
          else if (r.chunks >= this.chunksPerRun) stop(r, i, 'cap', stops);
        }
      if (this.rule === 'eliminate' && this.stage >= MIN_TARGET_CHUNKS) this.eliminateBelowBest(stops);
      for (const s of stops) this.waiting[s.run]!.length = 0;
    }
  }

  /**
   * Steps 1a/1b: variants on their Δ's error, then the base on its own once no variant is
   * going. The base is going whenever a variant is, so going[0] is the base and chunks[0] its
   * chunk over the same seeds as every variant's chunk of this stage.
   */
  private stopPaired(going: readonly number[], chunks: readonly ChunkStats[], stops: RunStop[]): void {
    const base = this.runs[0]!;
    const baseSamples = chunks[0]!.samples!;
    const allowed = this.target * Math.abs(base.mean);
    for (let k = 1; k < going.length; k++) {
      const i = going[k]!;
      const r = this.runs[i]!;
      add(r.delta!, differences(chunks[k]!.samples!, baseSamples));
      if (r.chunks >= MIN_TARGET_CHUNKS && error(r.delta!) <= allowed) stop(r, i, 'target', stops);
      else if (r.chunks >= this.chunksPerRun) stop(r, i, 'cap', stops);
    }
    const variantsGoing = this.runs.some((r, i) => i > 0 && r.stopped === null);
    if (!variantsGoing && base.chunks >= MIN_TARGET_CHUNKS && relativeError(base) <= this.target)
      stop(base, 0, 'target', stops);
    else if (base.chunks >= this.chunksPerRun) stop(base, 0, 'cap', stops);
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

/** Statistics of a chunk's per-iteration differences (variant − base over the same seeds). */
function differences(variant: ArrayLike<number>, base: ArrayLike<number>): Moments {
  const n = base.length;
  if (variant.length !== n) throw new RangeError('a variant must run the same iterations as its base');
  if (n === 0) return { n: 0, mean: 0, m2: 0 };
  let sum = 0;
  for (let j = 0; j < n; j++) sum += variant[j]! - base[j]!;
  const mean = sum / n;
  let m2 = 0;
  for (let j = 0; j < n; j++) {
    const d = variant[j]! - base[j]! - mean;
    m2 += d * d;
  }
  return { n, mean, m2 };
}

/** Merges chunk statistics (Chan et al.) in seed order; counts a chunk of a run's prefix. */
function add(r: Moments & { chunks?: number }, c: Moments): void {
  if (r.chunks !== undefined) r.chunks++;
  const n = r.n + c.n;
  if (n === 0) return;
  const d = c.mean - r.mean;
  r.mean += (d * c.n) / n;
  r.m2 += c.m2 + (d * d * r.n * c.n) / n;
  r.n = n;
}

/** 95 % half-width of the mean. */
function error(r: Moments): number {
  return r.n === 0 ? Infinity : (Z95 * Math.sqrt(r.m2 / r.n)) / Math.sqrt(r.n);
}

/** The run's 95 % error as a fraction of its mean. */
export function relativeError(r: Moments): number {
  if (r.n === 0 || r.mean === 0) return Infinity;
  return error(r) / Math.abs(r.mean);
}
