// What "every iteration counted once" means in the database, for one completed job.
import { expect } from '@playwright/test';
import type { ChunkRow, JobRow } from './db.ts';

export function expectCountedOnce(job: JobRow, chunks: ChunkRow[], iterations: number): void {
  expect(job.status).toBe('completed');
  expect(job.total_iterations).toBe(iterations);
  // The sentinel adds a chunk's iterations to the job once per accepted chunk.
  expect(job.completed_iterations).toBe(iterations);
  expect(job.chunks_completed).toBe(job.chunks_total);

  // Replicas (issue 11: a second run of a chunk to verify it) repeat the work, never the count.
  const primaries = chunks.filter((c) => !c.replica_of);
  expect(primaries).toHaveLength(job.chunks_total);
  let next = 0;
  for (const c of primaries) {
    // Sorted by seed_offset: the chunks tile iterations 0..n-1 with no gap and no overlap.
    expect(c.seed_offset, `chunk ${c.id} starts where the previous one ended`).toBe(next);
    next += c.iterations;
    expect(c.status, `chunk ${c.id}`).toBe('completed');
    expect(c.completed_at, `chunk ${c.id}`).not.toBeNull();
    expect(c.node_id, `chunk ${c.id} is credited to a node`).not.toBeNull();
    // Its stored result is the one for exactly these iterations.
    expect(c.result, `chunk ${c.id}`).toMatchObject({ seedOffset: c.seed_offset, iterations: c.iterations });
    expect(c.result!.n).toBe(c.iterations);
  }
  expect(next).toBe(iterations);
  const completed = primaries.reduce((s, c) => s + (c.status === 'completed' ? c.iterations : 0), 0);
  expect(completed).toBe(iterations);
  for (const r of chunks.filter((c) => c.replica_of)) {
    const of = primaries.find((p) => p.id === r.replica_of);
    expect(of, `replica ${r.id} belongs to a chunk of this job`).toBeDefined();
    expect([r.seed_offset, r.iterations]).toEqual([of!.seed_offset, of!.iterations]);
  }
  // Honest nodes running a deterministic engine never disagree: Chromium's Web Workers and
  // Node's worker_threads compute bit-identical results.
  expect(chunks.filter((c) => c.verdict === 'invalid').map((c) => c.id)).toEqual([]);

  // The job's result merges exactly these chunks.
  const result = job.result!;
  expect(result.iterations).toBe(iterations);
  expect(result.histogram.counts.reduce((s, n) => s + n, 0)).toBe(iterations);
  const mean = primaries.reduce((s, c) => s + c.result!.mean * c.iterations, 0) / iterations;
  expect(Math.abs(result.mean - mean) / mean).toBeLessThan(1e-9);
}

/** Completed rows (replicas included) per node: who did the work. */
export function completedByNode(chunks: ChunkRow[]): Map<string, number> {
  const byNode = new Map<string, number>();
  for (const c of chunks) {
    if (c.status === 'completed' && c.node_id) byNode.set(c.node_id, (byNode.get(c.node_id) ?? 0) + 1);
  }
  return byNode;
}

/** One line per (status, node, role, verdict) with its count: what a stuck job looks like. */
export function describeChunks(chunks: ChunkRow[]): string {
  const groups = new Map<string, number>();
  for (const c of chunks) {
    const key = [
      c.status,
      c.node_id ?? '-',
      c.replica_role ?? 'primary',
      c.verdict ?? '-',
      `attempts=${c.attempts}`,
    ];
    groups.set(key.join(' '), (groups.get(key.join(' ')) ?? 0) + 1);
  }
  return [...groups].map(([k, n]) => `  ${n} × ${k}`).join('\n');
}
