// Why a job is where it is, in a player's words: what it waits for, who may run it, what runs
// it now and what the player can do. Pure: the job page passes what it already reads.
import type { AccessType, Job, JobChunkSummary } from '$lib/api/types';
import { isStatWeightVariants } from '@wowlab/sim-core';
import { formatDate, formatInt } from '$lib/format';

export interface JobStatusInput {
  job: Pick<
    Job,
    'status' | 'access_type' | 'error' | 'chunks_completed' | 'chunks_total' | 'completed_iterations'
  > & { corrected_at?: string | null };
  /** The job's chunk rows (null: not readable, e.g. a signed-out visitor of a public job). */
  chunks: JobChunkSummary[] | null;
  /** The viewer owns the job. */
  mine: boolean;
  /** This tab is computing the viewer's own sims right now. */
  tabRunning: boolean;
  /** Iterations per second over the last samples, null while unknown. */
  rate: number | null;
}

export interface JobStatusText {
  /** One line: where the job is. */
  headline: string;
  /** Why, and who may run or verify it. */
  detail: string | null;
  /** What the viewer can do about it. */
  actions: string[];
}

const WHO_MAY_RUN: Record<AccessType, string> = {
  private: 'only your own nodes and your open tab may run it',
  user: 'your own nodes, your open tab and the nodes of the users you shared it with may run it',
  discord: 'your own nodes, your open tab and nodes shared with its Discord server may run it',
  public: 'any contributor may run it',
};

function count(chunks: JobChunkSummary[], pred: (c: JobChunkSummary) => boolean): number {
  let n = 0;
  for (const c of chunks) if (pred(c)) n++;
  return n;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatInt(n)} ${n === 1 ? one : many}`;
}

export function describeJob(input: JobStatusInput): JobStatusText {
  const { job, chunks, mine, tabRunning, rate } = input;
  switch (job.status) {
    case 'completed':
      return {
        headline: job.corrected_at ? 'Done — corrected' : 'Done',
        detail: job.corrected_at
          ? `A volunteer that worked on this sim was caught sending false results; its part was recomputed and the result corrected on ${formatDate(job.corrected_at)}.`
          : null,
        actions: [],
      };
    case 'failed':
      return { headline: 'The sim failed', detail: job.error ?? 'No reason was given.', actions: [] };
    case 'cancelled':
      return { headline: 'Cancelled', detail: 'Chunks not yet computed will not run.', actions: [] };
  }
  const who = WHO_MAY_RUN[job.access_type];
  const actions: string[] = [];
  if (mine && !tabRunning) actions.push('Keep this page open: your tab runs your own sim.');
  if (mine && job.access_type === 'private')
    actions.push(
      'Next time, make it public (or share it with a Discord server) so every contributor can help.',
    );
  if (mine) actions.push('Press Contribute to help others — their tabs help you in return.');

  if (chunks === null && (job.status === 'running' || job.completed_iterations > 0)) {
    // a visitor who cannot read the chunks: the job row still says it runs, and how fast
    const speed = rate && rate > 0 ? ` at ${formatInt(Math.round(rate))} iterations/s` : '';
    return {
      headline: `Running${speed}`,
      detail: `${formatInt(job.chunks_completed)} of ${plural(job.chunks_total, 'chunk')} done; ${who}.`,
      actions,
    };
  }
  const copies = chunks ?? [];
  const running = count(copies, (c) => c.status === 'running');
  const nodes = new Set(copies.filter((c) => c.status === 'running' && c.node_id).map((c) => c.node_id)).size;
  const waitingOriginals = count(
    copies,
    (c) => c.status === 'pending' && (c.replica_role ?? 'primary') === 'primary',
  );
  const waitingChecks = count(
    copies,
    (c) => c.status === 'pending' && (c.replica_role ?? 'primary') !== 'primary',
  );

  if (running > 0) {
    const speed = rate && rate > 0 ? ` at ${formatInt(Math.round(rate))} iterations/s` : '';
    const here = tabRunning ? ' (this tab among them)' : '';
    return {
      headline: `Running${speed} on ${plural(nodes, 'node')}${here}`,
      detail:
        waitingChecks > 0
          ? `${plural(waitingChecks, 'chunk')} computed by volunteers ${waitingChecks === 1 ? 'waits' : 'wait'} for verification by another owner's node or a platform node; ${who}.`
          : `${formatInt(job.chunks_completed)} of ${plural(job.chunks_total, 'chunk')} done; ${who}.`,
      actions,
    };
  }
  if (waitingOriginals === 0 && waitingChecks > 0) {
    return {
      headline: 'Waiting for verification',
      detail: `Volunteers computed every chunk; ${plural(waitingChecks, 'result')} ${waitingChecks === 1 ? 'is' : 'are'} waiting to be checked by a node of another owner, a platform node or your own tab, before they count.`,
      actions,
    };
  }
  if (tabRunning)
    return { headline: 'Starting in this tab…', detail: `Your tab is about to compute it; ${who}.`, actions };
  return {
    headline: 'Waiting for a node',
    detail: `No node is running it yet: ${who}.`,
    actions,
  };
}

