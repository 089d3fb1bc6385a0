/** Timing options (config/timing.ts): travel time, latency, reaction time. */
import { describe, expect, it } from 'vitest';
import { TIMING_DEFAULTS } from '../config/timing.ts';
import { specs } from '../specs/registry.ts';
import { createSim } from './run.ts';
import { HIT, run } from './test-support.ts';

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('travel time', () => {
  it('a shot lands distance / missile speed after it is fired; one still in flight at the end is lost', () => {
    // Casts at 0, 1.5, …, 9 s (7); landing 1.1 s later: the last one at 10.1 s, after the end.
    const { samples, sim } = run({ seconds: 10, travelMs: 1100 });
    expect(sim.srcCasts[0]).toBe(7);
    expect(sim.srcHits[0]).toBe(6);
    expect(samples[0]).toBe((6 * HIT) / 10);
  });

  it('takes the missile speed from the spell data: Aimed Shot 100 yd/s at 40 yd = 400 ms', () => {
    const c = specs.find((s) => s.id === 'mm-hunter')!.defaultConfig();
    const sim = createSim(c);
    const src = (k: string) => sim.data.sources.findIndex((s) => s.key === k);
    expect(TIMING_DEFAULTS.distanceYards).toBe(40);
    expect(sim.srcTravelMs[src('aimed_shot')]).toBe(400); // 19434: Velocity 100 yards/sec
    expect(sim.srcTravelMs[src('rapid_fire')]).toBe(1000); // 257045: 40 yards/sec
    expect(sim.srcTravelMs[src('explosive_shot')]).toBe(0); // the explosion is not a missile
    const near = createSim({ ...c, timing: { ...TIMING_DEFAULTS, distanceYards: 0 } });
    // every shot lands at once, except Light's Judgment, 3 s by its spell data at any distance
    const judgment = src('lights_judgment');
    expect(Array.from(near.srcTravelMs).every((t, i) => t === (i === judgment ? 3000 : 0))).toBe(true);
  });
});

describe('latency', () => {
  it('queue lag delays the next action after a GCD action by its mean on average', () => {
    // 60 s, GCD 1.5 s: casts at 0, 1.5, …, 60 s = 41 without lag. With lag ~ N(500, 125) ms the
    // gaps average μ = 2 s, σ = 0.125 s: casts in [0, 60] ≈ 1 + 60/μ + (σ² − μ²)/(2μ²) ≈ 30.5.
    const none = run({ seconds: 60 });
    expect(none.sim.srcCasts[0]).toBe(41);
    const { sim } = run({ seconds: 60, iterations: 200, timing: { queueLagMs: 500 } });
    expect(Math.abs(sim.srcCasts[0]! / 200 - 30.5)).toBeLessThan(0.25);
  });

  it('channel lag follows channels, not GCD actions', () => {
    // A 2 s channel off the GCD: at 0, 2, …, 60 s = 31, whatever the queue lag. With 500 ms channel
    // lag the gaps average 2.5 s (σ 0.125 s): ≈ 1 + 24 − 0.5 = 24.5.
    const bolt = { channelMs: 2000, channelTicks: 2, gcd: false };
    const gcdOnly = run({ seconds: 60, iterations: 50, timing: { queueLagMs: 500 }, bolt });
    expect(gcdOnly.sim.srcCasts[0]! / 50).toBe(31);
    const { sim } = run({ seconds: 60, iterations: 200, timing: { channelLagMs: 500 }, bolt });
    expect(Math.abs(sim.srcCasts[0]! / 200 - 24.5)).toBeLessThan(0.25);
  });
});

describe('reaction time', () => {
  it('buff.X.react sees a new buff only after the reaction time; buff.X.up at once', () => {
    const up = run({
      seconds: 10,
      bloodlust: true,
      iterations: 100,
      rotation: 'actions=bolt,if=buff.bloodlust.up',
    });
    const react = (ms: number) =>
      run({
        seconds: 10,
        bloodlust: true,
        iterations: 100,
        timing: { reactionMs: ms },
        rotation: 'actions=bolt,if=buff.bloodlust.react',
      }).samples;
    expect(react(0)).toEqual(up.samples);
    // SimC: 100 ms offset + ex-Gaussian(300 ms, σ 60 ms, ν 250 ms): the first bolt waits ~0.65 s.
    expect(mean(react(300))).toBeLessThan(mean(up.samples));
  });

  it('only a buff whose react something reads draws a reaction time (SimC reactable)', () => {
    // Bloodlust gains its stack at 0 s; the rotation reads only `up`: SimC's buff is not reactable
    // then and draws nothing, so the timing stream (latency draws) is the same as with no reaction.
    const opts = {
      seconds: 10,
      bloodlust: true,
      iterations: 50,
      rotation: 'actions=bolt,if=buff.bloodlust.up',
    };
    const off = run({ ...opts, timing: { queueLagMs: 5, reactionMs: 0 } });
    const on = run({ ...opts, timing: { queueLagMs: 5, reactionMs: 300 } });
    expect(on.samples).toEqual(off.samples);
    // the same draws taken from the timing stream: its next numbers agree
    expect(on.sim.timingRng.nextU32()).toBe(off.sim.timingRng.nextU32());
    expect(on.sim.buffReactable.every((r) => r === 0)).toBe(true);
    const read = run({ ...opts, rotation: 'actions=bolt,if=buff.bloodlust.up|buff.bloodlust.react>1' });
    expect(read.sim.buffReactable[0]).toBe(1);
  });
});

describe('Sim.incrementBuff', () => {
  it('adds a stack with the expiry unchanged; does nothing when down, or at the maximum once seen', () => {
    const { sim } = run({ seconds: 10, iterations: 0 });
    const b = 0; // Bloodlust, here a buff of 2 stacks that notifies nothing
    sim.buffNotify[b] = 0;
    sim.buffs.maxStacks[b] = 2;
    expect(sim.incrementBuff(b)).toBe(false); // down
    sim.applyBuff(b, 1, 5000);
    sim.now = 1000;
    expect(sim.incrementBuff(b)).toBe(true);
    expect(sim.buffs.stacks[b]).toBe(2);
    expect(sim.buffs.expires[b]).toBe(5000);
    const gen = sim.buffs.gen[b];
    expect(sim.incrementBuff(b)).toBe(false); // at its maximum, no reaction pending: a no-op
    expect(sim.buffs.gen[b]).toBe(gen);
  });
});
