import { expect, it } from 'vitest';
import { LATE_FORGET_MS, LateChunks } from '../../src/scheduler/late-chunks.ts';

it('a chunk a node was late on takes one of its slots until it answers or the entry ages out', () => {
  const late = new LateChunks();
  late.note('n1', 'c1', 0, { claimedMs: -500, configHash: 'h', iterations: 1000 });
  late.note('n1', 'c2', 10);
  late.note('n1', 'c2', 20); // the same chunk twice is one slot
  late.note('n2', 'c3', 0);
  expect(late.count('n1', 100)).toBe(2);
  expect(late.answered('n1', 'c3')).toBeNull(); // not late on it
  expect(late.answered('n1', 'c1')).toEqual({ claimedMs: -500, configHash: 'h', iterations: 1000 }); // as it had been assigned
  expect(late.answered('n1', 'c1')).toBeNull(); // once
  expect(late.count('n1', 100)).toBe(1);
  expect(late.count('n2', LATE_FORGET_MS - 1)).toBe(1);
  expect(late.count('n2', LATE_FORGET_MS)).toBe(0);
  expect(late.answered('n2', 'c3')).toBeNull(); // forgotten
});
