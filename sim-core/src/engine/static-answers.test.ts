/**
 * The engine skips two spec hooks for the actions their static answers leave out: logic.cost for
 * an action whose cost cannot vary (Sim.costDynamic, from logic.costVaries) and the health
 * rule for an action it has no rule of its own for (Sim.usableFor). Here both hooks are asked
 * anyway at every decision of whole fights: they must give what the engine reads instead.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/parse-config.ts';
import { specs } from '../specs/registry.ts';
import type { SimConfig } from '../types.ts';
import { createSim } from './run.ts';

function config(spec: string, extraTalents: string[] = []): SimConfig {
  const c = specs.find((s) => s.id === spec)!.defaultConfig();
  c.player.talents = [...c.player.talents, ...extraTalents];
  c.fight.durationSeconds = 120;
  return c;
}

/** Checks at every decision of `iterations` iterations; returns [checks made, mismatches]. */
function audit(c: SimConfig, iterations: number): { checks: number; skipped: number; mismatches: string[] } {
  const sim = createSim(parseConfig(c));
  const rotation = sim.rotation;
  const decide = rotation.decide.bind(rotation);
  let checks = 0;
  let skipped = 0;
  const mismatches: string[] = [];
  rotation.decide = (state) => {
    for (let a = 0; a < sim.actions.length; a++) {
      const key = sim.actions[a]!.key;
      if (sim.costDynamic[a] === 0) {
        skipped++;
        if (sim.logic.cost(a) !== sim.baseCost[a]) mismatches.push(`cost ${key} at ${sim.now}`);
      }
      if (sim.healthRule !== null && sim.usableFor[a] === 0) {
        skipped++;
        for (let t = 0; t < sim.targets; t++)
          if (sim.healthRule.usable(a, t) !== sim.inExecuteRange(a, t))
            mismatches.push(`usable ${key} at ${sim.now}`);
      }
      checks++;
    }
    return decide(state);
  };
  for (let k = 0; k < iterations; k++) sim.runIteration(3, k);
  return { checks, skipped, mismatches };
}

describe('static answers of the spec hooks', () => {
  it('MM (Dark Ranger, Deathblow): the data cost and the execute range wherever the hooks are skipped', () => {
    const r = audit(config('mm-hunter'), 30);
    expect(r.checks).toBeGreaterThan(1000);
    expect(r.skipped).toBeGreaterThan(1000); // both hooks are skipped for most actions
    expect(r.mismatches).toEqual([]);
  });

  it('BM, with and without Black Arrow: the same', () => {
    for (const extra of [[], ['black_arrow']]) {
      const r = audit(config('bm-hunter', extra), 20);
      expect(r.checks).toBeGreaterThan(1000);
      expect(r.mismatches).toEqual([]);
    }
  });

  it('MM asks its cost hook for Aimed Shot (Lock and Load, Streamline), not for Steady Shot', () => {
    const c = config('mm-hunter');
    const sim = createSim(parseConfig(c));
    sim.runIteration(3, 0);
    const aimed = sim.actions.findIndex((x) => x.key === 'aimed_shot');
    expect(sim.costDynamic[aimed]).toBe(1);
    expect(sim.costDynamic[sim.actions.findIndex((x) => x.key === 'steady_shot')]).toBe(0);
  });
});
