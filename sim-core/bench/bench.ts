/**
 * sim-core benchmark: BM Hunter, 300 s Patchwerk, one thread; then a bare event-queue
 * microbenchmark in the same process (the engine's ceiling). Prints one JSON line last.
 * Run: pnpm --filter @wowlab/sim-core bench
 */
import { EventQueue } from '../src/engine/event-queue.ts';
import { simulateCounted } from '../src/engine/run.ts';
import { specs } from '../src/index.ts';

// The package compiles with lib ES2022 only (it must not rely on Node or DOM); the script runs on Node.
declare const console: { log(...args: unknown[]): void };
declare const performance: { now(): number };

function benchEngine(): { iterationsPerSecond: number; eventsPerSecond: number } {
  const bm = specs.find((s) => s.id === 'bm-hunter')!;
  const config = bm.defaultConfig();
  config.fight.durationSeconds = 300;
  simulateCounted(config, { seed: 7, seedOffset: 0, iterations: 300 }); // warm-up
  const iterations = 3000;
  const t0 = performance.now();
  const { events } = simulateCounted(config, { seed: 42, seedOffset: 0, iterations });
  const seconds = (performance.now() - t0) / 1000;
  console.log(`engine: ${iterations} iterations, ${events} events in ${seconds.toFixed(3)} s`);
  return { iterationsPerSecond: iterations / seconds, eventsPerSecond: events / seconds };
}

/** Push/pop with a steady heap of ~32 pending events, times spread like the engine's. */
function benchQueue(): number {
  const q = new EventQueue(256);
  let x = 12345;
  const run = (n: number): number => {
    q.clear();
    for (let i = 0; i < 32; i++) q.push(i * 37, 4, 1, i, 0);
    let popped = 0;
    while (popped < n && q.pop()) {
      popped++;
      const now = q.time;
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      q.push(now + 1 + (x % 3000), x & 7, q.type, q.a, q.b);
      if (now > 1_000_000) {
        q.clear();
        for (let i = 0; i < 32; i++) q.push(i * 37, 4, 1, i, 0);
      }
    }
    return popped;
  };
  run(500_000);
  const n = 5_000_000;
  const t0 = performance.now();
  const popped = run(n);
  const seconds = (performance.now() - t0) / 1000;
  console.log(`queue: ${popped} push+pop in ${seconds.toFixed(3)} s`);
  return popped / seconds;
}

const engine = benchEngine();
const queueEventsPerSecond = benchQueue();
console.log(
  JSON.stringify({
    bench: 'bm-hunter-patchwerk-300s',
    iterationsPerSecond: Math.round(engine.iterationsPerSecond),
    eventsPerSecond: Math.round(engine.eventsPerSecond),
    queueEventsPerSecond: Math.round(queueEventsPerSecond),
  }),
);
