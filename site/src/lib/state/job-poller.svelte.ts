// Polls a job every 2 s until it reaches a final status; keeps progress samples for the ETA.
// A failed poll (e.g. the network) is shown and retried on the next tick, never fatal.
import { toApiError, type ApiError } from '$lib/api/errors';
import type { Job, JobChunkSummary } from '$lib/api/types';
import { etaSeconds, pushSample, rate, type ProgressSample } from '$lib/eta';

export const POLL_MS = 2000;
const FINAL = new Set(['completed', 'failed', 'cancelled']);

export function isFinal(status: string): boolean {
  return FINAL.has(status);
}

export function countDistinctNodes(chunks: JobChunkSummary[]): number {
  const seen: Record<string, true> = {};
  let n = 0;
  for (const c of chunks) {
    if (c.node_id !== null && !seen[c.node_id]) {
      seen[c.node_id] = true;
      n++;
    }
  }
  return n;
}

export interface PollerDeps {
  fetchJob: (id: string) => Promise<Job>;
  fetchChunks?: (id: string) => Promise<JobChunkSummary[]>;
  now?: () => number;
  intervalMs?: number;
}

export class JobPoller {
  job = $state<Job>() as Job;
  eta = $state<number | null>(null);
  nodes = $state<number | null>(null);
  /** The job's chunk rows as last read (null: not readable, or not read yet). */
  chunks = $state<JobChunkSummary[] | null>(null);
  /** The chunk rows are not readable here, or a first read of them has finished. */
  chunksKnown = $state(false);
  /** Iterations per second over the recent polls (null until known). */
  rate = $state<number | null>(null);
  error = $state<ApiError | null>(null);
  polls = $state(0);

  #samples: ProgressSample[] = [];
  #timer: ReturnType<typeof setTimeout> | null = null;
  #stopped = false;
  #deps: Required<Omit<PollerDeps, 'fetchChunks'>> & Pick<PollerDeps, 'fetchChunks'>;

  constructor(initial: Job, deps: PollerDeps) {
    this.job = initial;
    this.#deps = { now: () => Date.now(), intervalMs: POLL_MS, ...deps };
    this.chunksKnown = !deps.fetchChunks;
    this.#samples = pushSample([], { t: this.#deps.now(), done: initial.completed_iterations });
  }

  get done(): boolean {
    return isFinal(this.job.status);
  }

  start(): void {
    this.#stopped = false;
    void this.#refreshChunks();
    this.#schedule();
  }

  stop(): void {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #schedule(): void {
    if (this.#stopped || this.done) return;
    this.#timer = setTimeout(() => void this.tick(), this.#deps.intervalMs);
  }

  /** One poll; schedules the next unless the job is final or the poller stopped. */
  async tick(): Promise<void> {
    try {
      const job = await this.#deps.fetchJob(this.job.id);
      if (this.#stopped) return;
      this.job = job;
      this.error = null;
      this.polls += 1;
      this.#samples = pushSample(this.#samples, { t: this.#deps.now(), done: job.completed_iterations });
      this.eta = this.done ? 0 : etaSeconds(this.#samples, job.total_iterations);
      this.rate = rate(this.#samples);
      await this.#refreshChunks();
    } catch (err) {
      this.error = toApiError(err);
    } finally {
      this.#schedule();
    }
  }

  async #refreshChunks(): Promise<void> {
    if (!this.#deps.fetchChunks) return;
    try {
      const chunks = await this.#deps.fetchChunks(this.job.id);
      this.chunks = chunks;
      this.nodes = chunks.length > 0 ? countDistinctNodes(chunks) : null;
    } catch {
      this.chunks = null;
      this.nodes = null;
    } finally {
      this.chunksKnown = true;
    }
  }
}
