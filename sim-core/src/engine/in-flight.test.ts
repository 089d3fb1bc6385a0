/**
 * What is in flight, as the rotation reads it (`action.X.in_flight`, `in_flight_to_target` and
 * their `_count` forms; SimC action_t::has_travel_events): a shot counts from its cast's hit to its
 * landing, per target, and nothing is left over at the next iteration's start. Shots travel SimC's
 * default 40 yards: Aimed Shot 100 yd/s = 400 ms, Explosive Shot 120 yd/s = 333 ms, Barbed Shot
 * 80 yd/s = 500 ms (../specs/projectiles.ts).
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/parse-config.ts';
import { TIMING_OFF } from '../config/timing.ts';
import { specs } from '../specs/registry.ts';
import type { SimConfig, SpecId } from '../types.ts';
import { createSim, simulate } from './run.ts';
import { Sim } from './sim.ts';
import { fire, freshSim, runUntil } from './test-support.ts';

function config(spec: SpecId, talents: string[], rotation: string, distanceYards: number): SimConfig {
  const c = specs.find((s) => s.id === spec)!.defaultConfig();
  c.player.talents = [...c.player.talents, ...talents.filter((t) => !c.player.talents.includes(t))];
  c.rotation = rotation;
  c.fight = { ...c.fight, style: 'cleave', targets: 2, durationSeconds: 60, durationVariation: 0 };
  c.timing = { ...TIMING_OFF, distanceYards };
  return parseConfig(c);
}

/** `action.X.in_flight` and the counts, read through the rotation's interface. */
function flights(sim: Sim, key: string): { any: number; t0: number; t1: number } {
  const a = Sim.indexOf(sim.data.actions, key);
  return { any: sim.state.inFlight(a, -1), t0: sim.state.inFlight(a, 0), t1: sim.state.inFlight(a, 1) };
}

describe('shots in flight', () => {
  it.each([
    ['mm-hunter', 'aimed_shot', [], 400],
    ['mm-hunter', 'explosive_shot', ['explosive_shot'], 333],
    ['bm-hunter', 'barbed_shot', [], 500],
    ['bm-hunter', 'explosive_shot', ['explosive_shot'], 333],
  ] as const)('%s %s counts from its hit to its landing, per target', (spec, key, talents, travel) => {
    const sim = freshSim(config(spec, [...talents], 'actions=steady_shot\nactions+=/cobra_shot', 40));
    const a = Sim.indexOf(sim.data.actions, key);
    expect(flights(sim, key)).toEqual({ any: 0, t0: 0, t1: 0 });
    fire(sim, a, 0);
    expect(flights(sim, key)).toEqual({ any: 1, t0: 1, t1: 0 });
    runUntil(sim, 100);
    fire(sim, a, 1);
    expect(flights(sim, key)).toEqual({ any: 2, t0: 1, t1: 1 });
    runUntil(sim, travel - 1);
    expect(flights(sim, key)).toEqual({ any: 2, t0: 1, t1: 1 });
    runUntil(sim, travel);
    expect(flights(sim, key)).toEqual({ any: 1, t0: 0, t1: 1 });
    runUntil(sim, travel + 100);
    expect(flights(sim, key)).toEqual({ any: 0, t0: 0, t1: 0 });
  });

  it('a new iteration starts with nothing in flight (hits in flight at the end never land)', () => {
    const sim = freshSim(config('mm-hunter', [], 'actions=aimed_shot', 40));
    fire(sim, Sim.indexOf(sim.data.actions, 'aimed_shot'), 0);
    expect(flights(sim, 'aimed_shot').any).toBe(1);
    sim.inFlight.reset();
    expect(flights(sim, 'aimed_shot')).toEqual({ any: 0, t0: 0, t1: 0 });
  });

  it('asking costs a plain read: any target never rescans, a target one rescan per change of the pool', () => {
    const run = (field: string, terms: number) => {
      const cond = Array.from({ length: terms }, () => `action.aimed_shot.${field}`).join('|');
      const sim = createSim(
        config(
          'mm-hunter',
          [],
          `actions=arcane_shot,if=${cond}\nactions+=/aimed_shot\nactions+=/steady_shot`,
          40,
        ),
      );
      sim.runIteration(1, 0);
      return { recounts: sim.inFlight.recounts, damage: sim.iterDamage };
    };
    // in_flight (any target): a counter kept by each shot's departure and landing
    expect(run('in_flight', 100).recounts).toBe(0);
    // in_flight_to_target: the pool counted per target once per change, however often a line asks
    const one = run('in_flight_to_target', 1);
    expect(one.recounts).toBeGreaterThan(0);
    expect(run('in_flight_to_target', 100)).toEqual(one); // the same decisions, and not a recount more
  });

  it('a rotation reading action.aimed_shot.in_flight acts in the flight window, and never without travel', () => {
    // Arcane Shot only while an Aimed Shot travels: its 400 ms window follows every Aimed Shot cast
    const rotation =
      'actions=arcane_shot,if=action.aimed_shot.in_flight\nactions+=/aimed_shot\nactions+=/steady_shot';
    const casts = (yards: number) => {
      const r = simulate(config('mm-hunter', [], rotation, yards), { seed: 3, seedOffset: 0, iterations: 3 });
      return { arcane: r.abilities.arcane_shot?.casts ?? 0, aimed: r.abilities.aimed_shot?.casts ?? 0 };
    };
    const travelling = casts(40);
    expect(travelling.arcane).toBeGreaterThan(0);
    expect(travelling.arcane).toBeLessThanOrEqual(travelling.aimed);
    expect(casts(0).arcane).toBe(0);
  });
});
