// Why a job is where it is, in a player's words: what it waits for, who may run it, what runs
// it now and what the player can do. Pure: the job page passes what it already reads.
import type { AccessType, Job, JobActivity, JobChunkSummary } from '$lib/api/types';
import { isStatWeightVariants } from '@wowlab/sim-core';
import { formatDate, formatInt } from '$lib/format';

export interface JobStatusInput {
  job: Pick<
    Job,
    'status' | 'access_type' | 'error' | 'chunks_completed' | 'chunks_total' | 'completed_iterations'
  > & { corrected_at?: string | null };
  /** What its chunks do (null: not readable, e.g. a signed-out visitor of a public job). */
  activity: JobActivity | null;
  /** The viewer owns the job. */
  mine: boolean;
  /** This tab is computing the viewer's own sims right now. */
  tabRunning: boolean;
  /** Iterations per second over the last samples, null while unknown. */
  rate: number | null;
}

const NO_ACTIVITY: Readonly<JobActivity> = {
  nodes: 0,
  disconnectedNodes: 0,
  waitingOriginals: 0,
  waitingChecks: 0,
  failing: 0,
};

/** A job's activity counted from its chunk rows (the job page reads them anyway). */
export function chunkActivity(chunks: readonly JobChunkSummary[]): JobActivity {
  const live = new Set<string>();
  const gone = new Set<string>();
  const a: JobActivity = { ...NO_ACTIVITY };
  for (const c of chunks) {
    if (c.status === 'running') {
      if (c.node_id) (c.node_disconnected_at ? gone : live).add(c.node_id);
    } else if (c.status === 'pending') {
      if ((c.replica_role ?? 'primary') === 'primary') a.waitingOriginals++;
      else a.waitingChecks++;
      if ((c.failed_by ?? 0) > 0) a.failing++;
    }
  }
  a.nodes = live.size;
  a.disconnectedNodes = gone.size;
  return a;
}

/** The job page's advice while nothing runs the player's own unfinished sim. */
export const KEEP_PAGE_OPEN = 'Keep this page open: your tab runs your own sim.';
/** The same advice in My jobs, where the player is not on the job's page. */
export const OPEN_TO_RUN = 'Open it and keep its page open: your tab runs your own sim.';

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

function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatInt(n)} ${n === 1 ? one : many}`;
}

export function describeJob(input: JobStatusInput): JobStatusText {
  const { job, activity, mine, tabRunning, rate } = input;
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
  if (mine && !tabRunning) actions.push(KEEP_PAGE_OPEN);
  if (mine && job.access_type === 'private')
    actions.push(
      'Next time, make it public (or share it with a Discord server) so every contributor can help.',
    );
  if (mine) actions.push('Press Contribute to help others — their tabs help you in return.');
  const failing = activity?.failing ?? 0;
  if (mine && failing > 0)
    // failed_owners counts nodes that left with a chunk as well as nodes that reported an error
    actions.push(
      `Volunteers' nodes gave back ${plural(failing, 'chunk')} unfinished (they left or hit an error): other nodes retry ${failing === 1 ? 'it' : 'them'}, and an error fails your sim only once your own tab or a platform node confirms it.`,
    );

  if (activity === null && (job.status === 'running' || job.completed_iterations > 0)) {
    // a visitor who cannot read the chunks: the job row still says it runs, and how fast
    const speed = rate && rate > 0 ? ` at ${formatInt(Math.round(rate))} iterations/s` : '';
    return {
      headline: `Running${speed}`,
      detail: `${formatInt(job.chunks_completed)} of ${plural(job.chunks_total, 'chunk')} done; ${who}.`,
      actions,
    };
  }
  const { nodes, disconnectedNodes, waitingOriginals, waitingChecks } = activity ?? NO_ACTIVITY;
  // a node whose connection closed holds its chunks until the reconnect grace ends: it does not
  // run them, and they wait for another node unless it comes back
  const one = disconnectedNodes === 1;
  const requeue = one
    ? 'its chunks go back to the queue unless it reconnects shortly'
    : 'their chunks go back to the queue unless they reconnect shortly';
  if (nodes === 0 && disconnectedNodes > 0) {
    return {
      headline: one
        ? 'The node running it disconnected'
        : `The ${formatInt(disconnectedNodes)} nodes running it disconnected`,
      detail: `${requeue[0]!.toUpperCase()}${requeue.slice(1)}; then ${who}.`,
      actions,
    };
  }
  const left =
    disconnectedNodes > 0 ? `${plural(disconnectedNodes, 'more node')} disconnected: ${requeue}. ` : '';
  if (nodes > 0) {
    const speed = rate && rate > 0 ? ` at ${formatInt(Math.round(rate))} iterations/s` : '';
    const here = tabRunning ? ' (this tab among them)' : '';
    return {
      headline: `Running${speed} on ${plural(nodes, 'node')}${here}`,
      detail:
        left +
        (waitingChecks > 0
          ? `${plural(waitingChecks, 'chunk')} computed by volunteers ${waitingChecks === 1 ? 'waits' : 'wait'} for verification by another owner's node or a platform node; ${who}.`
          : `${formatInt(job.chunks_completed)} of ${plural(job.chunks_total, 'chunk')} done; ${who}.`),
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

/** My jobs' words for one row: the job page's state line, with the advice a list can give. */
export interface JobRowText {
  headline: string;
  detail: string | null;
  action: string | null;
}

/**
 * An unfinished job of mine that no connected node runs, in My jobs' row: the same words as its
 * page (describeJob), whose tab is not open here. Null while a node runs it, when it is finished,
 * or when nothing of it waits (`activity` null: no chunk pending or running).
 */
export function describeJobRow(job: JobStatusInput['job'], activity: JobActivity | null): JobRowText | null {
  if (activity === null || activity.nodes > 0) return null;
  if (job.status !== 'pending' && job.status !== 'running') return null;
  const s = describeJob({ job, activity, mine: true, tabRunning: false, rate: null });
  return {
    headline: s.headline,
    detail: s.detail,
    action: s.actions.includes(KEEP_PAGE_OPEN) ? OPEN_TO_RUN : null,
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