/** A smart sim (target error) in words: what it waits for, or where and why it stopped. */
export function describeSmartSim(
  job: Pick<Job, 'status' | 'total_iterations' | 'target_error'> & {
    result?: {
      mean: number;
      dpsError: number;
      iterations: number;
      stopped?: 'target' | 'cap' | 'eliminated';
      variants?: Array<{ name: string; iterations?: number }>;
    } | null;
    variants?: Array<{ name: string }> | null;
  },
): string | null {
  const target = job.target_error;
  if (target === null || target === undefined) return null;
  const pct = (x: number) => `±${(x * 100).toFixed(x < 0.001 ? 3 : 2)} %`;
  const r = job.result;
  const many = (job.variants?.length ?? 0) > 0;
  if (many && isStatWeightVariants(job.variants!.map((v) => v.name)))
    return describeSmartWeights(job, pct(target));
  if (job.status !== 'completed' || !r)
    return many
      ? `Smart sim: the base and each variant stop once their error is within ${pct(target)} of their mean DPS; variants clearly below the best stop earlier.`
      : `Smart sim: it stops once its error is within ${pct(target)} of the mean DPS (at most ${formatInt(job.total_iterations)} iterations).`;
  const reached = r.mean !== 0 ? r.dpsError / Math.abs(r.mean) : Infinity;
  const who = many ? 'The base stopped' : 'Stopped';
  if (r.stopped === 'eliminated')
    return `${who} at ${formatInt(r.iterations)} iterations: clearly below the best variant (error ${pct(reached)}). The table says where each variant stopped.`;
  const tail = many ? ' The table says where each variant stopped.' : '';
  return reached <= target
    ? `${who} at ${formatInt(r.iterations)} iterations: the error (${pct(reached)}) reached the target ${pct(target)}.${tail}`
    : `Ran all ${formatInt(r.iterations)} iterations: the error ${pct(reached)} did not reach the target ${pct(target)}.${tail}`;
}

/**
 * A stat-weights smart sim: each weight runs until the error of its difference from the base is
 * within the target (as a share of the base DPS), the base until its own error is and no weight
 * still runs (sim-core's paired rule).
 */
function describeSmartWeights(job: Parameters<typeof describeSmartSim>[0], target: string): string {
  const r = job.result;
  if (job.status !== 'completed' || !r)
    return `Smart stat weights: each weight runs until its error is within ${target} of the base DPS, the base until its own error is and no weight still runs.`;
  const per = (r.variants ?? [])
    .filter((v) => typeof v.iterations === 'number')
    .map((v) => `${v.name.replace(/ \+[\d,]+$/, '')} ${formatInt(v.iterations!)}`);
  const capped = r.stopped === 'cap';
  return (
    `${capped ? 'Ran all' : 'The base stopped at'} ${formatInt(r.iterations)} iterations` +
    (capped
      ? ` without every weight reaching ${target}.`
      : `: every weight is within ${target} of the base DPS.`) +
    (per.length > 0 ? ` Iterations per weight: ${per.join(', ')}.` : '')
  );
}

/** What kind of sim a job is, for lists: "3 variants", "stat weights", "smart sim", or "". */
export function describeJobKind(job: Pick<Job, 'variants' | 'target_error'>): string {
  const names = (job.variants ?? []).map((v) => v.name);
  const parts: string[] = [];
  if (isStatWeightVariants(names)) parts.push('stat weights');
  else if (names.length > 0) parts.push(names.length === 1 ? '1 variant' : `${names.length} variants`);
  if (job.target_error !== null && job.target_error !== undefined) parts.push('smart sim');
  return parts.join(' · ');
}
