// Shared pieces of the NodeClient tests: chunk assignments of one job, and polling for a
// condition with a deadline.
import type { ChunkAssignment } from '../../src/protocol/index.ts';

export const TEST_JOB = '11111111-2222-4333-8444-555555555555';

export function chunkId(i: number): string {
  return `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
}

/** Chunk i of TEST_JOB: 10 iterations at offset i·10. */
export function testChunk(
  configHash: string,
  i: number,
  seed: number,
  over: Partial<ChunkAssignment> = {},
): ChunkAssignment {
  return {
    id: chunkId(i),
    jobId: TEST_JOB,
    configHash,
    iterations: 10,
    seedOffset: i * 10,
    seed,
    ...over,
  };
}

export async function until(cond: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
