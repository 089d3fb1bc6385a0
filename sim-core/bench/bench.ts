/**
 * sim-core benchmark: BM Hunter and MM Hunter (default profiles and rotations), 300 s Patchwerk,
 * one thread, alternating with a bare event-queue microbenchmark in the same process (the engine's
 * ceiling), run at the engine's own average heap size. Prints one line per round, then one JSON
 * line last.
 * Run: pnpm --filter @wowlab/sim-core bench, which runs it twice on the engine bundled as it ships,
 * the reference queue in the same bundle: on Node (bench/shipped.mjs; the volunteer node's runtime,
 * CPU time) and in a Web Worker of headless Chromium (bench/browser.mjs; a contributing tab's
 * runtime; the CPU time of its renderer processes). Each prints its own JSON line.
 */
import { EventQueue } from '../src/engine/event-queue.ts';
import { createSim, simulateCounted } from '../src/engine/run.ts';
import { parseConfig, specs } from '../src/index.ts';
import { BENCH_SPECS as SPECS, benchConfig } from './configs.ts';
import { cpuSeconds, RUNTIME } from './host.ts';

declare const console: { log(...args: unknown[]): void };

const ROUNDS = 7;
const ENGINE_ITERATIONS = 1000;
const QUEUE_OPS = 2_000_000;
/** Iterations of the (untimed) pass that measures the engine's average number of pending events. */
const PENDING_ITERATIONS = 50;
/** The goal: engine events/s ≥ this share of the bare queue's (issue 18). */
const GOAL_RATIO = 0.25;

interface EngineRound {
  iterationsPerSecond: number;
  eventsPerSecond: number;
  eventsPerIteration: number;
}

/**
 * The engine's average number of events in its queue at a pop (the one popped included), over
 * PENDING_ITERATIONS iterations of the benchmark's config: the bare queue runs at this size, so
 * both pay for the same heap depth. (An untimed pass: the queue's pop is wrapped to count.)
 */
function enginePending(spec: string): number {
  const sim = createSim(parseConfig(benchConfig(specs, spec)));
  const q = sim.q;
  const pop = q.pop.bind(q);
  let sum = 0;
  let pops = 0;
  q.pop = () => {
    sum += q.size;
    pops++;
    return pop();
  };
  for (let k = 0; k < PENDING_ITERATIONS; k++) sim.runIteration(42, k);
  return sum / pops;
}

/**
 * One engine round: ENGINE_ITERATIONS iterations of a spec's default config, 300 s Patchwerk
 * (±20 % length), one thread: a job's chunk, so with its health calibration, whose iterations
 * and events count with the chunk's.
 */
function engineRound(spec: string, round: number): EngineRound {
  const config = benchConfig(specs, spec);
  const t0 = cpuSeconds();
  const { events, iterations } = simulateCounted(config, {
    seed: 42,
    seedOffset: round * ENGINE_ITERATIONS,
    iterations: ENGINE_ITERATIONS,
  });
  const seconds = cpuSeconds() - t0;
  return {
    iterationsPerSecond: iterations / seconds,
    eventsPerSecond: events / seconds,
    eventsPerIteration: events / iterations,
  };
}

/**
 * One bare-queue round: pop the earliest event and push one 1..3000 ms later, keeping a steady
 * heap of `pending` events (the engine's average at a pop, enginePending).
 */
function queueRound(n: number, pending: number): number {
  const q = new EventQueue(256);
  let x = 12345;
  const t0 = cpuSeconds();
  for (let i = 0; i < pending; i++) q.push(i * 37, 4, 1, i, 0);
  let popped = 0;
  while (popped < n && q.pop()) {
    popped++;
    const now = q.time;
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    q.push(now + 1 + (x % 3000), x & 7, q.type, q.a, q.b);
    if (now > 1_000_000) {
      q.clear();
      for (let i = 0; i < pending; i++) q.push(i * 37, 4, 1, i, 0);
    }
  }
  return popped / (cpuSeconds() - t0);
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

// Warm-up, then alternate engine and queue rounds: the machine is shared, and alternating exposes
// both to the same load. Each spec's round is followed by a queue round at that spec's heap size;
// its ratio divides the two. The figures reported are the medians over the rounds.
const pending = new Map<string, number>(SPECS.map((s) => [s, enginePending(s)]));
for (const spec of SPECS) {
  engineRound(spec, 99);
  engineRound(spec, 98);
  queueRound(QUEUE_OPS / 2, Math.round(pending.get(spec)!));
}
const rounds = new Map<string, EngineRound[]>(SPECS.map((s) => [s, []]));
const queues = new Map<string, number[]>(SPECS.map((s) => [s, []]));
const ratios = new Map<string, number[]>(SPECS.map((s) => [s, []]));
for (let r = 0; r < ROUNDS; r++) {
  const line: string[] = [];
  for (const spec of SPECS) {
    const e = engineRound(spec, r);
    const q = queueRound(QUEUE_OPS, Math.round(pending.get(spec)!));
    rounds.get(spec)!.push(e);
    queues.get(spec)!.push(q);
    ratios.get(spec)!.push(e.eventsPerSecond / q);
    line.push(
      `${spec} ${e.iterationsPerSecond.toFixed(0)} it/s, ${(e.eventsPerSecond / 1e6).toFixed(2)} M ev/s ÷ queue ${(q / 1e6).toFixed(2)} M = ${(e.eventsPerSecond / q).toFixed(3)}`,
    );
  }
  console.log(`round ${r + 1}: ${line.join('; ')}`);
}
const perSpec = Object.fromEntries(
  SPECS.map((s) => {
    const rs = rounds.get(s)!;
    const ratio = median(ratios.get(s)!);
    return [
      s,
      {
        iterationsPerSecond: Math.round(median(rs.map((x) => x.iterationsPerSecond))),
        eventsPerIteration: Math.round(median(rs.map((x) => x.eventsPerIteration))),
        eventsPerSecond: Math.round(median(rs.map((x) => x.eventsPerSecond))),
        queuePending: Math.round(pending.get(s)!),
        queueEventsPerSecond: Math.round(median(queues.get(s)!)),
        ratioToQueue: Number(ratio.toFixed(3)),
        meetsGoal: ratio >= GOAL_RATIO,
      },
    ];
  }),
);
console.log(
  JSON.stringify({
    bench: 'hunter-patchwerk-300s',
    runtime: RUNTIME,
    rounds: ROUNDS,
    goalRatio: GOAL_RATIO,
    ...perSpec,
  }),
);
