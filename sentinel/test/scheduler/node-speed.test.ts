import { COST_LIMITS } from '@wowlab/sim-core';
import { expect, it } from 'vitest';
import {
  deadlineMs,
  MAX_CORE_RATIO,
  NodeSpeeds,
  SPEED_SMOOTHING,
  UNMEASURED_CORE_SHARE,
} from '../../src/scheduler/node-speed.ts';

const rule = { slack: 4, minMs: 1_000, maxMs: 3_600_000 };
const median = COST_LIMITS.workPerSecondMedianCore;

it('a deadline is the chunk’s cost over its node’s speed times the slack, between the floor and the cap', () => {
  const work = 20 * median; // 20 s on a median core
  expect(deadlineMs(work, median, rule)).toBe(80_000);
  // a node a third as fast gets three times as long
  expect(deadlineMs(work, median / 3, rule)).toBe(240_000);
  expect(deadlineMs(work, median * 2, rule)).toBe(40_000);
  expect(deadlineMs(1, median, rule)).toBe(rule.minMs);
  expect(deadlineMs(work, median / 1000, rule)).toBe(rule.maxMs);
});

it('a node not measured yet gets the default: a share of a median core', () => {
  const work = 10 * median;
  expect(deadlineMs(work, undefined, rule)).toBe(Math.ceil((10 / UNMEASURED_CORE_SHARE) * 4 * 1000));
  expect(new NodeSpeeds().speed('n1')).toBeUndefined();
});

it('a node’s speed follows its accepted results: slower at once, faster gradually, never past the cap', () => {
  const speeds = new NodeSpeeds();
  speeds.record('n1', median, 2_000); // half a median core
  expect(speeds.speed('n1')).toBe(median / 2);
  speeds.record('n1', median, 4_000); // slower: taken at once, so its deadlines lengthen first
  expect(speeds.speed('n1')).toBe(median / 4);
  speeds.record('n1', median, 1_000); // faster: only a step of the way
  expect(speeds.speed('n1')).toBe(median / 4 + SPEED_SMOOTHING * (median - median / 4));
  // an answer at once (a cheater's) counts as a few cores at most
  speeds.record('n2', median * 100, 0);
  expect(speeds.speed('n2')).toBe(median * MAX_CORE_RATIO);
  // nothing measured from a chunk of unknown or no cost
  speeds.record('n3', 0, 1_000);
  expect(speeds.speed('n3')).toBeUndefined();
});

it('one node’s measurements never move another node’s deadline', () => {
  const speeds = new NodeSpeeds();
  speeds.record('honest', median, 5_000);
  const before = deadlineMs(median, speeds.speed('honest'), rule);
  for (let i = 0; i < 50; i++) speeds.record('cheater', median, 1);
  expect(deadlineMs(median, speeds.speed('honest'), rule)).toBe(before);
  expect(before).toBe(20_000);
  // the cheater's own deadline is the floor
  expect(deadlineMs(median, speeds.speed('cheater'), rule)).toBe(rule.minMs);
});
