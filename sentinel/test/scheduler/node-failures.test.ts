import { describe, expect, it } from 'vitest';
import {
  NODE_BENCH_MS,
  NODE_FAILURE_LIMIT,
  NODE_FAILURE_WINDOW_MS,
  NodeFailureLimit,
} from '../../src/scheduler/node-failures.ts';

describe('NodeFailureLimit', () => {
  it('benches a node past the limit within the window, for the bench time', () => {
    const limit = new NodeFailureLimit();
    for (let i = 0; i < NODE_FAILURE_LIMIT; i++) expect(limit.note('a', 1000 + i)).toBe(false);
    expect(limit.benched('a', 2000)).toBe(false);
    expect(limit.note('a', 2000)).toBe(true);
    expect(limit.benched('a', 2000 + NODE_BENCH_MS - 1)).toBe(true);
    expect(limit.benched('b', 2000)).toBe(false);
    expect(limit.benched('a', 2000 + NODE_BENCH_MS)).toBe(false);
  });

  it('forgets failures older than the window', () => {
    const limit = new NodeFailureLimit();
    for (let i = 0; i < NODE_FAILURE_LIMIT; i++) limit.note('a', i);
    expect(limit.note('a', NODE_FAILURE_WINDOW_MS + 100)).toBe(false);
  });
});
