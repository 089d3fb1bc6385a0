/**
 * Where the engine's time goes, by event kind: for the benchmark's configs (bench.ts: default BM and
 * MM, 300 s Patchwerk), the time from one pop of the event queue to the next is given to the event
 * popped first (its handling, plus the next pop), summed per kind. Prints one JSON line: per spec,
 * per kind, events per iteration, nanoseconds per event and share of the time; and the clock's own
 * cost per reading pair (included in every figure), for scale. Before that, it measures per spec the
 * rotation's share of the engine's time (rotationShare: the same iterations with the rotation's
 * decisions replayed at no cost).
 * Run: pnpm --filter @wowlab/sim-core bench:kinds (through bench/shipped.mjs, as bench.ts); in
 * Chromium: node bench/browser.mjs bench/kinds.ts
 *
 * A profile names functions; this names the events they serve, which is what the ratio of
 * bench.ts divides by (e.g. the player's decisions are one kind: each walks the rotation and
 * executes an action).
 */
import {
  EV_ADDS,
  EV_AUTO_SHOT,
  EV_BUFF_EXPIRE,
  EV_CAST_END,
  EV_CHANNEL_TICK,
  EV_DOT_TICK,
  EV_END,
  EV_LAND,
  EV_PET_EXPIRE,
  EV_PET_SWING,
  EV_READY,
  EV_SPEC,
} from '../src/engine/events.ts';
import { createSim } from '../src/engine/run.ts';
import type { Sim } from '../src/engine/sim.ts';
import type { CompiledRotation } from '../src/apl/context.ts';
import { parseConfig, specs } from '../src/index.ts';
import { BENCH_SPECS as SPECS, benchConfig } from './configs.ts';
import { cpuSeconds } from './host.ts';

declare const console: { log(...args: unknown[]): void };
declare const performance: { now(): number };

const WARMUP_ITERATIONS = 100;
const ITERATIONS = 400;
/** Alternating pairs of rounds (the rotation, then its decisions replayed) of rotationShare. */
const SHARE_PAIRS = 7;

const KIND_NAMES: Record<number, string> = {
  [EV_END]: 'end (and the next iteration’s reset)',
  [EV_READY]: 'player decision',
  [EV_CAST_END]: 'cast end',
  [EV_CHANNEL_TICK]: 'channel tick',
  [EV_AUTO_SHOT]: 'auto shot',
  [EV_PET_SWING]: 'pet swing',
  [EV_DOT_TICK]: 'dot tick',
  [EV_BUFF_EXPIRE]: 'buff expiry',
  [EV_PET_EXPIRE]: 'pet expiry',
  [EV_LAND]: 'shot lands',
  [EV_ADDS]: 'adds wave',
};

/** An event's kind: the engine's type, or for spec events the spec's own event number. */
function kindOf(type: number, a: number): string {
  return type === EV_SPEC ? `spec event ${a}` : (KIND_NAMES[type] ?? `type ${type}`);
}

function benchSim(spec: string): Sim {
  return createSim(parseConfig(benchConfig(specs, spec)));
}

function measure(spec: string) {
  const sim = benchSim(spec);
  for (let k = 0; k < WARMUP_ITERATIONS; k++) sim.runIteration(42, k);
  const q = sim.q;
  const pop = q.pop.bind(q);
  const time = new Map<string, number>();
  const count = new Map<string, number>();
  let last: string | null = null;
  let since = 0;
  q.pop = () => {
    const t = performance.now();
    if (last !== null) {
      time.set(last, (time.get(last) ?? 0) + (t - since));
      count.set(last, (count.get(last) ?? 0) + 1);
    }
    const popped = pop();
    last = popped ? kindOf(q.type, q.a) : null;
    since = performance.now();
    return popped;
  };
  for (let k = 0; k < ITERATIONS; k++) sim.runIteration(42, WARMUP_ITERATIONS + k);
  let total = 0;
  for (const v of time.values()) total += v;
  const kinds = [...time]
    .sort((x, y) => y[1] - x[1])
    .map(([kind, ms]) => ({
      kind,
      perIteration: Number((count.get(kind)! / ITERATIONS).toFixed(1)),
      nsPerEvent: Math.round((1e6 * ms) / count.get(kind)!),
      share: Number((ms / total).toFixed(3)),
    }));
  return { iterations: ITERATIONS, kinds };
}

/** Nanoseconds of one pair of clock readings (every event's figure includes one). */
function clockPairNs(): number {
  const n = 1_000_000;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) performance.now();
  return Math.round((2e6 * (performance.now() - t0)) / n);
}

