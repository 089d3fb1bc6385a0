import { describe, expect, it } from 'vitest';
import type { JobChunkSummary } from '$lib/api/types';
import { statWeightVariantName, WEIGHED_STATS } from '@wowlab/sim-core';
import {
  chunkActivity,
  describeJob as describeActivity,
  describeJobKind,
  describeJobRow,
  describeSmartSim,
  KEEP_PAGE_OPEN,
  OPEN_TO_RUN,
  type JobStatusInput,
} from './job-status';

/** As the job page calls it: the activity counted from the chunk rows it read (null: unreadable). */
const describeJob = ({
  chunks,
  ...rest
}: Omit<JobStatusInput, 'activity'> & { chunks: JobChunkSummary[] | null }) =>
  describeActivity({ ...rest, activity: chunks && chunkActivity(chunks) });

const job = (over: Partial<JobStatusInput['job']> = {}): JobStatusInput['job'] => ({
  status: 'pending',
  access_type: 'private',
  error: null,
  chunks_completed: 0,
  chunks_total: 4,
  completed_iterations: 0,
  ...over,
});
const chunk = (
  status: JobChunkSummary['status'],
  node: string | null,
  role: JobChunkSummary['replica_role'] = 'primary',
  disconnectedAt: string | null = null,
): JobChunkSummary => ({
  node_id: node,
  status,
  iterations: 1000,
  replica_role: role,
  node_disconnected_at: disconnectedAt,
});
const gone = (node: string) => chunk('running', node, 'primary', '2026-12-06T00:00:00Z');
const base = { chunks: [] as JobChunkSummary[], mine: true, tabRunning: false, rate: null };

describe('describeJob', () => {
  it('a newcomer’s private job waiting for a node says who may run it and to keep the page open', () => {
    const s = describeJob({ ...base, job: job(), chunks: [chunk('pending', null), chunk('pending', null)] });
    expect(s.headline).toBe('Waiting for a node');
    expect(s.detail).toMatch(/only your own nodes and your open tab may run it/);
    expect(s.actions[0]).toMatch(/Keep this page open/);
    expect(s.actions.join(' ')).toMatch(/make it public/);
  });

  it('says the tab is starting when it runs the player’s sims and nothing was taken yet', () => {
    const s = describeJob({ ...base, job: job(), tabRunning: true, chunks: [chunk('pending', null)] });
    expect(s.headline).toBe('Starting in this tab…');
    expect(s.actions.join(' ')).not.toMatch(/Keep this page open/);
  });

  it('running: speed, node count and this tab', () => {
    const s = describeJob({
      ...base,
      job: job({ status: 'running', access_type: 'public', chunks_completed: 1 }),
      tabRunning: true,
      rate: 1234.4,
      chunks: [chunk('completed', 'a'), chunk('running', 'a'), chunk('running', 'b'), chunk('pending', null)],
    });
    expect(s.headline).toBe('Running at 1,234 iterations/s on 2 nodes (this tab among them)');
    expect(s.detail).toMatch(/1 of 4 chunks done; any contributor may run it/);
  });

  it('a node whose connection closed is not counted as running it: its chunks go back unless it returns', () => {
    const s = describeJob({
      ...base,
      job: job({ status: 'running', access_type: 'public', chunks_completed: 1 }),
      chunks: [chunk('completed', 'v'), gone('v'), chunk('pending', null)],
    });
    expect(s.headline).toBe('The node running it disconnected');
    expect(s.detail).toBe(
      'Its chunks go back to the queue unless it reconnects shortly; then any contributor may run it.',
    );
    expect(s.actions[0]).toBe(KEEP_PAGE_OPEN);
    const two = describeJob({ ...base, job: job({ status: 'running' }), chunks: [gone('v'), gone('w')] });
    expect(two.headline).toBe('The 2 nodes running it disconnected');
    expect(two.detail).toMatch(/^Their chunks go back to the queue unless they reconnect shortly; then/);
  });

  it('running on the connected nodes only, saying that another one left', () => {
    const s = describeJob({
      ...base,
      job: job({ status: 'running', access_type: 'public', chunks_completed: 1 }),
      chunks: [chunk('completed', 'a'), chunk('running', 'a'), gone('b'), gone('b')],
    });
    expect(s.headline).toBe('Running on 1 node');
    expect(s.detail).toBe(
      '1 more node disconnected: its chunks go back to the queue unless it reconnects shortly. 1 of 4 chunks done; any contributor may run it.',
    );
  });

  it('waiting for verification when every original is done and checks are pending', () => {
    const s = describeJob({
      ...base,
      job: job({ status: 'running', access_type: 'public' }),
      mine: false,
      chunks: [
        chunk('completed', 'g1'),
        chunk('pending', null, 'replica'),
        chunk('pending', null, 'arbiter'),
      ],
    });
    expect(s.headline).toBe('Waiting for verification');
    expect(s.detail).toMatch(
      /2 results are waiting to be checked by a node of another owner, a platform node or your own tab/,
    );
    expect(s.actions).toEqual([]); // not the viewer's job: nothing to do
  });

  it('final states: done, corrected, failed with its reason, cancelled', () => {
    expect(describeJob({ ...base, job: job({ status: 'completed' }) }).headline).toBe('Done');
    const corrected = describeJob({
      ...base,
      job: job({ status: 'completed', corrected_at: '2026-12-05T01:00:00Z' }),
    });
    expect(corrected.headline).toBe('Done — corrected');
    expect(corrected.detail).toMatch(/caught sending false results/);
    expect(
      describeJob({ ...base, job: job({ status: 'failed', error: 'Agility must be at least 0.' }) }).detail,
    ).toBe('Agility must be at least 0.');
    expect(describeJob({ ...base, job: job({ status: 'cancelled' }) }).headline).toBe('Cancelled');
  });

  it('a signed-out visitor (no chunk rows) still gets a reason', () => {
    const s = describeJob({ ...base, job: job({ access_type: 'public' }), chunks: null, mine: false });
    expect(s.headline).toBe('Waiting for a node');
    expect(s.detail).toMatch(/any contributor may run it/);
  });

  it('a signed-out visitor of a running job reads that it runs, how fast and how far', () => {
    const s = describeJob({
      ...base,
      job: job({ access_type: 'public', status: 'running', chunks_completed: 3, completed_iterations: 3000 }),
      chunks: null,
      mine: false,
      rate: 2500,
    });
    expect(s.headline).toBe('Running at 2,500 iterations/s');
    expect(s.detail).toBe('3 of 4 chunks done; any contributor may run it.');
  });
});

