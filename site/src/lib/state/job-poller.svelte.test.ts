import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Job } from '$lib/api/types';
import { JobPoller } from './job-poller.svelte';

function job(over: Partial<Job> = {}): Job {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    user_id: 'u',
    config_hash: 'h',
    engine_version: '0.1.0',
    seed: 1,
    total_iterations: 10_000,
    completed_iterations: 0,
    chunks_total: 10,
    chunks_completed: 0,
    status: 'pending',
    result: null,
    error: null,
    access_type: 'private',
    discord_server_id: null,
    created_at: '',
    updated_at: '',
    completed_at: null,
    ...over,
  };
}

describe('JobPoller', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('polls every 2 s, computes an ETA and stops once the job completes', async () => {
    const states = [
      job({ status: 'running', completed_iterations: 2000 }),
      job({ status: 'running', completed_iterations: 4000 }),
      job({ status: 'completed', completed_iterations: 10_000 }),
    ];
    const fetchJob = vi.fn(async () => states.shift() ?? job({ status: 'completed' }));
    let t = 0;
    const p = new JobPoller(job(), { fetchJob, now: () => t });
    p.start();
    t = 2000;
    await vi.advanceTimersByTimeAsync(2000);
    expect(p.job.completed_iterations).toBe(2000);
    t = 4000;
    await vi.advanceTimersByTimeAsync(2000);
    // 4000 iterations in 4 s → 1000/s, 6000 left → 6 s
    expect(p.eta).toBe(6);
    t = 6000;
    await vi.advanceTimersByTimeAsync(2000);
    expect(p.done).toBe(true);
    expect(p.eta).toBe(0);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fetchJob).toHaveBeenCalledTimes(3);
  });

  it('keeps polling after a network error and clears the error on success', async () => {
    let fail = true;
    const fetchJob = vi.fn(async () => {
      if (fail) throw new TypeError('Failed to fetch');
      return job({ status: 'completed', completed_iterations: 10_000 });
    });
    const p = new JobPoller(job(), { fetchJob });
    p.start();
    await vi.advanceTimersByTimeAsync(2000);
    expect(p.error?.kind).toBe('network');
    fail = false;
    await vi.advanceTimersByTimeAsync(2000);
    expect(p.error).toBeNull();
    expect(p.done).toBe(true);
  });

  it('counts distinct contributing nodes from chunks', async () => {
    const fetchChunks = vi.fn(async () => [
      { node_id: 'a', status: 'completed' as const, iterations: 1 },
      { node_id: 'b', status: 'running' as const, iterations: 1 },
      { node_id: 'a', status: 'completed' as const, iterations: 1 },
      { node_id: null, status: 'pending' as const, iterations: 1 },
    ]);
    const p = new JobPoller(job({ status: 'running' }), { fetchJob: async () => job(), fetchChunks });
    expect(p.chunksKnown).toBe(false); // null chunks before the first read are not "unreadable"
    p.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(p.chunksKnown).toBe(true);
    expect(p.nodes).toBe(2);
    p.stop();
  });

  it('knows the chunks at once when it cannot read them, and after a failed first read', async () => {
    expect(new JobPoller(job(), { fetchJob: async () => job() }).chunksKnown).toBe(true);
    const p = new JobPoller(job({ status: 'running' }), {
      fetchJob: async () => job(),
      fetchChunks: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    p.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(p.chunksKnown).toBe(true);
    expect(p.chunks).toBeNull();
    p.stop();
  });

  it('does not poll a job that is already final', async () => {
    const fetchJob = vi.fn(async () => job());
    const p = new JobPoller(job({ status: 'failed', error: 'bad rotation' }), { fetchJob });
    p.start();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fetchJob).not.toHaveBeenCalled();
  });
});
