/**
 * Where the engine's time goes, by event kind: for the benchmark's configs (bench.ts: default BM and
 * MM, 300 s Patchwerk), the time from one pop of the event queue to the next is given to the event
 * popped first (its handling, plus the next pop), summed per kind. Prints one JSON line: per spec,
 * per kind, events per iteration, nanoseconds per event and share of the time; and the clock's own
 * cost per reading pair (included in every figure), for scale.
 * Run: pnpm --filter @wowlab/sim-core bench:kinds (through bench/shipped.mjs, as bench.ts)
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
import { parseConfig, specs } from '../src/index.ts';

declare const console: { log(...args: unknown[]): void };
declare const performance: { now(): number };

const SPECS = ['bm-hunter', 'mm-hunter'] as const;
const WARMUP_ITERATIONS = 100;
const ITERATIONS = 400;

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

function measure(spec: string) {
  const config = specs.find((s) => s.id === spec)!.defaultConfig();
  config.fight.durationSeconds = 300;
  const sim = createSim(parseConfig(config));
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

const out: Record<string, unknown> = { bench: 'hunter-event-kinds', clockPairNs: clockPairNs() };
for (const spec of SPECS) out[spec] = measure(spec);
console.log(JSON.stringify(out));
