/**
 * Interleaved A/B of two builds of the engine in one process: the same default BM and MM configs
 * (300 s Patchwerk) run by build A and build B in alternating rounds, CPU time each; prints one
 * JSON line with, per spec, the median of the A/B time ratios (> 1: B is faster), its quartiles and
 * the ratio of the fastest rounds. Every round checks that both builds give the same mean DPS and
 * event count (a change meant to be bit-identical that is not shows as "mismatch").
 *
 * Bundle each tree once, syntax-minified as the engine ships (../build-options.mjs; from its sim-core
 * directory; nothing is written in the tree):
 *   echo "export { createSim } from './src/engine/run.ts'; export { parseConfig, specs } from './src/index.ts';" \
 *     | pnpm exec esbuild --bundle --platform=node --format=esm --minify-syntax --outfile=/tmp/a.mjs --log-level=warning
 * then run (`--single-threaded`: no GC or compiler threads, whose CPU time is counted too):
 *   node --single-threaded --import tsx bench/ab.ts /tmp/a.mjs /tmp/b.mjs [pairs=20] [iterations=150] [walks=0]
 * or, where the tabs run the engine (a Web Worker of headless Chromium, its renderers' CPU time;
 * the two files are served to it):
 *   node bench/browser.mjs bench/ab.ts /tmp/a.mjs /tmp/b.mjs [pairs=20] [iterations=150] [walks=0]
 * In Chromium, the A/A spread of the medians is about ±1.5 % at 40 × 150 here; run 60 pairs to
 * resolve 2 %.
 * `walks` > 0 walks the rotation that many extra times at every decision (the same decisions: a
 * walk only reads the state), which weighs a change to the rotation about walks+1 times more.
 */
import type { SimConfig } from '../src/types.ts';
import { BENCH_SPECS as SPECS, benchConfig } from './configs.ts';
import { cpuSeconds, exitWithUsage, RUNTIME, SCRIPT_ARGS } from './host.ts';

declare const console: { log(...args: unknown[]): void };

interface Sim {
  rotation: { decide(state: unknown): number };
  events: number;
  runIteration(seed: number, k: number): number;
}
interface Build {
  createSim(config: SimConfig): Sim;
  parseConfig(config: SimConfig): SimConfig;
  specs: { id: string; defaultConfig(): SimConfig }[];
}

function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return s[lo]! + (s[Math.min(lo + 1, s.length - 1)]! - s[lo]!) * (i - lo);
}

/** One round: `iterations` iterations of a spec's default config from `offset`; CPU seconds, mean DPS, events. */
function round(build: Build, spec: string, offset: number, iterations: number, walks: number) {
  const sim = build.createSim(build.parseConfig(benchConfig(build.specs, spec)));
  if (walks > 0) {
    const rotation = sim.rotation;
    const decide = rotation.decide.bind(rotation);
    rotation.decide = (state) => {
      for (let i = 0; i < walks; i++) decide(state);
      return decide(state);
    };
  }
  const t0 = cpuSeconds();
  let sum = 0;
  for (let k = 0; k < iterations; k++) sum += sim.runIteration(42, offset + k);
  return { seconds: cpuSeconds() - t0, mean: sum / iterations, events: sim.events };
}

if (SCRIPT_ARGS.length < 2 || SCRIPT_ARGS.includes('--help')) {
  exitWithUsage(
    'Usage: bench/ab.ts <build A .mjs> <build B .mjs> [pairs=20] [iterations=150] [walks=0]\n' +
      'Times two engine builds in alternating rounds (BM and MM, 300 s Patchwerk) and prints, per spec,\n' +
      'the median of the A/B time ratios (> 1: B is faster). See the head of bench/ab.ts to build them.',
    SCRIPT_ARGS.includes('--help'),
  );
}
const [pathA, pathB] = [SCRIPT_ARGS[0]!, SCRIPT_ARGS[1]!];
const pairs = Number(SCRIPT_ARGS[2] ?? 20);
const iterations = Number(SCRIPT_ARGS[3] ?? 150);
const walks = Number(SCRIPT_ARGS[4] ?? 0);
const a = (await import(pathA)) as Build;
const b = (await import(pathB)) as Build;
for (const spec of SPECS) for (const build of [a, b, a, b]) round(build, spec, 10_000, iterations, walks); // warm-up
const out: Record<string, unknown> = { a: pathA, b: pathB, runtime: RUNTIME, pairs, iterations, walks };
const ratios = new Map<string, number[]>(SPECS.map((s) => [s, []]));
const best = new Map<string, [number, number]>(SPECS.map((s) => [s, [Infinity, Infinity]]));
let mismatch = false;
for (let p = 0; p < pairs; p++) {
  for (const spec of SPECS) {
    // alternate which build goes first, so that neither always runs after the other
    const first = p % 2 === 0 ? a : b;
    const r1 = round(first, spec, p * iterations, iterations, walks);
    const r2 = round(first === a ? b : a, spec, p * iterations, iterations, walks);
    const [ra, rb] = first === a ? [r1, r2] : [r2, r1];
    if (ra.mean !== rb.mean || ra.events !== rb.events) mismatch = true;
    ratios.get(spec)!.push(ra.seconds / rb.seconds);
    const m = best.get(spec)!;
    best.set(spec, [Math.min(m[0], ra.seconds), Math.min(m[1], rb.seconds)]);
  }
}
for (const spec of SPECS) {
  const r = ratios.get(spec)!;
  const [ma, mb] = best.get(spec)!;
  out[spec] = {
    speedupBoverA: Number(quantile(r, 0.5).toFixed(4)),
    q1: Number(quantile(r, 0.25).toFixed(4)),
    q3: Number(quantile(r, 0.75).toFixed(4)),
    fastestRoundsRatio: Number((ma / mb).toFixed(4)),
  };
}
out.mismatch = mismatch;
console.log(JSON.stringify(out));