describe('describeSmartSim', () => {
  it('says what a smart sim waits for, where it stopped and why', () => {
    expect(describeSmartSim({ status: 'running', total_iterations: 50_000, target_error: null })).toBeNull();
    expect(describeSmartSim({ status: 'running', total_iterations: 50_000, target_error: 0.001 })).toBe(
      'Smart sim: it stops once its error is within ±0.10 % of the mean DPS (at most 50,000 iterations).',
    );
    const done = (dpsError: number, iterations: number) =>
      describeSmartSim({
        status: 'completed',
        total_iterations: iterations,
        target_error: 0.001,
        result: { mean: 100_000, dpsError, iterations },
      });
    expect(done(95, 8000)).toBe(
      'Stopped at 8,000 iterations: the error (±0.095 %) reached the target ±0.10 %.',
    );
    expect(done(120, 50_000)).toBe(
      'Ran all 50,000 iterations: the error ±0.12 % did not reach the target ±0.10 %.',
    );
  });

  it('with variants, says each run stops on its own and when the base was dropped below the best', () => {
    const variants = [{ name: 'a', configHash: 'x' }];
    expect(
      describeSmartSim({ status: 'running', total_iterations: 100_000, target_error: 0.001, variants }),
    ).toBe(
      'Smart sim: the base and each variant stop once their error is within ±0.10 % of their mean DPS; variants clearly below the best stop earlier.',
    );
    expect(
      describeSmartSim({
        status: 'completed',
        total_iterations: 12_000,
        target_error: 0.001,
        variants,
        result: { mean: 100_000, dpsError: 300, iterations: 2000, stopped: 'eliminated' },
      }),
    ).toBe(
      'The base stopped at 2,000 iterations: clearly below the best variant (error ±0.30 %). The table says where each variant stopped.',
    );
  });
});

describe('describeSmartSim for stat weights', () => {
  it('says each weight stops on its own error against the base, and how far each ran', () => {
    const variants = WEIGHED_STATS.map((s) => ({ name: statWeightVariantName(s), configHash: 'h' }));
    expect(
      describeSmartSim({ status: 'running', total_iterations: 600_000, target_error: 0.001, variants }),
    ).toBe(
      'Smart stat weights: each weight runs until its error is within ±0.10 % of the base DPS, the base until its own error is and no weight still runs.',
    );
    const result = {
      mean: 100_000,
      dpsError: 80,
      iterations: 7000,
      stopped: 'target' as const,
      variants: variants.map((v, i) => ({ name: v.name, iterations: 2000 + 1000 * i })),
    };
    const text = describeSmartSim({
      status: 'completed',
      total_iterations: 27_000,
      target_error: 0.001,
      variants,
      result,
    })!;
    expect(text).toMatch(
      /^The base stopped at 7,000 iterations: every weight is within ±0\.10 % of the base DPS\. Iterations per weight: /,
    );
    expect(text).toContain(`${variants[0]!.name.replace(/ \+[\d,]+$/, '')} 2,000`);
    expect(text).not.toMatch(/\+\d/); // the step is not part of the stat's name here
    expect(
      describeSmartSim({
        status: 'completed',
        total_iterations: 27_000,
        target_error: 0.001,
        variants,
        result: { ...result, stopped: 'cap' },
      }),
    ).toMatch(/^Ran all 7,000 iterations without every weight reaching ±0\.10 %\./);
  });
});

