import { describe, expect, it } from 'vitest';
import { createSim } from '../engine/run.ts';
import { parseConfig } from '../config/parse-config.ts';
import { specs } from '../specs/registry.ts';
import { estimateCost } from './estimate.ts';
import { BudgetExceededError, COST_LIMITS } from './limits.ts';

const bm = () => specs.find((s) => s.id === 'bm-hunter')!.defaultConfig();

describe('estimateCost', () => {
  it('the default profiles are cheap, and the estimate is deterministic', () => {
    for (const s of specs) {
      const e = estimateCost(s.defaultConfig());
      expect(e.ok).toBe(true);
      expect(e.eventsPerIteration).toBeGreaterThan(100);
      expect(e.chunkCoreSeconds).toBeLessThan(5);
      expect(estimateCost(s.defaultConfig())).toEqual(e);
    }
  });

  it('grows with fight length and its variation', () => {
    const short = bm();
    short.fight = { ...short.fight, durationSeconds: 60, durationVariation: 0 };
    const long = bm();
    long.fight = { ...long.fight, durationSeconds: 600, durationVariation: 0.5 };
    expect(estimateCost(long).eventsPerIteration).toBeGreaterThan(
      10 * estimateCost(short).eventsPerIteration,
    );
  });

  it('refuses a cost bomb within every documented limit, naming the rotation', () => {
    const bomb = bm();
    bomb.fight = {
      ...bomb.fight,
      style: 'cleave',
      targets: 20,
      durationSeconds: 1200,
      durationVariation: 0.5,
    };
    bomb.rotation =
      Array.from({ length: 499 }, () => 'actions+=/kill_command,if=focus>1000').join('\n') +
      '\nactions+=/wait,sec=0.001';
    const e = estimateCost(bomb);
    expect(e.ok).toBe(false);
    expect(e.problem?.parameter).toBe('rotation');
    expect(e.problem?.message).toMatch(/limit is 60 s/);
    expect(e.chunkCoreSeconds).toBeGreaterThan(COST_LIMITS.maxChunkSeconds);
  });
});

describe('the work budget per iteration', () => {
  it('stops an iteration past its budget with a clear error, never hours of work', () => {
    const sim = createSim(parseConfig(bm()));
    sim.workBudget = 500;
    expect(() => sim.runIteration(1, 0)).toThrow(BudgetExceededError);
    expect(() => sim.runIteration(1, 0)).toThrow(/budget exceeded/);
  });

  it('counts work exactly: the same iteration twice gives the same events and evaluations', () => {
    const a = createSim(parseConfig(bm()));
    a.runIteration(7, 3);
    const b = createSim(parseConfig(bm()));
    b.runIteration(7, 3);
    expect([a.events, a.iterEvaluations]).toEqual([b.events, b.iterEvaluations]);
    expect(a.iterEvaluations).toBeGreaterThan(0);
  });
});

describe('estimateCost with adds', () => {
  it('counts the adds the probe simulates; the heaviest adds fight within the limits stays affordable', () => {
    const plain = bm();
    const adds = bm();
    adds.fight = {
      ...adds.fight,
      style: 'adds',
      adds: { count: 19, firstSeconds: 1, intervalSeconds: 2, lifetimeSeconds: 2, lastSeconds: 299 },
    };
    const base = estimateCost(plain).eventsPerIteration;
    // the adds bring about 1,500 events to some 10,000 units of work (events + rotation lines),
    // measured on one probe iteration whose rotation work varies by ±10 % with the random stream
    expect(estimateCost(adds).eventsPerIteration).toBeGreaterThan(1.1 * base);
    const heaviest = bm();
    heaviest.fight = {
      ...heaviest.fight,
      style: 'adds',
      durationSeconds: 1200,
      durationVariation: 0.5,
      adds: { count: 19, firstSeconds: 0, intervalSeconds: 1, lifetimeSeconds: 1, lastSeconds: 1200 },
    };
    const e = estimateCost(heaviest);
    // more than a plain fight of the same longest length: base is the plain fight's estimate at
    // its longest, 300 s + 20 % = 360 s, and 1800 s = 5 × 360 s
    expect(e.eventsPerIteration).toBeGreaterThan(5 * base);
    expect(e.ok).toBe(true);
  });
});