/** What the rotation decided at each call, in order: its result, target and wait. */
interface Decisions {
  result: number[];
  target: number[];
  wait: number[];
  /** The precombat spell of each iteration (CompiledRotation.precombatCast). */
  pre: number[];
}

/** Wraps a sim's rotation so that every decision it makes is also written down. */
function recordDecisions(sim: Sim): Decisions {
  const real = sim.rotation;
  const d: Decisions = { result: [], target: [], wait: [], pre: [] };
  sim.rotation = {
    reset: (state) => real.reset(state),
    precombatCast(state) {
      const r = real.precombatCast(state);
      d.pre.push(r);
      return r;
    },
    decide(state) {
      const r = real.decide(state);
      d.result.push(r);
      d.target.push(real.target);
      d.wait.push(real.waitSeconds);
      return r;
    },
    get target() {
      return real.target;
    },
    get waitSeconds() {
      return real.waitSeconds;
    },
    get evaluations() {
      return real.evaluations;
    },
  };
  return d;
}

/** A rotation that costs nothing: it gives back recorded decisions, one per call. */
class ReplayedRotation implements CompiledRotation {
  target = 0;
  waitSeconds = 0;
  readonly evaluations = 0;
  private next = 0;
  private nextPre = 0;
  private readonly pre: Int32Array;
  private readonly result: Int32Array;
  private readonly targets: Int32Array;
  private readonly waits: Float64Array;

  constructor(d: Decisions) {
    this.pre = Int32Array.from(d.pre);
    this.result = Int32Array.from(d.result);
    this.targets = Int32Array.from(d.target);
    this.waits = Float64Array.from(d.wait);
  }
  reset(): void {}
  precombatCast(): number {
    return this.pre[this.nextPre++]!;
  }
  decide(): number {
    const i = this.next++;
    this.target = this.targets[i]!;
    this.waitSeconds = this.waits[i]!;
    return this.result[i]!;
  }
}

/** Runs ITERATIONS iterations; returns [CPU seconds, mean DPS]. */
function timed(sim: Sim): [number, number] {
  const t0 = cpuSeconds();
  let sum = 0;
  for (let k = 0; k < ITERATIONS; k++) sum += sim.runIteration(42, k);
  return [cpuSeconds() - t0, sum / ITERATIONS];
}

/**
 * The rotation's share of the engine's time: the same iterations with the compiled rotation, and
 * with a stand-in that returns the decisions it made (so the engine does all the rest alike; the
 * mean DPS must come out the same), in alternating rounds on fresh sims. The share is
 * 1 − replayed time ÷ time with the rotation, the median over SHARE_PAIRS pairs: what a rotation
 * that cost nothing would save.
 */
function rotationShare(spec: string) {
  const recorder = benchSim(spec);
  const decisions = recordDecisions(recorder);
  const [, dps] = timed(recorder);
  const shares: number[] = [];
  let withIps = 0;
  let replayedIps = 0;
  for (let pair = -1; pair < SHARE_PAIRS; pair++) {
    const [withSeconds, a] = timed(benchSim(spec));
    const replay = benchSim(spec);
    replay.rotation = new ReplayedRotation(decisions);
    const [replayedSeconds, b] = timed(replay);
    if (a !== dps || b !== dps) throw new Error(`${spec}: the replayed decisions gave another result`);
    if (pair < 0) continue; // warm-up: both kinds of rotation seen before timing
    shares.push(1 - replayedSeconds / withSeconds);
    withIps += ITERATIONS / withSeconds / SHARE_PAIRS;
    replayedIps += ITERATIONS / replayedSeconds / SHARE_PAIRS;
  }
  shares.sort((x, y) => x - y);
  return {
    pairs: SHARE_PAIRS,
    iterationsPerSecond: Math.round(withIps),
    replayedIterationsPerSecond: Math.round(replayedIps),
    share: Number(shares[shares.length >> 1]!.toFixed(3)),
  };
}

const out: Record<string, unknown> = { bench: 'hunter-event-kinds', clockPairNs: clockPairNs() };
// the share first: measure() wraps the queue's pop, which changes how the engine's loop compiles
const shares = SPECS.map((spec) => rotationShare(spec));
for (const spec of SPECS) out[spec] = measure(spec);
SPECS.forEach((spec, i) => (out[`${spec} rotationShare`] = shares[i]));
console.log(JSON.stringify(out));