describe('describeJobRow', () => {
  const idle = { nodes: 0, disconnectedNodes: 0, waitingOriginals: 2, waitingChecks: 0, failing: 0 };

  it('an unfinished job nobody runs: the job page’s words, and to open it so the tab runs it', () => {
    const row = describeJobRow(job({ status: 'running' }), idle);
    const page = describeActivity({ ...base, job: job({ status: 'running' }), activity: idle });
    expect(row).toEqual({ headline: page.headline, detail: page.detail, action: OPEN_TO_RUN });
    expect(row!.headline).toBe('Waiting for a node');
    expect(row!.detail).toBe('No node is running it yet: only your own nodes and your open tab may run it.');
    expect(page.actions).toContain(KEEP_PAGE_OPEN);
  });

  it('a job whose only node disconnected says so in its row', () => {
    const row = describeJobRow(job({ status: 'running', access_type: 'public' }), {
      ...idle,
      disconnectedNodes: 1,
    });
    expect(row!.headline).toBe('The node running it disconnected');
    expect(row!.action).toBe(OPEN_TO_RUN);
  });

  it('nothing to say while a node runs it, once it is finished, or with nothing waiting', () => {
    expect(describeJobRow(job({ status: 'running' }), { ...idle, nodes: 1 })).toBeNull();
    expect(describeJobRow(job({ status: 'completed' }), idle)).toBeNull();
    expect(describeJobRow(job({ status: 'cancelled' }), idle)).toBeNull();
    expect(describeJobRow(job({ status: 'running' }), null)).toBeNull();
  });

  it('chunks volunteers’ nodes gave back (left or failed) are retried, and an error needs the owner’s tab to count', () => {
    const failing = { ...idle, failing: 1 };
    const row = describeJobRow(job({ status: 'running', access_type: 'public' }), failing);
    // still waiting for a node: any other volunteer may run it
    expect(row!.headline).toBe('Waiting for a node');
    const page = describeActivity({
      ...base,
      job: job({ status: 'running', access_type: 'public' }),
      activity: failing,
    });
    expect(page.actions).toContain(
      "Volunteers' nodes gave back 1 chunk unfinished (they left or hit an error): other nodes retry it, and an error fails your sim only once your own tab or a platform node confirms it.",
    );
    expect(page.actions[0]).toBe(KEEP_PAGE_OPEN);
    // not to a visitor, nor with nothing given back
    expect(
      describeActivity({ ...base, mine: false, job: job({ status: 'running' }), activity: failing }).actions,
    ).toEqual([]);
    expect(
      describeActivity({ ...base, job: job({ status: 'running' }), activity: idle }).actions.some((a) =>
        a.startsWith('Volunteers'),
      ),
    ).toBe(false);
    // the job page counts it from the chunk rows
    const activity = chunkActivity([
      { node_id: null, status: 'pending', iterations: 1000, failed_by: 3 },
      { node_id: null, status: 'pending', iterations: 1000, failed_by: 0 },
      { node_id: 'n', status: 'completed', iterations: 1000, failed_by: 1 },
    ]);
    expect(activity).toEqual({ ...idle, failing: 1 });
  });

  it('waiting for verification is not waiting for a node', () => {
    const row = describeJobRow(job({ status: 'running' }), {
      ...idle,
      waitingOriginals: 0,
      waitingChecks: 1,
    });
    expect(row!.headline).toBe('Waiting for verification');
  });
});

describe('describeJobKind', () => {
  it('names variants, stat weights and smart sims for the job list', () => {
    const v = (name: string) => ({ name, configHash: 'h' });
    expect(describeJobKind({ variants: null, target_error: null })).toBe('');
    expect(describeJobKind({ variants: [v('a')], target_error: null })).toBe('1 variant');
    expect(describeJobKind({ variants: [v('a'), v('b')], target_error: 0.001 })).toBe(
      '2 variants · smart sim',
    );
    const weights = WEIGHED_STATS.map((s) => v(statWeightVariantName(s)));
    expect(describeJobKind({ variants: weights, target_error: 0.001 })).toBe('stat weights · smart sim');
  });
});
